package dev.cognitosecured.runtime;

import java.util.OptionalInt;

/**
 * A call could not be completed: the server could not be reached, or answered with something that
 * is not a GraphQL response (an HTML error page, a truncated body, an unexpected status). The
 * message carries the status and a short excerpt of the body, never a token.
 */
public final class TransportException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer, or -1 if none arrived. */
    private final int status;

    /**
     * A failure with an HTTP answer.
     *
     * @param message what happened and what to do; a short excerpt of the body at most, never a token
     * @param status the answer's HTTP status code
     * @param cause the failure this follows from, or {@code null}
     */
    public TransportException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * A failure before any HTTP answer arrived (connection refused, reset, timed out).
     *
     * @param message what happened and what to do; never a token
     * @param cause the failure this follows from, or {@code null}
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** {@return the HTTP status of the answer, if one arrived} */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
