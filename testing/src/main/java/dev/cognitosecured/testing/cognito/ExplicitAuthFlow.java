package dev.cognitosecured.testing.cognito;

/**
 * A sign-in flow an app client may allow, as Cognito's {@code ExplicitAuthFlows} without the {@code ALLOW_}
 * prefix. Refreshing with a refresh token is always allowed, as in Cognito.
 */
public enum ExplicitAuthFlow {
    /** {@code InitiateAuth} with {@code USER_PASSWORD_AUTH}: the password is sent to the server. */
    USER_PASSWORD_AUTH,
    /** {@code InitiateAuth} with {@code USER_SRP_AUTH}: the secure remote password protocol. */
    USER_SRP_AUTH,
    /** {@code InitiateAuth} with {@code CUSTOM_AUTH}: challenges from the pool's {@link CustomAuthTriggers}. */
    CUSTOM_AUTH,
    /** {@code InitiateAuth} with {@code USER_AUTH}: choice-based sign-in, the first factors of the pool's {@link AuthFactor}s. */
    USER_AUTH
}
