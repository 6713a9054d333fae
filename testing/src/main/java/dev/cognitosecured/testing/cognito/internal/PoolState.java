package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.PoolSettings;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A user pool and its users. Guarded by {@link CognitoService}'s lock. */
final class PoolState {

    final String id;
    final PoolSettings settings;
    /** The first factors of {@code USER_AUTH} ({@code SignInPolicy.AllowedFirstAuthFactors}); Cognito's default. */
    Set<AuthFactor> firstFactors = EnumSet.of(AuthFactor.PASSWORD);
    /** The WebAuthn relying party id ({@code WebAuthnConfiguration.RelyingPartyId}); origins are {@code https://<id>}. */
    String relyingPartyId = "localhost";
    private final Map<String, UserState> users = new HashMap<>();

    PoolState(String id, PoolSettings settings) {
        this.id = id;
        this.settings = settings;
    }

    Optional<UserState> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** Removes the user {@code username}, if there is one. */
    Optional<UserState> remove(String username) {
        return Optional.ofNullable(users.remove(username));
    }

    void add(UserState user) {
        if (users.putIfAbsent(user.username, user) != null) {
            throw new IllegalArgumentException("user " + user.username + " already exists in pool " + id);
        }
    }
}
