package dev.cognitosecured.it.cognitolocal;

import dev.cognitosecured.runtime.internal.config.PoolConfig;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user pool and its app client in a running cognito-local.
 *
 * @param cognito the emulator that holds it
 * @param poolId the user pool's id
 * @param clientId the app client's id
 * @param clientSecret the app client's secret, if it has one
 */
public record LocalPool(CognitoLocalExtension cognito, String poolId, String clientId, Optional<String> clientSecret) {

    public LocalPool {
        Objects.requireNonNull(cognito, "cognito");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** Creates a confirmed user with a permanent password, in {@code groups} (created as needed). */
    public LocalPool createUser(String username, String password, String... groups) {
        cognito.createUser(poolId, username, password, groups);
        return this;
    }

    /** Creates a user whose first sign-in must set a new password. */
    public LocalPool createUserWithTemporaryPassword(String username, String temporaryPassword) {
        cognito.createUserWithTemporaryPassword(poolId, username, temporaryPassword);
        return this;
    }

    /** The {@code iss} of the pool's tokens: cognito-local's address (its {@code TokenConfig.IssuerDomain}), then the pool id. */
    public URI issuer() {
        return URI.create(cognito.endpoint() + "/" + poolId);
    }

    /**
     * The {@code cognito-secured.*} configuration that points an application at this pool and app client on the
     * emulator: endpoint, region, pool id, client id and secret.
     */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cognito-secured.endpoint", cognito.endpoint().toString());
        properties.put("cognito-secured.region", CognitoLocalExtension.REGION.id());
        properties.put("cognito-secured.user-pool-id", poolId);
        properties.put("cognito-secured.client-id", clientId);
        clientSecret.ifPresent(secret -> properties.put("cognito-secured.client-secret", secret));
        return Collections.unmodifiableMap(properties);
    }

    /** The runtime's configuration for this pool, pointed at the emulator. */
    public PoolConfig config(PoolConfig.RefreshMode refreshMode) {
        return new PoolConfig("default", CognitoLocalExtension.REGION.id(), poolId, clientId, clientSecret,
                Optional.of(cognito.endpoint()), PoolConfig.AuthFlowType.USER_PASSWORD_AUTH, refreshMode,
                PoolConfig.SessionScope.APPLICATION, PoolConfig.DEFAULT_PREFETCH, Optional.empty(), "");
    }

    /** {@link #config(PoolConfig.RefreshMode)} refreshing with {@code REFRESH_TOKEN_AUTH}. */
    public PoolConfig config() {
        return config(PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
    }

    @Override
    public String toString() {
        return "LocalPool[poolId=" + poolId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none") + "]";
    }
}
