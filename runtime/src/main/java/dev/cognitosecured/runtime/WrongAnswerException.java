package dev.cognitosecured.runtime;

/**
 * Cognito rejected the answer to a sign-in challenge (a wrong code or a password that breaks the
 * pool's policy). When {@link #canRetry()} is true the same step may be answered again; otherwise
 * start the sign-in again.
 */
public final class WrongAnswerException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /** Whether the current step still accepts an answer. */
    private final boolean canRetry;

    /**
     * An answer Cognito refused.
     *
     * @param message what was wrong and what the user may do; never the answer itself
     * @param canRetry whether the current step still accepts an answer
     * @param cause Cognito's error, or {@code null}
     */
    public WrongAnswerException(String message, boolean canRetry, Throwable cause) {
        super(message, cause);
        this.canRetry = canRetry;
    }

    /** {@return whether the current step still accepts an answer} */
    public boolean canRetry() {
        return canRetry;
    }
}
