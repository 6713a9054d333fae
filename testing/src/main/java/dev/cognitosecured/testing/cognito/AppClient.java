package dev.cognitosecured.testing.cognito;

import java.util.Objects;
import java.util.Optional;

/**
 * An app client created by {@link LocalCognito#createClient(UserPool, ClientSettings)}.
 *
 * @param pool the user pool it belongs to
 * @param clientId the client id to send as {@code ClientId}
 * @param clientSecret the client secret, if the client has one; never shown by {@link #toString()}
 */
public record AppClient(UserPool pool, String clientId, Optional<String> clientSecret) {

    /**
     * An app client.
     *
     * @param pool the user pool it belongs to
     * @param clientId the client id to send as {@code ClientId}
     * @param clientSecret the client secret, if the client has one
     * @throws NullPointerException if a component is {@code null}
     */
    public AppClient {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "AppClient[pool=" + pool.id() + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none") + "]";
    }
}
