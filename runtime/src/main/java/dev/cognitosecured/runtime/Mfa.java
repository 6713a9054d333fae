package dev.cognitosecured.runtime;

import java.util.Map;

/**
 * The signed-in user's second factors: {@code @Inject @AuthFlow Mfa mfa}. Every call is made with a fresh access
 * token from the pool's {@link SessionStore} of the same scope, bounded by {@code cognito.timeout}, and fails with
 * {@link SignInRequiredException} if nobody is signed in or Cognito no longer accepts the user's tokens.
 *
 * <pre>{@code
 * TotpSetupDetails app = mfa.setUpTotp();
 * show(app.setupUri());                                   // as a QR code; it holds the key
 * mfa.verifyTotp(askUser("First code of the app"), "Phone");
 * mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.PREFERRED));
 * }</pre>
 *
 * <p>{@link #verifyTotp} sends a code: one at a time, a second while one is on its way is refused with
 * {@link ChallengeInProgressException} before Cognito sees it.
 */
public interface Mfa {

    /**
     * A new key for the user's authenticator app ({@code AssociateSoftwareToken}); the app is not used until
     * {@link #verifyTotp} accepts its first code. Calling it again replaces the key.
     *
     * @return the key and the {@code otpauth://} URI to show the user, e.g. as a QR code
     */
    TotpSetupDetails setUpTotp();

    /**
     * Verifies the app with its current code ({@code VerifySoftwareToken}): from now on it is the user's
     * authenticator app, turned on as a second factor by {@link #updatePreference}.
     *
     * @param code the code the authenticator app shows now
     * @param friendlyDeviceName how the app is named at Cognito, e.g. "Phone"
     * @throws WrongAnswerException if the code is wrong or too old ({@code canRetry() == true})
     * @throws WrongAnswerException if no key was set up ({@code canRetry() == false}): call {@link #setUpTotp}
     * @throws ChallengeInProgressException if another code is on its way
     */
    void verifyTotp(String code, String friendlyDeviceName);

    /**
     * Turns second factors on or off and chooses the preferred one ({@code SetUserMFAPreference}); factors not
     * named stay as they are.
     *
     * @param preferences per factor, what to do with it: {@link MfaPreference#ENABLED}, {@link MfaPreference#DISABLED},
     *     {@link MfaPreference#PREFERRED} or {@link MfaPreference#NOT_PREFERRED}
     * @throws WrongAnswerException if a factor cannot be turned on: no verified app, no phone number or e-mail
     *     address
     */
    void updatePreference(Map<MfaType, MfaPreference> preferences);

    /**
     * Reads the user's second factors from Cognito ({@code GetUser}).
     *
     * @return the factors turned on and the preferred one, if the user chose one
     */
    MfaSettings preference();
}
