package dev.cognitosecured.runtime;

/**
 * The base class of every exception this library throws. All are unchecked, and each message says
 * what went wrong and what to do; none ever holds a token, password, code or challenge session.
 */
public abstract class CognitoSecuredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with this message.
     *
     * @param message what went wrong and what to do; never a secret
     */
    protected CognitoSecuredException(String message) {
        super(message);
    }

    /**
     * An exception with this message and cause.
     *
     * @param message what went wrong and what to do; never a secret
     * @param cause the failure this one reports
     */
    protected CognitoSecuredException(String message, Throwable cause) {
        super(message, cause);
    }
}
