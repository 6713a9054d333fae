package dev.cognitosecured.it.signin;

import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * One {@link LocalCognito} on a {@link ManualClock} for a test class, and the runtime's sign-in parts for
 * any of its app clients: the real {@link CognitoIdentityProvider} (its own client builder, Netty on event
 * loops shared by the class, no retries) whose SRP timestamps and session store read the same clock.
 */
final class LocalCognitoRig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final ManualClock clock = ManualClock.at(START);
    final LocalCognito cognito = LocalCognito.builder().clock(clock).start();
    private final SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();

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

    /** The sign-in parts for {@code config}, the SDK client watched by {@code interceptors}. */
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
        return new SignInRig(config, provider, clock::nanoTime);
    }

    @Override
    public void close() {
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
