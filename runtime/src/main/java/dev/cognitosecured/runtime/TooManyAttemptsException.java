package dev.cognitosecured.runtime;

/**
 * Cognito refused the request because the user made too many of them for now: too many wrong codes,
 * too many codes asked for, too many password changes ({@code LimitExceededException},
 * {@code TooManyFailedAttemptsException}, {@code CodeDeliveryFailureException}'s throttling). Nothing changed;
 * try again later (Cognito lifts the limit after a while, typically within an hour).
 */
public final class TooManyAttemptsException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a request refused by one of Cognito's per-user limits.
     *
     * @param message what was refused and what to do; never a code or password
     */
    public TooManyAttemptsException(String message) {
        super(message);
    }
}
