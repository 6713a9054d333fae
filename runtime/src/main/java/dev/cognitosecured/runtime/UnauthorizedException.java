package dev.cognitosecured.runtime;

/**
 * The GraphQL server rejected the token with HTTP 401, and kept rejecting it after the refreshes
 * and replays the interface allows ({@code retryOnUnauthorized}). Check that the API trusts this
 * user pool and app client, and that the right token ({@code token = ACCESS} or {@code ID}) is sent.
 * If the server said the token had expired ({@link #tokenExpired()}), the calls take longer than the
 * margin left on the token: the message says how long the attempts took, and what to raise.
 */
public final class UnauthorizedException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the last rejection. */
    private final int status;
    /** Whether the server said the token had expired. */
    private final boolean tokenExpired;

    /**
     * A rejection for which the server gave no reason the library recognises.
     *
     * @param message what happened and what to do; never a token
     * @param status the HTTP status (401)
     */
    public UnauthorizedException(String message, int status) {
        this(message, status, false, null);
    }

    /**
     * A rejection for which the server gave no reason the library recognises, caused by {@code cause}.
     *
     * @param message what happened and what to do; never a token
     * @param status the HTTP status (401)
     * @param cause the rejection this one follows from, or {@code null}
     */
    public UnauthorizedException(String message, int status, Throwable cause) {
        this(message, status, false, cause);
    }

    /**
     * A rejection.
     *
     * @param message what happened and what to do; never a token
     * @param status the HTTP status (401)
     * @param tokenExpired whether the server said the token had expired ({@code Token has expired.})
     * @param cause the rejection this one follows from, or {@code null}
     */
    public UnauthorizedException(String message, int status, boolean tokenExpired, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.tokenExpired = tokenExpired;
    }

    /** {@return the HTTP status of the last rejection (401)} */
    public int status() {
        return status;
    }

    /**
     * Whether the server said the token had expired (AppSync's {@code Token has expired.}): it was
     * valid when sent and expired in flight, or the server's clock is ahead. Other rejections (a token
     * of another pool, a revoked or malformed one) answer {@code false}.
     *
     * @return {@code true} if the server said the token had expired
     */
    public boolean tokenExpired() {
        return tokenExpired;
    }
}
