package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.ClientSettings;
import java.util.Optional;

/** An app client. Immutable. */
final class ClientState {

    final String id;
    final PoolState pool;
    final Optional<String> secret;
    final ClientSettings settings;

    ClientState(String id, PoolState pool, Optional<String> secret, ClientSettings settings) {
        this.id = id;
        this.pool = pool;
        this.secret = secret;
        this.settings = settings;
    }
}
