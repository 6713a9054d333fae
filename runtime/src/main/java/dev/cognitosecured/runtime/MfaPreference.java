package dev.cognitosecured.runtime;

/**
 * What to make of one second factor with {@link Mfa#updatePreference}, named as Amplify's {@code MFAPreference}.
 */
public enum MfaPreference {
    /** Turned on, the preferred factor left as it is. */
    ENABLED,
    /** Turned off (and no longer preferred). */
    DISABLED,
    /** Turned on, and the factor Cognito asks for first. */
    PREFERRED,
    /** Turned on, not preferred. */
    NOT_PREFERRED
}
