package dev.cognitosecured.testing.cognito;

/**
 * A first factor of choice-based sign-in ({@code InitiateAuth USER_AUTH}), as Cognito's {@code AuthFactorType}
 * in a user pool's {@code SignInPolicy.AllowedFirstAuthFactors}. {@link #PASSWORD} offers both {@code PASSWORD}
 * and {@code PASSWORD_SRP}.
 */
public enum AuthFactor {
    /** The password, sent ({@code PASSWORD}) or proven by SRP ({@code PASSWORD_SRP}). */
    PASSWORD,
    /** A code sent to the user's {@code email} ({@code EMAIL_OTP}). */
    EMAIL_OTP,
    /** A code sent to the user's {@code phone_number} ({@code SMS_OTP}). */
    SMS_OTP,
    /** A passkey the user registered ({@code WEB_AUTHN}). */
    WEB_AUTHN
}
