package dev.cognitosecured.testing.cognito.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognitosecured.secretscan.IssuedSecrets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issues, refreshes, rotates and revokes tokens, and checks the ones presented back. Guarded by {@link
 * CognitoService}'s lock.
 */
final class TokenService {

    static final String INVALID_REFRESH_TOKEN = "Invalid Refresh Token";
    static final String REFRESH_TOKEN_REVOKED = "Refresh Token has been revoked";
    static final String REFRESH_TOKEN_EXPIRED = "Refresh Token has expired";
    static final String REFRESH_TOKEN_REUSED = "Refresh token has already been used";
    static final String INVALID_ACCESS_TOKEN = "Invalid Access Token";
    static final String ACCESS_TOKEN_EXPIRED = "Access Token has expired";
    static final String ACCESS_TOKEN_REVOKED = "Access Token has been revoked";
    static final String USER_DISABLED = "User is disabled.";

    private final TokenIssuer issuer;
    private final InstantSource clock;
    private final Map<String, RefreshTokenState> refreshTokens = new HashMap<>();
    private final Map<String, IssuedAccessToken> accessTokens = new HashMap<>();
    private long sequence;

    TokenService(TokenIssuer issuer, InstantSource clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The tokens of a completed sign-in: a new family, with a refresh token. */
    IssuedTokens signIn(ClientState client, UserState user, Optional<String> deviceKey) {
        Instant now = clock.instant();
        TokenFamily family = new TokenFamily(Ids.uuid(), Ids.uuid(), now.getEpochSecond(), client, user, ++sequence,
                deviceKey);
        return issue(family, Optional.of(newRefreshToken(family, now.plus(client.settings.refreshTokenValidity()))));
    }

    /**
     * New access and ID tokens from a valid refresh token ({@link #usableRefreshToken}); with {@code rotate},
     * a new refresh token too, which expires when the sign-in's first refresh token does (rotation does not
     * extend a session), and the presented one starts its grace period.
     */
    IssuedTokens refresh(RefreshTokenState presented, boolean rotate) {
        Optional<String> next = Optional.empty();
        if (rotate) {
            if (presented.rotatedAt.isEmpty()) {
                presented.rotatedAt = Optional.of(clock.instant());
            }
            next = Optional.of(newRefreshToken(presented.family, presented.expiresAt));
        }
        return issue(presented.family, next);
    }

    /**
     * The refresh token {@code token} if {@code client} may use it now.
     *
     * @throws CognitoException {@code NotAuthorizedException} if it is unknown, another client's, issued on a tracked
     *     device other than {@code deviceKey}, its user is
     *     disabled, it is revoked or expired; {@code UserNotFoundException} if its user was deleted;
     *     {@code RefreshTokenReuseException} if it was rotated longer ago than the grace period
     */
    RefreshTokenState usableRefreshToken(String token, ClientState client, Optional<String> deviceKey) {
        RefreshTokenState state = refreshTokens.get(token);
        if (state == null || state.family.client != client) {
            throw CognitoException.notAuthorized(INVALID_REFRESH_TOKEN);
        }
        // A sign-in made on a tracked device is refreshed only with that device's key.
        if (state.family.deviceKey.isPresent() && !state.family.deviceKey.equals(deviceKey)) {
            throw CognitoException.notAuthorized(INVALID_REFRESH_TOKEN);
        }
        if (state.family.user.deleted) {
            throw CognitoException.userNotFound();
        }
        if (state.family.user.disabled) {
            throw CognitoException.notAuthorized(USER_DISABLED);
        }
        if (state.family.isRevoked()) {
            throw CognitoException.notAuthorized(REFRESH_TOKEN_REVOKED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(state.expiresAt)) {
            throw CognitoException.notAuthorized(REFRESH_TOKEN_EXPIRED);
        }
        if (state.rotatedAt.isPresent()) {
            Duration grace = client.settings.retryGracePeriod();
            if (!now.isBefore(state.rotatedAt.get().plus(grace))) {
                throw new CognitoException("RefreshTokenReuseException", REFRESH_TOKEN_REUSED);
            }
        }
        return state;
    }

    /** The refresh token {@code token}, whatever its state, if it was issued at all. */
    Optional<RefreshTokenState> refreshToken(String token) {
        return Optional.ofNullable(refreshTokens.get(token));
    }

    /** Revokes {@code family}: its refresh tokens and access tokens are refused from now on. */
    void revoke(TokenFamily family) {
        family.revoked = true;
    }

    /** Revokes the access tokens issued to {@code user} so far (disabling the user does). */
    void revokeAccessTokens(UserState user) {
        user.accessRevokedUpTo = sequence;
    }

    /** Revokes every token issued to {@code user} so far ({@code GlobalSignOut}). */
    void signOut(UserState user) {
        user.signedOutUpTo = sequence;
    }

    /**
     * The issued access token {@code jwt}, if it is valid now.
     *
     * @throws CognitoException {@code NotAuthorizedException} "Invalid Access Token", "Access Token has expired"
     *     or "Access Token has been revoked"
     */
    IssuedAccessToken usableAccessToken(String jwt) {
        JWTClaimsSet claims = issuer.verify(jwt).orElseThrow(() -> CognitoException.notAuthorized(INVALID_ACCESS_TOKEN));
        Object tokenUse = claims.getClaim("token_use");
        IssuedAccessToken issued = claims.getJWTID() == null ? null : accessTokens.get(claims.getJWTID());
        if (!"access".equals(tokenUse) || issued == null) {
            throw CognitoException.notAuthorized(INVALID_ACCESS_TOKEN);
        }
        if (clock.instant().getEpochSecond() >= issued.expiresAt()) {
            throw CognitoException.notAuthorized(ACCESS_TOKEN_EXPIRED);
        }
        if (issued.family().user.deleted) {
            throw CognitoException.userNotFound();
        }
        if (issued.isRevoked()) {
            throw CognitoException.notAuthorized(ACCESS_TOKEN_REVOKED);
        }
        return issued;
    }

    private IssuedTokens issue(TokenFamily family, Optional<String> refreshToken) {
        long iat = clock.instant().getEpochSecond();
        long accessLifetime = family.client.settings.accessTokenValidity().getSeconds();
        long idLifetime = family.client.settings.idTokenValidity().getSeconds();
        String accessJti = Ids.uuid();
        String accessToken = issuer.accessToken(family, accessJti, iat, iat + accessLifetime);
        accessTokens.put(accessJti, new IssuedAccessToken(family, ++sequence, iat + accessLifetime));
        String idToken = issuer.idToken(family, Ids.uuid(), iat, iat + idLifetime);
        return new IssuedTokens(accessToken, idToken, refreshToken, accessLifetime);
    }

    private String newRefreshToken(TokenFamily family, Instant expiresAt) {
        String token = Ids.opaque(96);
        IssuedSecrets.record(IssuedSecrets.Kind.REFRESH_TOKEN, token);
        refreshTokens.put(token, new RefreshTokenState(family, expiresAt));
        return token;
    }
}
