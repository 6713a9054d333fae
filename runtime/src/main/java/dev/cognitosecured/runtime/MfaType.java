package dev.cognitosecured.runtime;

/** A second factor Cognito offers: codes by SMS, from an authenticator app (TOTP), or by e-mail. */
public enum MfaType {
    /** Codes sent by SMS ({@code SMS_MFA}). */
    SMS,
    /** Codes of an authenticator app ({@code SOFTWARE_TOKEN_MFA}). */
    TOTP,
    /** Codes sent by e-mail ({@code EMAIL_OTP}). */
    EMAIL
}
