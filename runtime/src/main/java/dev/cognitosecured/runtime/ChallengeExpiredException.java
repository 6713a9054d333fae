package dev.cognitosecured.runtime;

/**
 * The current sign-in challenge's session is older than Cognito keeps it (3 minutes unless the app
 * client says otherwise), so no answer can complete it. Start the sign-in again.
 */
public final class ChallengeExpiredException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a challenge that can no longer be answered.
     *
     * @param message what happened and what to do; never a session
     */
    public ChallengeExpiredException(String message) {
        super(message);
    }

    /**
     * The exception for a challenge that Cognito no longer accepts.
     *
     * @param message what happened and what to do; never a session
     * @param cause Cognito's answer
     */
    public ChallengeExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
