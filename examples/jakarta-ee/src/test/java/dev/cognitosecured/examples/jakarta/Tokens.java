package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.VerifiedCaller;

/** What LocalGraphQL saw of one user's tokens. */
final class Tokens {

    private Tokens() {
    }

    /** How many different access tokens the requests of {@code username} carried. */
    static long distinctOf(LocalGraphQL graphQL, String username) {
        return graphQL.requests().stream()
                .filter(request -> request.caller().map(VerifiedCaller::username).filter(username::equals).isPresent())
                .map(ReceivedRequest::tokenFingerprint)
                .distinct()
                .count();
    }
}
