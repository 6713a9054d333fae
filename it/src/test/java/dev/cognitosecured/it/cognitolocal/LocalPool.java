package dev.cognitosecured.it.cognitolocal;

import dev.cognitosecured.runtime.internal.config.PoolConfig;
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

    /** Creates a confirmed user with a permanent password. */
    public LocalPool createUser(String username, String password) {
        cognito.createUser(poolId, username, password);
        return this;
    }

    /** Creates a user whose first sign-in must set a new password. */
    public LocalPool createUserWithTemporaryPassword(String username, String temporaryPassword) {
        cognito.createUserWithTemporaryPassword(poolId, username, temporaryPassword);
        return this;
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
