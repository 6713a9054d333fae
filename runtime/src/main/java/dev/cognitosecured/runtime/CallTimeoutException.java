package dev.cognitosecured.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * A call, an attempt of it, or a step of a sign-in ran out of the time it was given. The exception
 * says {@linkplain #part() which part} took the time, {@linkplain #waited() how long} the caller
 * waited, and {@linkplain #key() the configuration key} that bounds that part, to raise if the time
 * was too short. Nothing the call obtained before is lost: the session keeps its tokens, and a refresh
 * in flight carries on for the next caller.
 */
public final class CallTimeoutException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** The part of the call that took the time. */
    public enum Part {
        /** Opening the connection to the GraphQL API ({@code graphql.connect-timeout}). */
        CONNECTING("connecting to the GraphQL API"),
        /** Waiting for the GraphQL API's answer to one attempt, from sending to its last byte ({@code graphql.timeout}). */
        WAITING_FOR_ANSWER("waiting for the GraphQL API's answer"),
        /** Waiting for the tokens' refresh at the start of the call ({@code graphql.call-timeout}). */
        WAITING_FOR_REFRESH("waiting for a refresh of the tokens"),
        /** The first attempt, when the whole call's deadline came first ({@code graphql.call-timeout}). */
        ATTEMPT("the first attempt"),
        /** A refresh and replay after an HTTP 401, when the whole call's deadline came first ({@code graphql.call-timeout}). */
        REPLAY("a refresh and replay after an HTTP 401"),
        /**
         * Waiting for Cognito's answer to one request, the AWS SDK's retries included: a sign-in step, a
         * refresh (which every caller waiting for it then gets), a sign-out, an account request of
         * {@code SignUp}, {@code PasswordReset} or {@code Account} ({@code cognito.timeout}).
         */
        COGNITO("waiting for Cognito's answer");

        private final String description;

        Part(String description) {
            this.description = description;
        }

        /** {@return what the part is, in words, e.g. "waiting for a refresh of the tokens"} */
        public String description() {
            return description;
        }
    }

    /** The part of the call that ran out of time. */
    private final Part part;
    /** How long the part had waited when it gave up. */
    private final Duration waited;
    /** The full configuration key that bounds the part. */
    private final String key;

    /**
     * The exception for a part of a call that ran out of time.
     *
     * @param message what took too long and what to do; never a token
     * @param part the part that took the time
     * @param waited how long the caller waited
     * @param key the full configuration key that bounds {@code part}, e.g. {@code cognito-secured.graphql.timeout}
     */
    public CallTimeoutException(String message, Part part, Duration waited, String key) {
        super(message);
        this.part = Objects.requireNonNull(part, "part");
        this.waited = Objects.requireNonNull(waited, "waited");
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * As {@link #CallTimeoutException(String, Part, Duration, String)}, with the failure it replaces.
     *
     * @param message what took too long and what to do; never a token
     * @param part the part that took the time
     * @param waited how long the caller waited
     * @param key the full configuration key that bounds {@code part}
     * @param cause the failure the timeout replaces, e.g. the HTTP client's
     */
    public CallTimeoutException(String message, Part part, Duration waited, String key, Throwable cause) {
        super(message, cause);
        this.part = Objects.requireNonNull(part, "part");
        this.waited = Objects.requireNonNull(waited, "waited");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** {@return the part of the call that took the time} */
    public Part part() {
        return part;
    }

    /** {@return how long the caller waited before it gave up} */
    public Duration waited() {
        return waited;
    }

    /** {@return the full configuration key that bounds {@link #part()}}: raise it if the time was too short. */
    public String key() {
        return key;
    }
}
