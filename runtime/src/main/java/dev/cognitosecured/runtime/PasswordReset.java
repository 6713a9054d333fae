package dev.cognitosecured.runtime;

/**
 * Resetting a forgotten password: {@code @Inject @AuthFlow PasswordReset reset}.
 *
 * <pre>{@code
 * ResetPasswordStep step = reset.resetPassword("alice");        // a code goes to the verified e-mail or phone
 * step = reset.confirmResetPassword("alice", code, newPassword);  // DONE: sign in with the new password
 * }</pre>
 *
 * <p>One request at a time: a second while one is on its way is refused with
 * {@link ChallengeInProgressException}. Every request is bounded by {@code cognito.timeout}. A signed-in
 * user changes the password with {@link Account#changePassword} instead.
 */
public interface PasswordReset {

    /**
     * Asks Cognito to send {@code username} a code to reset the password with. A pool that hides which users
     * exist (the app client's "prevent user existence errors", Cognito's default) answers an unknown user as
     * if a code was sent.
     *
     * @param username the user who forgot the password, as they sign in
     * @return {@link ResetPasswordStep.ConfirmWithCode}, with where the code went
     * @throws WrongAnswerException if the user has no verified e-mail address or phone number to send it to
     * @throws TooManyAttemptsException if too many codes were sent lately
     */
    ResetPasswordStep resetPassword(String username);

    /**
     * Sets {@code newPassword} with the code sent by {@link #resetPassword}. The caller may clear
     * {@code newPassword} once this returns.
     *
     * @param username the user given to {@link #resetPassword}
     * @param code the code the user received
     * @param newPassword the new password; it must meet the pool's password policy
     * @return {@link ResetPasswordStep.Done}
     * @throws WrongAnswerException if the code is wrong or the password breaks the policy ({@code canRetry() == true})
     * @throws CodeExpiredException if the code expired (after an hour) or a newer one was sent
     * @throws TooManyAttemptsException after too many wrong codes
     */
    ResetPasswordStep confirmResetPassword(String username, String code, char[] newPassword);
}
