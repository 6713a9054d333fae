package dev.cognitosecured.runtime;

import java.util.Map;

/**
 * Signing up new users of one user pool: {@code @Inject @AuthFlow SignUp signUp}.
 *
 * <pre>{@code
 * SignUpStep step = signUp.signUp("alice", password, Map.of("email", "alice@example.com"));
 * if (!step.isDone()) {
 *     step = signUp.confirmSignUp(askUser("Code sent to " + ...));   // the code from the e-mail
 * }
 * // then: signIn.start("alice", password)
 * }</pre>
 *
 * <p>It remembers the sign-up in progress (the user name, no password), so that
 * {@link #confirmSignUp(String)} and {@link #resendSignUpCode()} need only the code; the forms taking a user
 * name serve a user who comes back later. One request at a time: a second one while the first is on its way
 * is refused with {@link ChallengeInProgressException} before Cognito sees it. Every request is bounded by
 * {@code cognito.timeout}. A {@code SignUp} lives in the same scope as the pool's {@link SessionStore}.
 */
public interface SignUp {

    /**
     * Signs up {@code username} with {@code password} and {@code attributes} (named as the pool names them,
     * e.g. {@code email}, {@code phone_number}, {@code name}). The caller may clear {@code password} once
     * this returns.
     *
     * @param username the user name to sign up with, as the pool takes it
     * @param password the password; it must meet the pool's password policy
     * @param attributes the user's attributes by name, as the pool requires them; may be empty
     * @return {@link SignUpStep.ConfirmSignUp} with where the code went, or {@link SignUpStep.Done} if the
     *     pool confirmed the account at once
     * @throws UsernameExistsException if the user exists
     * @throws WrongAnswerException if the password breaks the pool's policy or an attribute is missing or
     *     malformed ({@code canRetry() == true})
     * @throws ChallengeInProgressException if another request of this flow is on its way
     */
    SignUpStep signUp(String username, char[] password, Map<String, String> attributes);

    /**
     * Confirms the sign-up in progress with the code the user received.
     *
     * @param code the code the user received
     * @return {@link SignUpStep.Done}: the user can sign in, or at once with {@link #signInNow()}
     * @throws IllegalStateException if no sign-up is in progress here: use {@link #confirmSignUp(String, String)}
     * @throws WrongAnswerException if the code is wrong ({@code canRetry() == true})
     * @throws CodeExpiredException if it expired or a newer one was sent: {@link #resendSignUpCode()}
     * @throws TooManyAttemptsException after too many wrong codes
     */
    SignUpStep confirmSignUp(String code);

    /**
     * As {@link #confirmSignUp(String)}, for {@code username}'s sign-up (made earlier, or elsewhere).
     *
     * @param username the user name the user signed up with
     * @param code the code the user received
     * @return {@link SignUpStep.Done}: the user can sign in
     */
    SignUpStep confirmSignUp(String username, String code);

    /**
     * Sends a new code for the sign-up in progress; the previous one is no longer valid.
     *
     * @return where the new code went, to tell the user where to look
     * @throws IllegalStateException if no sign-up is in progress here: use {@link #resendSignUpCode(String)}
     * @throws TooManyAttemptsException if too many codes were sent lately
     */
    CodeDeliveryDetails resendSignUpCode();

    /**
     * As {@link #resendSignUpCode()}, for {@code username}'s sign-up (made earlier, or elsewhere).
     *
     * @param username the user name the user signed up with
     * @return where the new code went, to tell the user where to look
     */
    CodeDeliveryDetails resendSignUpCode(String username);

    /**
     * Signs in the user whose sign-up this flow confirmed last, without asking for the password again: the
     * single-use session Cognito returned with the confirmation goes into a choice-based sign-in
     * ({@code InitiateAuth USER_AUTH}), through the pool's {@link SignIn} of the same scope, which then holds
     * the session. The app client must allow {@code ALLOW_USER_AUTH}; Cognito accepts the session for a few
     * minutes only.
     *
     * <pre>{@code
     * if (signUp.confirmSignUp(code).isDone()) {
     *     SignInStep step = signUp.signInNow();   // Done, or the pool's MFA
     * }
     * }</pre>
     *
     * @return {@link SignInStep.Done}, or the challenge Cognito asks first (answered with {@link SignIn#confirm})
     * @throws IllegalStateException if no confirmation's session is at hand (none confirmed here, already used,
     *     the scope was passivated since, or the app client does not allow {@code USER_AUTH}): sign in with
     *     {@link SignIn#start}
     * @throws ChallengeExpiredException if Cognito no longer accepts the session: sign in with {@link SignIn#start}
     */
    SignInStep signInNow();
}
