package dev.cognitosecured.runtime;

/**
 * A first factor of choice-based sign-in ({@link SignIn#startUserAuth(String)}, Cognito's {@code USER_AUTH}
 * flow), named as Cognito names the challenge. Which ones a user may choose from depends on the user pool's
 * sign-in policy, the app client's {@code ALLOW_USER_AUTH}, and the user (an e-mail address, a phone number, a
 * registered passkey).
 */
public enum FirstFactor {
    /** The password, sent to Cognito over TLS. */
    PASSWORD,
    /** The password, proven by SRP: it never leaves the process. */
    PASSWORD_SRP,
    /** A one-time code Cognito sends by e-mail. */
    EMAIL_OTP,
    /** A one-time code Cognito sends by SMS. */
    SMS_OTP,
    /** A passkey: the browser's WebAuthn assertion (see {@link SignInStep.WebAuthnCredential}). */
    WEB_AUTHN;

    /**
     * {@return whether this factor is the user's password ({@link #PASSWORD} or {@link #PASSWORD_SRP}): answer it
     * with {@link SignIn#confirmPassword}, not {@link SignIn#confirm}}
     */
    public boolean isPassword() {
        return this == PASSWORD || this == PASSWORD_SRP;
    }
}
