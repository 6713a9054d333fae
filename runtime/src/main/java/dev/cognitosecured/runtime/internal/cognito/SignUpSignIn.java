package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.SignInStep;

/**
 * The sign-in right after a sign-up's confirmation, which the pool's {@code SignIn} bean offers the
 * {@code SignUp} bean of the same scope: {@code InitiateAuth USER_AUTH} with the single-use {@code Session}
 * that {@code ConfirmSignUp} returned, so the user is not asked for the password again. Not for applications:
 * they call {@link dev.cognitosecured.runtime.SignUp#signInNow()}.
 */
public interface SignUpSignIn {

    /**
     * Signs in {@code username} with {@code confirmationSession}, abandoning a sign-in that waits for an answer.
     *
     * @return {@link SignInStep.Done}, or the challenge Cognito asks first
     */
    SignInStep startAfterSignUp(String username, String confirmationSession);
}
