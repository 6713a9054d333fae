package dev.cognitosecured.it.signin;

import dev.cognitosecured.runtime.internal.account.CognitoCalls;
import dev.cognitosecured.runtime.internal.account.SignedInCalls;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;

/**
 * One {@link LocalCognito} on a {@link ManualClock} for a test class, and the runtime's sign-in parts for
 * any of its app clients: the real {@link CognitoIdentityProvider} (its own client builder, Netty on event
 * loops shared by the class, no retries) whose SRP timestamps and session store read the same clock.
 *
 * <p>A JUnit 5 extension, registered in a static field ({@code @RegisterExtension static final
 * LocalCognitoRig LOCAL = new LocalCognitoRig();}): each test starts with LocalCognito's request counts
 * at zero; after it (after its {@code @AfterEach} methods) the thread it ran things on {@linkplain #elsewhere()
 * elsewhere} is stopped, the faults it injected are cleared and the sign-in parts it made are closed; LocalCognito
 * and the event loops are closed after the class.
 */
final class LocalCognitoRig implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final ManualClock clock = ManualClock.at(START);
    final LocalCognito cognito = LocalCognito.builder().clock(clock).start();
    private final SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    private final List<SignInRig> openRigs = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> openClients = new CopyOnWriteArrayList<>();
    private ExecutorService elsewhere;

    @Override
    public void beforeEach(ExtensionContext context) {
        cognito.resetRequestCounts();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        stopElsewhere();
        cognito.clearFaults();
        for (SignInRig rig : openRigs) {
            openRigs.remove(rig);
            rig.close();
        }
        for (AutoCloseable client : openClients) {
            openClients.remove(client);
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing an SDK client failed", e);
            }
        }
    }

    /** The signed-in calls for {@code rig}'s pool and store, on an SDK client (no retries) closed after the test. */
    SignedInCalls signedInCalls(SignInRig rig) {
        CognitoIdentityProviderAsyncClientBuilder builder = CognitoIdentityProvider.clientBuilder(rig.config)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops));
        CognitoIdentityProviderAsyncClient client = builder.overrideConfiguration(builder.overrideConfiguration()
                .toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build()).build();
        openClients.add(client);
        return new SignedInCalls(new CognitoCalls(rig.config, client), rig.store);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** An app client without a secret, of a new pool with {@code settings}. */
    AppClient clientOfNewPool(PoolSettings settings) {
        return cognito.createClient(cognito.createPool(settings), false);
    }

    /** An app client with {@code client} settings, of a new pool with {@code settings}. */
    AppClient clientOfNewPool(PoolSettings settings, ClientSettings client) {
        return cognito.createClient(cognito.createPool(settings), client);
    }

    /**
     * A thread of the test's own, for what it holds at a request gate while it goes on from its own thread
     * (a first answer on its way while it sends a second); stopped after the test, which fails if the thread
     * does not end within 10 seconds.
     */
    synchronized ExecutorService elsewhere() {
        if (elsewhere == null) {
            elsewhere = Executors.newSingleThreadExecutor();
        }
        return elsewhere;
    }

    private synchronized void stopElsewhere() throws InterruptedException {
        if (elsewhere != null) {
            ExecutorService thread = elsewhere;
            elsewhere = null;
            thread.shutdownNow();
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test's thread elsewhere did not end within 10 seconds");
            }
        }
    }

    /** The runtime's configuration for {@code app}, pointed at LocalCognito. */
    PoolConfig config(AppClient app, PoolConfig.AuthFlowType flow, PoolConfig.RefreshMode refresh,
            Duration challengeValidity) {
        return new PoolConfig("default", "us-east-1", app.pool().id(), app.clientId(), app.clientSecret(),
                Optional.of(cognito.endpoint()), flow, refresh, PoolConfig.SessionScope.APPLICATION,
                PoolConfig.DEFAULT_PREFETCH, Optional.empty(), "", challengeValidity);
    }

    /** {@link #config(AppClient, PoolConfig.AuthFlowType, PoolConfig.RefreshMode, Duration)} with the defaults. */
    PoolConfig config(AppClient app, PoolConfig.AuthFlowType flow) {
        return config(app, flow, PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH, PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
    }

    /** The sign-in parts for {@code config}, the SDK client watched by {@code interceptors}; closed after the test. */
    SignInRig rig(PoolConfig config, ExecutionInterceptor... interceptors) {
        CognitoIdentityProvider provider = new CognitoIdentityProvider(CognitoIdentityProvider.clientBuilder(config)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops))
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build(), config, clock);
        SignInRig rig = new SignInRig(config, provider, clock::nanoTime);
        openRigs.add(rig);
        return rig;
    }

    private void close() {
        try {
            cognito.close();
        } finally {
            try {
                eventLoops.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
