package dev.cognitosecured.runtime;

/**
 * The calling thread was interrupted while it waited: for a refresh of the tokens, for the answer to
 * an attempt, or for Cognito's answer to a sign-in step. The thread's interrupt flag is set again
 * before this is thrown, so the code that interrupted it sees that it was. The session keeps its
 * tokens, and a refresh in flight carries on for the next caller. The cause is the
 * {@link InterruptedException}.
 */
public final class CallInterruptedException extends CognitoSecuredException {
    private static final long serialVersionUID = 1L;

    /**
     * The exception for a wait that was interrupted.
     *
     * @param message what the caller was waiting for; never a token
     * @param cause the interruption
     */
    public CallInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
