package dev.cognitosecured.runtime;

import java.util.Collection;
import java.util.Map;

/**
 * The signed-in user's account: {@code @Inject @AuthFlow Account account}. Every call is made with a fresh
 * access token from the pool's {@link SessionStore} of the same scope (refreshed first if need be), bounded
 * by {@code cognito.timeout}, and fails with {@link SignInRequiredException} if nobody is signed in or
 * Cognito no longer accepts the user's tokens (the session then ends, with the reason).
 *
 * <pre>{@code
 * Map<String, AttributeUpdateStep> steps = account.updateAttributes(Map.of("email", "new@example.com"));
 * if (steps.get("email") instanceof AttributeUpdateStep.ConfirmWithCode confirm) {
 *     account.confirmAttribute("email", askUser("Code sent to " + confirm.delivery().destination()));
 * }
 * }</pre>
 *
 * <p>Calls that send a code back or a password ({@link #confirmAttribute}, {@link #changePassword}) go one at
 * a time: a second while one is on its way is refused with {@link ChallengeInProgressException}.
 */
public interface Account {

    /**
     * Reads the user's attributes from Cognito ({@code GetUser}).
     *
     * @return the attributes by name, as Cognito holds them, {@code sub} and {@code email_verified} included
     */
    Map<String, String> attributes();

    /**
     * Gives the attributes new values (an empty value clears one). An e-mail address or phone number the
     * pool verifies gets a code.
     *
     * @param attributes the new values by attribute name, e.g. {@code email}; an empty value clears the attribute
     * @return per attribute given, {@link AttributeUpdateStep.Done} or {@link AttributeUpdateStep.ConfirmWithCode}
     * @throws WrongAnswerException if an attribute is unknown, read-only or malformed ({@code canRetry() == true})
     * @throws UsernameExistsException if another user already has the e-mail address or phone number
     */
    Map<String, AttributeUpdateStep> updateAttributes(Map<String, String> attributes);

    /**
     * Sends a new code to verify {@code attribute} ({@code email} or {@code phone_number}).
     *
     * @param attribute the attribute to verify: {@code email} or {@code phone_number}
     * @return where the code went, to tell the user where to look
     * @throws TooManyAttemptsException if too many codes were sent lately
     */
    CodeDeliveryDetails sendVerificationCode(String attribute);

    /**
     * Verifies {@code attribute} with the code sent to it.
     *
     * @param attribute the attribute the code was sent for, e.g. {@code email}
     * @param code the code the user received
     * @throws WrongAnswerException if the code is wrong ({@code canRetry() == true})
     * @throws CodeExpiredException if it expired or a newer one was sent: {@link #sendVerificationCode}
     * @throws TooManyAttemptsException after too many wrong codes
     */
    void confirmAttribute(String attribute, String code);

    /**
     * Removes the attributes {@code names}.
     *
     * @param names the names of the attributes to remove, e.g. {@code phone_number}
     * @throws WrongAnswerException if one is required by the pool or read-only
     */
    void deleteAttributes(Collection<String> names);

    /**
     * Changes the password. The caller may clear both arrays once this returns.
     *
     * @param oldPassword the password the user signs in with now
     * @param newPassword the password to sign in with from now on; it must meet the pool's password policy
     * @throws WrongAnswerException if {@code oldPassword} is wrong or {@code newPassword} breaks the policy
     *     ({@code canRetry() == true})
     * @throws TooManyAttemptsException after too many wrong passwords
     */
    void changePassword(char[] oldPassword, char[] newPassword);

    /**
     * Signs the user out on every device ({@code GlobalSignOut}): every token Cognito issued to the user is
     * revoked, then the session here ends ({@code SessionEnded} with
     * {@link dev.cognitosecured.runtime.event.SessionEnded.Reason#SIGNED_OUT_EVERYWHERE}). If Cognito cannot be
     * reached the exception says so and the session is kept: nothing was revoked.
     */
    void signOutEverywhere();

    /**
     * Deletes the user from the pool ({@code DeleteUser}), then ends the session here
     * ({@link dev.cognitosecured.runtime.event.SessionEnded.Reason#USER_DELETED}).
     */
    void deleteUser();
}
