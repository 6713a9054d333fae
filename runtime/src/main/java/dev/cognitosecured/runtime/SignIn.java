package dev.cognitosecured.runtime;

/**
 * The sign-in flow of one user pool: {@code @Inject @AuthFlow SignIn signIn}.
 *
 * <pre>{@code
 * SignInStep step = signIn.start(user, password);
 * while (!step.isDone()) {
 *     step = signIn.confirm(askUser(step));   // sent with the session of the step before it
 * }
 * }</pre>
 *
 * <p>The flow keeps the session Cognito returns with each challenge and answers with it, so an
 * answer can never go out with a stale or spent session. The password is not kept after
 * {@link #start} returns.
 */
public interface SignIn {

    /**
     * Starts signing in. The caller may clear {@code password} once this returns.
     *
     * @return {@link SignInStep.Done} if no challenge follows, else the first challenge
     */
    SignInStep start(String username, char[] password);

    /**
     * Answers the current challenge: a code, a new password, an MFA type or a custom answer.
     *
     * @return the next step
     * @throws IllegalStateException if no challenge is waiting for an answer
     * @throws ChallengeInProgressException if another answer is on its way
     * @throws ChallengeExpiredException if the challenge's session is too old
     * @throws WrongAnswerException if Cognito rejected the answer
     */
    SignInStep confirm(String answer);

    /** The current step: the challenge waiting for an answer, or {@link SignInStep.Done}. */
    SignInStep current();

    /** Whether a user is signed in. */
    boolean isSignedIn();

    /** Revokes the refresh token at Cognito and ends the session. */
    void signOut();
}
