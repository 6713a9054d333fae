package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.ReceivedRequest.Outcome;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@link LocalGraphQL} recorded, summed up for assertions: one snapshot of its request log. */
public final class ServerLog {

    private final List<ReceivedRequest> requests;

    private ServerLog(List<ReceivedRequest> requests) {
        this.requests = requests;
    }

    /** The requests recorded so far. */
    public static ServerLog of(LocalGraphQL graphQL) {
        return new ServerLog(graphQL.requests());
    }

    public List<ReceivedRequest> requests() {
        return requests;
    }

    public long count() {
        return requests.size();
    }

    /** Requests whose token was accepted and whose operation ran. */
    public long executed() {
        return count(Outcome.EXECUTED);
    }

    /** HTTP 401 "Token has expired.": sent with a token that had expired by the time the server checked it. */
    public long expired() {
        return count(Outcome.TOKEN_EXPIRED);
    }

    /** HTTP 401 "Valid authorization header not provided.". */
    public long invalid() {
        return count(Outcome.TOKEN_INVALID);
    }

    public long unauthorized() {
        return requests.stream().filter(ReceivedRequest::wasUnauthorized).count();
    }

    public long count(Outcome outcome) {
        return requests.stream().filter(request -> request.outcome() == outcome).count();
    }

    /** How many different tokens the requests carried. */
    public long distinctTokens() {
        return requests.stream().flatMap(request -> request.tokenFingerprint().stream()).distinct().count();
    }

    /** The fingerprints of the tokens the requests carried, each once, in order of first use. */
    public List<String> tokens() {
        return requests.stream().flatMap(request -> request.tokenFingerprint().stream()).distinct().toList();
    }

    /** Per user (as the accepted token names them), how many different tokens their executed requests carried. */
    public Map<String, Long> distinctTokensByUser() {
        return requests.stream()
                .filter(request -> request.caller().isPresent() && request.tokenFingerprint().isPresent())
                .collect(Collectors.groupingBy(request -> request.caller().map(VerifiedCaller::username).orElseThrow(),
                        Collectors.mapping(request -> request.tokenFingerprint().orElseThrow(),
                                Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));
    }

    /** The last request, if any. */
    public Optional<ReceivedRequest> last() {
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    @Override
    public String toString() {
        return "ServerLog" + requests.stream().collect(Collectors.groupingBy(ReceivedRequest::outcome, Collectors.counting()));
    }
}
