package dev.cognitosecured.testing.cognito.internal;

/**
 * Sees each request for a known action before it is handled: counts it and decides whether a fault replaces
 * the answer. May block (a delay, a held request).
 */
public interface RequestInterceptor {

    /** What to do with a request. */
    enum Interception {
        /** Handle it normally. */
        PROCEED,
        /** Answer {@code TooManyRequestsException}. */
        THROTTLE,
        /** Answer HTTP 500 {@code InternalErrorException}. */
        SERVER_ERROR,
        /** Close the connection without an answer. */
        CLOSE_CONNECTION,
        /** Answer HTTP 503 {@code ServiceUnavailableException}. */
        SERVICE_UNAVAILABLE,
        /** Handle it, send half of the answer's body and close the connection. */
        RESET_MID_RESPONSE
    }

    /**
     * Called on the server's thread for each request of {@code action} (its wire name).
     *
     * @throws InterruptedException if the server is closed while the request waits
     */
    Interception before(String action) throws InterruptedException;
}
