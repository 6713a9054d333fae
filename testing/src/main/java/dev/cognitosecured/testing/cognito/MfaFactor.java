package dev.cognitosecured.testing.cognito;

/** A second factor, named as the challenge Cognito issues for it. */
public enum MfaFactor {
    /** A code sent by SMS to the user's {@code phone_number}. */
    SMS_MFA,
    /** A time-based one-time password (RFC 6238) from an authenticator app; see {@link Totp}. */
    SOFTWARE_TOKEN_MFA,
    /** A code sent by e-mail to the user's {@code email}. */
    EMAIL_OTP
}
