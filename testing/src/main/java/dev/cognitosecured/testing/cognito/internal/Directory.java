package dev.cognitosecured.testing.cognito.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The pools and app clients. Guarded by {@link CognitoService}'s lock. */
final class Directory {

    private final Map<String, PoolState> pools = new HashMap<>();
    private final Map<String, ClientState> clients = new HashMap<>();

    void add(PoolState pool) {
        pools.put(pool.id, pool);
    }

    void add(ClientState client) {
        clients.put(client.id, client);
    }

    Optional<PoolState> pool(String id) {
        return Optional.ofNullable(pools.get(id));
    }

    /** @throws CognitoException {@code ResourceNotFoundException} as Cognito's for an unknown client */
    ClientState client(String clientId) {
        ClientState client = clients.get(clientId);
        if (client == null) {
            throw CognitoException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return client;
    }
}
