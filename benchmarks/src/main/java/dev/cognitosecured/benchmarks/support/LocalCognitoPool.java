package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A LocalCognito on loopback with one pool, one app client (no secret) and one user, and the
 * library's real {@link CognitoIdentityProvider} (AWS SDK v2, Netty) talking to it over HTTP.
 */
public final class LocalCognitoPool implements AutoCloseable {

    public static final String USERNAME = "bench-user";
    private static final String PASSWORD = "Bench-Passw0rd!";

    private final LocalCognito cognito;
    private final CognitoIdentityProvider provider;
    private final UserPool pool;

    private LocalCognitoPool(LocalCognito cognito, CognitoIdentityProvider provider, UserPool pool) {
        this.cognito = cognito;
        this.provider = provider;
        this.pool = pool;
    }

    /**
     * Starts LocalCognito with {@code clock} and an app client whose access and ID tokens live
     * {@code tokenLifetime} (whole seconds).
     */
    public static LocalCognitoPool start(InstantSource clock, Duration tokenLifetime) {
        LocalCognito cognito = LocalCognito.builder().clock(clock).start();
        try {
            UserPool pool = cognito.createPool();
            AppClient client = cognito.createClient(pool, ClientSettings.defaults()
                    .withAccessTokenValidity(tokenLifetime)
                    .withIdTokenValidity(tokenLifetime)
                    .withRefreshTokenValidity(Duration.ofDays(3650)));
            cognito.createUser(pool, USERNAME, PASSWORD);
            PoolConfig config = new PoolConfig("default", "us-east-1", pool.id(), client.clientId(), Optional.empty(),
                    Optional.of(cognito.endpoint()), PoolConfig.AuthFlowType.USER_PASSWORD_AUTH,
                    PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH, PoolConfig.SessionScope.APPLICATION,
                    PoolConfig.DEFAULT_PREFETCH, Optional.empty(), "");
            return new LocalCognitoPool(cognito, CognitoIdentityProvider.create(config), pool);
        } catch (RuntimeException e) {
            cognito.close();
            throw e;
        }
    }

    public LocalCognito cognito() {
        return cognito;
    }

    /** The issuer of the pool's tokens, for an API that trusts them. */
    public java.net.URI issuer() {
        return cognito.issuer(pool);
    }

    public CognitoIdentityProvider provider() {
        return provider;
    }

    /** The sign-in request of the pool's user, for {@code SessionStore.signIn}. */
    public Supplier<CompletionStage<Tokens>> userSignIn() {
        return () -> provider.signIn(USERNAME, PASSWORD.toCharArray());
    }

    @Override
    public void close() {
        provider.close();
        cognito.close();
    }
}
