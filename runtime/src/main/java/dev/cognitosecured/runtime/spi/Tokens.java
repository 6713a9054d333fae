package dev.cognitosecured.runtime.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of one signed-in user, as Cognito issued them.
 *
 * <p>{@link #lifetime()} is the time Cognito gave them ({@code exp - iat} of the shorter-lived of
 * the access and ID tokens); the session store adds it to the instant the token request was sent,
 * on its monotonic clock, which never overestimates the true expiry whatever the wall clock says.
 *
 * <p>{@link #toString()} never shows a token.
 */
public final class Tokens {

    private final String accessToken;
    private final String idToken;
    private final String refreshToken;
    private final Duration lifetime;
    private final String username;
    private final String deviceKey;

    private Tokens(String accessToken, String idToken, String refreshToken, Duration lifetime, String username,
            String deviceKey) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.idToken = Objects.requireNonNull(idToken, "idToken");
        this.refreshToken = refreshToken;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.username = Objects.requireNonNull(username, "username");
        this.deviceKey = deviceKey;
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("lifetime must not be negative: " + lifetime);
        }
    }

    /**
     * Tokens with what was read from their claims.
     *
     * @param accessToken the access token (a JWT)
     * @param idToken the ID token (a JWT)
     * @param refreshToken the refresh token, if Cognito returned one
     * @param lifetime {@code exp - iat} of the shorter-lived of the two JWTs
     * @param username the access token's {@code username} claim: the name Cognito expects in a
     *     refresh's {@code SECRET_HASH}
     * @return the tokens; their {@link #toString()} shows none of the three
     */
    public static Tokens of(
            String accessToken, String idToken, Optional<String> refreshToken, Duration lifetime, String username) {
        return new Tokens(accessToken, idToken, refreshToken.orElse(null), lifetime, username, null);
    }

    /**
     * These tokens, issued to the device {@code deviceKey} (the access token's {@code device_key} claim, with
     * Cognito's device tracking): a refresh must name it.
     *
     * @param deviceKey the access token's {@code device_key} claim
     * @return new tokens, the same but for the device key; these are unchanged
     */
    public Tokens withDeviceKey(String deviceKey) {
        Objects.requireNonNull(deviceKey, "deviceKey");
        return new Tokens(accessToken, idToken, refreshToken, lifetime, username, deviceKey);
    }

    /** {@return the access token (a JWT): what generated clients send by default} A secret: never log it. */
    public String accessToken() {
        return accessToken;
    }

    /** {@return the ID token (a JWT), sent by operations whose policy asks for it} A secret: never log it. */
    public String idToken() {
        return idToken;
    }

    /** {@return the refresh token, if Cognito returned one} A secret: never log it. */
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    /** {@return how long the tokens are valid from when they were requested: {@code exp - iat} of the shorter-lived JWT} */
    public Duration lifetime() {
        return lifetime;
    }

    /** {@return the user's name as Cognito knows it (the access token's {@code username} claim)} */
    public String username() {
        return username;
    }

    /**
     * The device the tokens were issued to, with Cognito's device tracking: every refresh sends it
     * ({@code DEVICE_KEY}, {@code DeviceKey}), as Cognito requires. Not a secret.
     *
     * @return the device key; empty if the pool does not track devices or the sign-in issued none
     */
    public Optional<String> deviceKey() {
        return Optional.ofNullable(deviceKey);
    }

    /**
     * These tokens after a refresh that returned {@code refreshed}: Cognito's
     * {@code REFRESH_TOKEN_AUTH} returns no refresh token, so the current one is kept; with
     * rotation the new one replaces it. The device key is kept when the refreshed tokens name none.
     *
     * @param refreshed what the refresh returned
     * @return the tokens to keep
     */
    public Tokens refreshedBy(Tokens refreshed) {
        if (refreshed.refreshToken != null && (refreshed.deviceKey != null || deviceKey == null)) {
            return refreshed;
        }
        return new Tokens(refreshed.accessToken, refreshed.idToken,
                refreshed.refreshToken != null ? refreshed.refreshToken : refreshToken, refreshed.lifetime,
                refreshed.username, refreshed.deviceKey != null ? refreshed.deviceKey : deviceKey);
    }

    @Override
    public String toString() {
        return "Tokens[username=" + username + ", lifetime=" + lifetime
                + ", refreshToken=" + (refreshToken == null ? "none" : "present")
                + (deviceKey == null ? "" : ", deviceKey=" + deviceKey) + "]";
    }
}
