package dev.cognitosecured.testing.graphql;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request that reached {@link LocalGraphQL}'s endpoint, recorded once the server has decided its
 * answer and before it sends it: a client holding a response always finds its request recorded.
 *
 * <p>The token itself is not kept, only its {@linkplain LocalGraphQL#fingerprint fingerprint}, so a
 * test can check which token a request carried without the token appearing in any output.
 *
 * @param sequence the request's number, from 1, in order of recording
 * @param receivedAt when the request arrived, on the server's clock
 * @param operationName the operation's name: the body's {@code operationName}, else the name of the
 *     document's only operation; empty when neither names one or the body is not readable
 * @param outcome what the server made of the request
 * @param status the HTTP status of the answer
 * @param caller who made the request, when the token was accepted
 * @param tokenFingerprint the fingerprint of the token in the {@code Authorization} header, when
 *     there was one (valid or not)
 * @param rejection why the token was not accepted, when it was not, e.g. {@code "iss is ... but ...
 *     is trusted"}; it never quotes the token
 */
public record ReceivedRequest(
        long sequence,
        Instant receivedAt,
        Optional<String> operationName,
        Outcome outcome,
        int status,
        Optional<VerifiedCaller> caller,
        Optional<String> tokenFingerprint,
        Optional<String> rejection) {

    /** What {@link LocalGraphQL} made of a request. */
    public enum Outcome {
        /** The token was accepted and the operation executed (its result may still carry errors). */
        EXECUTED,
        /** HTTP 401 "Token has expired.": a valid token whose {@code exp} had passed. */
        TOKEN_EXPIRED,
        /** HTTP 401 "Valid authorization header not provided.": no token, or one that failed a check. */
        TOKEN_INVALID,
        /** HTTP 400: the token was accepted but the body is not a GraphQL request. */
        MALFORMED_REQUEST,
        /** HTTP 500: the server could not obtain the keys to check the token (a test set-up problem). */
        KEYS_UNAVAILABLE,
        /**
         * A {@link GraphQLFault} replaced the answer (an HTTP error, or silence: status 0); the token was not
         * checked and nothing was executed.
         */
        FAULT_INJECTED
    }

    /**
     * A recorded request.
     *
     * @param sequence the request's number, from 1, in order of recording
     * @param receivedAt when the request arrived, on the server's clock
     * @param operationName the operation's name, if the request names one
     * @param outcome what the server made of the request
     * @param status the HTTP status of the answer
     * @param caller who made the request, when the token was accepted
     * @param tokenFingerprint the fingerprint of the token, when there was one
     * @param rejection why the token was not accepted, when it was not
     * @throws NullPointerException if a component is {@code null}
     */
    public ReceivedRequest {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(tokenFingerprint, "tokenFingerprint");
        Objects.requireNonNull(rejection, "rejection");
    }

    /**
     * {@return whether the request carried exactly {@code token} (compared by fingerprint)}
     *
     * @param token a token, such as an access token the test signed in for
     */
    public boolean carried(String token) {
        return tokenFingerprint.filter(LocalGraphQL.fingerprint(token)::equals).isPresent();
    }

    /** {@return whether the server answered HTTP 401} */
    public boolean wasUnauthorized() {
        return status == 401;
    }
}
