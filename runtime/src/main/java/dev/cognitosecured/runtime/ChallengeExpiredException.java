package dev.cognitosecured.runtime;

/**
 * The current sign-in challenge's session is older than Cognito keeps it (3 minutes unless the app
 * client says otherwise), so no answer can complete it. Start the sign-in again.
 */
public final class ChallengeExpiredException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    public ChallengeExpiredException(String message) {
        super(message);
    }

    public ChallengeExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
