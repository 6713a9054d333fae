package dev.cognitosecured.runtime.internal.cognito;

/**
 * A token from Cognito could not be read. The message names the token and what is wrong with it,
 * never the token itself.
 */
final class MalformedTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedTokenException(String message) {
        super(message);
    }
}
