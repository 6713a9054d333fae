package dev.cognitosecured.runtime;

/**
 * The GraphQL server rejected the token with HTTP 401, and kept rejecting it after the refreshes
 * and replays the interface allows ({@code retryOnUnauthorized}). Check that the API trusts this
 * user pool and app client, and that the right token ({@code token = ACCESS} or {@code ID}) is sent.
 */
public final class UnauthorizedException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public UnauthorizedException(String message, int status) {
        super(message);
        this.status = status;
    }

    public UnauthorizedException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last rejection (401). */
    public int status() {
        return status;
    }
}
