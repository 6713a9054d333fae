package dev.cognitosecured.runtime;

import java.util.Map;

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
 * <p>The flow keeps the session Cognito returns with each challenge itself, one sign-in at a time, and
 * answers with it, so an answer can never go out with a stale or spent session: each answer is sent
 * with the session of the latest response, and a second answer while one is on its way is refused
 * before Cognito sees it. The password is not kept after {@link #start} returns.
 *
 * <p>A {@code SignIn} lives in the same scope as the {@link SessionStore} of its pool (per application
 * or per HTTP session) and is the only holder of that principal's sign-in in progress. It uses the
 * store through {@link SessionStore}'s methods only: a sign-in that ends with tokens starts the
 * store's session ({@link SessionStore#signIn(dev.cognitosecured.runtime.spi.Tokens, java.time.Duration)},
 * expiry measured from when the last request was sent), and {@link #signOut} ends it
 * ({@link SessionStore#end}).
 *
 * <p>Its states: no sign-in in progress; a challenge waiting for the user's answer ({@link #current()});
 * a request on its way to Cognito (a second one is refused with {@link ChallengeInProgressException}).
 * {@code docs/ARCHITECTURE.md} lists the transitions.
 *
 * <p>{@link #start} authenticates with SRP ({@code USER_SRP_AUTH}, the password never leaves the
 * process) unless the pool's {@code auth-flow} is {@code USER_PASSWORD_AUTH} or {@code CUSTOM_AUTH}
 * (the pool's own challenges, from its custom auth challenge Lambda triggers).
 */
public interface SignIn {

    /**
     * Starts signing in, abandoning a sign-in that waits for an answer. The caller may clear
     * {@code password} once this returns; no copy of it is kept.
     *
     * <p>With {@code auth-flow=CUSTOM_AUTH}, a password (not empty) is proven by SRP first, then the
     * pool's triggers ask their {@link SignInStep.CustomChallenge custom challenges}; an empty password
     * ({@code new char[0]}) skips it and the custom challenges come first. Any other flow needs a password.
     *
     * @param username the user's name (or alias) as the pool knows it; not blank
     * @param password the password, read before this returns and not kept: the caller may clear it then
     * @return {@link SignInStep.Done} if no challenge follows, else the first challenge
     * @throws WrongAnswerException if the user name or password is wrong ({@code canRetry() == true})
     * @throws ChallengeInProgressException if an answer of this sign-in is on its way
     * @throws SignInRequiredException if Cognito will not let the user sign in (the password must be
     *     reset, the account is not confirmed) or asks for a challenge this flow cannot answer
     * @throws TransportException if Cognito could not be reached or failed
     */
    SignInStep start(String username, char[] password);

    /**
     * Answers the current challenge: a code, a new password, an MFA type (one of
     * {@link SignInStep.MfaSelection#allowed()}), the first code of the authenticator app being set up,
     * a custom answer, a first factor's name (one of {@link SignInStep.FirstFactorSelection#available()}
     * but the password factors, which {@link #confirmPassword} answers), or a passkey's credential JSON
     * ({@link SignInStep.WebAuthnCredential}).
     *
     * @param answer what the user entered for the current step
     * @return the next step
     * @throws IllegalStateException if no challenge is waiting for an answer
     * @throws ChallengeInProgressException if another answer is on its way
     * @throws ChallengeExpiredException if the challenge's session is too old: start again
     * @throws WrongAnswerException if the answer was refused; when {@code canRetry()} the same step
     *     may be answered again
     */
    SignInStep confirm(String answer);

    /**
     * Answers {@link SignInStep.NewPasswordRequired} with a new password and the user attributes it
     * lists as required (named as there, e.g. {@code name} or {@code email}); other attributes may be
     * given too. The caller may clear {@code newPassword} once this returns.
     *
     * @param newPassword the new password, which must meet the pool's policy
     * @param attributes user attributes by the names the step lists (more may be given); may be empty
     * @return the next step: {@link SignInStep.Done}, or a challenge that follows (an MFA code, say)
     * @throws IllegalStateException if the current step is not {@link SignInStep.NewPasswordRequired}
     * @throws WrongAnswerException if a required attribute is missing or the password breaks the
     *     pool's policy ({@code canRetry() == true})
     * @see #confirm(String)
     */
    SignInStep confirmNewPassword(char[] newPassword, Map<String, String> attributes);

    /**
     * Starts a choice-based sign-in (Cognito's {@code USER_AUTH} flow), abandoning a sign-in that waits for an
     * answer: Cognito answers with the first factors this user may choose from
     * ({@link SignInStep.FirstFactorSelection}). The app client must allow {@code ALLOW_USER_AUTH}.
     *
     * <p>As with {@link #start}, a device remembered for {@code username} goes with every choice-based start
     * ({@code DEVICE_KEY}): after a password first factor it is proven instead of the second factor, and a new
     * device is confirmed and kept.
     *
     * <pre>{@code
     * SignInStep step = signIn.startUserAuth("alice");          // FirstFactorSelection [EMAIL_OTP, PASSWORD, ...]
     * step = signIn.confirm("EMAIL_OTP");                        // EmailCode: a code was sent to a***@e***
     * step = signIn.confirm(codeFromTheUser);                    // Done
     * }</pre>
     *
     * @param username the user to sign in, as they sign in (user name, e-mail address or phone number, as the
     *     pool allows)
     * @return the step Cognito answers with: {@link SignInStep.FirstFactorSelection}, with the factors to offer
     *     the user
     * @throws WrongAnswerException if Cognito refuses the user ({@code canRetry() == true})
     * @throws ChallengeInProgressException if an answer of this sign-in is on its way
     * @throws TransportException if Cognito could not be reached or failed (e.g. the app client does not
     *     allow {@code USER_AUTH})
     */
    SignInStep startUserAuth(String username);

    /**
     * Starts a choice-based sign-in with {@code preferred} as the first factor, if Cognito offers it to this
     * user: {@link FirstFactor#EMAIL_OTP} or {@link FirstFactor#SMS_OTP} (a code is sent,
     * {@link SignInStep.EmailCode} or {@link SignInStep.SmsCode}), or {@link FirstFactor#WEB_AUTHN}
     * ({@link SignInStep.WebAuthnCredential}). If the user cannot use it, Cognito lets the user choose
     * ({@link SignInStep.FirstFactorSelection}).
     *
     * @param username the user to sign in
     * @param preferred the first factor to try first; not a password factor
     * @return the preferred factor's step ({@link SignInStep.EmailCode}, {@link SignInStep.SmsCode},
     *     {@link SignInStep.WebAuthnCredential}), or {@link SignInStep.FirstFactorSelection} if the user cannot
     *     use it
     * @throws IllegalArgumentException if {@code preferred} is a password factor: use
     *     {@link #startUserAuth(String, char[])}
     * @see #startUserAuth(String)
     */
    SignInStep startUserAuth(String username, FirstFactor preferred);

    /**
     * Starts a choice-based sign-in with the password as the first factor, proven by SRP
     * ({@code PASSWORD_SRP}: the password never leaves the process). What follows is as after {@link #start}:
     * the pool's second factor, if any (none on a remembered device), or {@link SignInStep.Done}. The caller may
     * clear {@code password} once this returns.
     *
     * @param username the user to sign in
     * @param password the user's password; it is proven by SRP and never sent
     * @return the pool's second factor, if any, or {@link SignInStep.Done}
     * @throws WrongAnswerException if the user name or password is wrong ({@code canRetry() == true})
     * @see #startUserAuth(String)
     */
    SignInStep startUserAuth(String username, char[] password);

    /**
     * Answers {@link SignInStep.FirstFactorSelection} with the password: by SRP ({@code PASSWORD_SRP}) when
     * Cognito offers it, else sent ({@code PASSWORD}). The caller may clear {@code password} once this returns.
     *
     * @param password the user's password
     * @return the pool's second factor, if any, or {@link SignInStep.Done}
     * @throws IllegalStateException if the current step is not {@link SignInStep.FirstFactorSelection}
     * @throws WrongAnswerException if the password is wrong, or the selection offers no password factor
     * @throws ChallengeExpiredException if the selection's session is too old: start again
     */
    SignInStep confirmPassword(char[] password);

    /**
     * The current step: the challenge waiting for an answer (or being answered), or
     * {@link SignInStep.Done} once signed in.
     *
     * @return the step to show the user
     * @throws IllegalStateException if nobody is signed in and no challenge is waiting
     */
    SignInStep current();

    /** {@return whether a user is signed in} */
    boolean isSignedIn();

    /**
     * Ends the session and abandons a sign-in in progress, then revokes the refresh token at Cognito.
     * The revocation is best effort: if Cognito cannot be reached, the session has ended all the same
     * (a warning is logged, and the refresh token stays valid at Cognito until it expires).
     */
    void signOut();
}
