package dev.cognitosecured.runtime;

/**
 * An answer to the current sign-in challenge is already on its way to Cognito; sending a second
 * one with the same session would burn it. Wait for the first answer's result.
 */
public final class ChallengeInProgressException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a second answer while one is on its way.
     *
     * @param message what happened and what to do
     */
    public ChallengeInProgressException(String message) {
        super(message);
    }
}
