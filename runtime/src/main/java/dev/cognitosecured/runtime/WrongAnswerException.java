package dev.cognitosecured.runtime;

/**
 * Cognito rejected the answer to a sign-in challenge (a wrong code or a password that breaks the
 * pool's policy). When {@link #canRetry()} is true the same step may be answered again; otherwise
 * start the sign-in again.
 */
public final class WrongAnswerException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    private final boolean canRetry;

    public WrongAnswerException(String message, boolean canRetry, Throwable cause) {
        super(message, cause);
        this.canRetry = canRetry;
    }

    /** Whether the current step still accepts an answer. */
    public boolean canRetry() {
        return canRetry;
    }
}
