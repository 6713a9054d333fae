package dev.cognitosecured.testing.cognito;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of an app client. Start from {@link #defaults()} and change what the test needs:
 *
 * <pre>{@code
 * ClientSettings.defaults()
 *         .withSecret()
 *         .withAccessTokenValidity(Duration.ofSeconds(30))
 *         .withRefreshTokenRotation(Duration.ofSeconds(10))
 * }</pre>
 *
 * <p>Cognito bounds these values (tokens at least 5 minutes, sessions 3 to 15 minutes); LocalCognito accepts
 * any positive whole number of seconds, so tests can use short lifetimes.
 *
 * @param generateSecret whether the client has a secret (then every call needs {@code SECRET_HASH} or the
 *     secret itself)
 * @param authFlows the sign-in flows the client allows; refresh is always allowed
 * @param authSessionValidity how long a challenge session stays valid ({@code AuthSessionValidity}, Cognito's
 *     default: 3 minutes); the codes sent by SMS or e-mail are valid as long
 * @param accessTokenValidity the access token's lifetime ({@code exp - iat}, and {@code ExpiresIn})
 * @param idTokenValidity the ID token's lifetime
 * @param refreshTokenValidity the refresh token's lifetime
 * @param refreshTokenRotation whether {@code GetTokensFromRefreshToken} issues a new refresh token each time
 *     (then {@code REFRESH_TOKEN_AUTH} is refused, as in Cognito)
 * @param retryGracePeriod with rotation, how long a rotated refresh token still works (0 to 60 seconds)
 * @param preventUserExistenceErrors whether an unknown user gets "Incorrect username or password." (Cognito's
 *     default for new clients) rather than {@code UserNotFoundException}
 */
public record ClientSettings(
        boolean generateSecret,
        Set<ExplicitAuthFlow> authFlows,
        Duration authSessionValidity,
        Duration accessTokenValidity,
        Duration idTokenValidity,
        Duration refreshTokenValidity,
        boolean refreshTokenRotation,
        Duration retryGracePeriod,
        boolean preventUserExistenceErrors) {

    /**
     * Settings with an unmodifiable copy of {@code authFlows}.
     *
     * @param generateSecret whether the client has a secret
     * @param authFlows the sign-in flows the client allows
     * @param authSessionValidity how long a challenge session stays valid
     * @param accessTokenValidity the access token's lifetime
     * @param idTokenValidity the ID token's lifetime
     * @param refreshTokenValidity the refresh token's lifetime
     * @param refreshTokenRotation whether {@code GetTokensFromRefreshToken} issues a new refresh token each time
     * @param retryGracePeriod how long a rotated refresh token still works
     * @param preventUserExistenceErrors whether an unknown user gets "Incorrect username or password."
     * @throws IllegalArgumentException if a validity is not a positive whole number of seconds, or
     *     {@code retryGracePeriod} is not between 0 and 60 seconds
     */
    public ClientSettings {
        authFlows = authFlows.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(ExplicitAuthFlow.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(authFlows));
        requireWholeSeconds(authSessionValidity, "authSessionValidity");
        requireWholeSeconds(accessTokenValidity, "accessTokenValidity");
        requireWholeSeconds(idTokenValidity, "idTokenValidity");
        requireWholeSeconds(refreshTokenValidity, "refreshTokenValidity");
        Objects.requireNonNull(retryGracePeriod, "retryGracePeriod");
        if (retryGracePeriod.isNegative() || retryGracePeriod.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("retryGracePeriod must be between 0 and 60 seconds: " + retryGracePeriod);
        }
    }

    /**
     * {@return the default settings: no secret; {@code USER_PASSWORD_AUTH}, {@code USER_SRP_AUTH} and {@code
     * CUSTOM_AUTH} allowed; sessions valid 3 minutes; access and ID tokens valid 1 hour, refresh tokens 30 days; no
     * rotation; user existence errors prevented}
     */
    public static ClientSettings defaults() {
        return new ClientSettings(false, EnumSet.allOf(ExplicitAuthFlow.class), Duration.ofMinutes(3),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30), false, Duration.ZERO, true);
    }

    /** {@return these settings with a client secret} */
    public ClientSettings withSecret() {
        return new ClientSettings(true, authFlows, authSessionValidity, accessTokenValidity, idTokenValidity,
                refreshTokenValidity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * {@return these settings allowing only {@code flows} (and refresh)}
     *
     * @param flows the sign-in flows to allow
     */
    public ClientSettings withAuthFlows(ExplicitAuthFlow... flows) {
        return new ClientSettings(generateSecret, Set.copyOf(List.of(flows)), authSessionValidity, accessTokenValidity,
                idTokenValidity, refreshTokenValidity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * {@return these settings with challenge sessions (and the codes sent with them) valid for {@code validity}}
     *
     * @param validity a positive whole number of seconds
     */
    public ClientSettings withAuthSessionValidity(Duration validity) {
        return new ClientSettings(generateSecret, authFlows, validity, accessTokenValidity, idTokenValidity,
                refreshTokenValidity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * {@return these settings with access tokens valid for {@code validity}}
     *
     * @param validity a positive whole number of seconds
     */
    public ClientSettings withAccessTokenValidity(Duration validity) {
        return new ClientSettings(generateSecret, authFlows, authSessionValidity, validity, idTokenValidity,
                refreshTokenValidity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * {@return these settings with ID tokens valid for {@code validity}}
     *
     * @param validity a positive whole number of seconds
     */
    public ClientSettings withIdTokenValidity(Duration validity) {
        return new ClientSettings(generateSecret, authFlows, authSessionValidity, accessTokenValidity, validity,
                refreshTokenValidity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * {@return these settings with refresh tokens valid for {@code validity}}
     *
     * @param validity a positive whole number of seconds
     */
    public ClientSettings withRefreshTokenValidity(Duration validity) {
        return new ClientSettings(generateSecret, authFlows, authSessionValidity, accessTokenValidity, idTokenValidity,
                validity, refreshTokenRotation, retryGracePeriod, preventUserExistenceErrors);
    }

    /**
     * These settings with refresh-token rotation: each {@code GetTokensFromRefreshToken} returns a new refresh
     * token (expiring when the sign-in's first one does), and the one it replaces still works for {@code
     * gracePeriod}, then gives {@code RefreshTokenReuseException}.
     *
     * @param gracePeriod 0 to 60 seconds
     * @return new settings
     */
    public ClientSettings withRefreshTokenRotation(Duration gracePeriod) {
        return new ClientSettings(generateSecret, authFlows, authSessionValidity, accessTokenValidity, idTokenValidity,
                refreshTokenValidity, true, gracePeriod, preventUserExistenceErrors);
    }

    /** {@return these settings answering an unknown user with {@code UserNotFoundException}} */
    public ClientSettings withUserExistenceErrors() {
        return new ClientSettings(generateSecret, authFlows, authSessionValidity, accessTokenValidity, idTokenValidity,
                refreshTokenValidity, refreshTokenRotation, retryGracePeriod, false);
    }

    private static void requireWholeSeconds(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of seconds: " + duration);
        }
    }
}
