package dev.cognitosecured.testing.cognito.internal;

import java.util.Optional;

/**
 * The tokens of one sign-in: every access, ID and refresh token issued by it or by refreshing from it share
 * its {@code origin_jti}, {@code event_id} and {@code auth_time}, and are revoked together by {@code
 * RevokeToken}. Guarded by {@link CognitoService}'s lock.
 */
final class TokenFamily {

    final String originJti;
    final String eventId;
    final long authTime;
    final ClientState client;
    final UserState user;
    /** When it was created, in {@link TokenService}'s sequence, for {@code GlobalSignOut}. */
    final long sequence;
    /** The device the sign-in was made on, with device tracking: a refresh must name it. */
    final Optional<String> deviceKey;
    boolean revoked;

    TokenFamily(String originJti, String eventId, long authTime, ClientState client, UserState user, long sequence,
            Optional<String> deviceKey) {
        this.originJti = originJti;
        this.eventId = eventId;
        this.authTime = authTime;
        this.client = client;
        this.user = user;
        this.sequence = sequence;
        this.deviceKey = deviceKey;
    }

    /** Whether {@code RevokeToken} or a {@code GlobalSignOut} after its creation ended it. */
    boolean isRevoked() {
        return revoked || sequence <= user.signedOutUpTo;
    }
}
