package dev.cognitosecured.testing.graphql;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The requests {@link LocalGraphQL} has answered, in order of recording; safe for concurrent use. */
final class RequestLog {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();

    void record(Instant receivedAt, Optional<String> operationName, ReceivedRequest.Outcome outcome, int status,
            Optional<String> tokenFingerprint, TokenCheck check) {
        requests.add(new ReceivedRequest(sequence.incrementAndGet(), receivedAt, operationName, outcome, status,
                check.caller(), tokenFingerprint, check.reason()));
    }

    List<ReceivedRequest> all() {
        return requests.stream().sorted(Comparator.comparingLong(ReceivedRequest::sequence)).toList();
    }

    long count() {
        return requests.size();
    }

    long countWithStatus(int status) {
        return requests.stream().filter(request -> request.status() == status).count();
    }

    long countOf(String operationName) {
        Objects.requireNonNull(operationName, "operationName");
        return requests.stream().filter(request -> request.operationName().filter(operationName::equals).isPresent())
                .count();
    }

    long distinctTokens() {
        return requests.stream().flatMap(request -> request.tokenFingerprint().stream()).distinct().count();
    }

    void clear() {
        requests.clear();
    }
}
