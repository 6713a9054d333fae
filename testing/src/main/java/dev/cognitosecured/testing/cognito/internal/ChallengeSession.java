package dev.cognitosecured.testing.cognito.internal;

import java.time.Instant;

/**
 * An open challenge: the {@code Session} string, who signs in through which client, what must be answered, and
 * until when.
 */
record ChallengeSession(String id, ClientState client, UserState user, Challenge challenge, Instant expiresAt) {

    @Override
    public String toString() {
        return "ChallengeSession[client=" + client.id + ", user=" + user.username + ", challenge=" + challenge.name()
                + ", expiresAt=" + expiresAt + "]";
    }
}
