package dev.cognitosecured.testing.cognito;

/** Whether a user pool asks for a second factor at sign-in, as Cognito's {@code MfaConfiguration}. */
public enum MfaConfiguration {
    /** Never. */
    OFF,
    /** Only from users who turned a factor on (see {@link NewUser#withMfa(MfaFactor...)}). */
    OPTIONAL,
    /** From every user; a user with no factor yet must set up a software token ({@code MFA_SETUP}). */
    ON
}
