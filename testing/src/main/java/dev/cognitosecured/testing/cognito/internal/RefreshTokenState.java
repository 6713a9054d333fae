package dev.cognitosecured.testing.cognito.internal;

import java.time.Instant;
import java.util.Optional;

/** A refresh token issued to a client. Guarded by {@link CognitoService}'s lock. */
final class RefreshTokenState {

    final TokenFamily family;
    final Instant expiresAt;
    /** With rotation: when {@code GetTokensFromRefreshToken} replaced it. */
    Optional<Instant> rotatedAt = Optional.empty();

    RefreshTokenState(TokenFamily family, Instant expiresAt) {
        this.family = family;
        this.expiresAt = expiresAt;
    }
}
