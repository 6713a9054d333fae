package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** The AWS SDK client is bounded by {@code cognito.timeout} and retries with the SDK's standard strategy. */
class CognitoClientBoundsTest {

    @Test
    void theWholeRequestTakesTheTimeAndEachOfThreeAttemptsAThird() {
        ClientOverrideConfiguration overrides = CognitoIdentityProvider.overrides(Duration.ofSeconds(9));

        assertEquals(Optional.of(Duration.ofSeconds(9)), overrides.apiCallTimeout());
        assertEquals(Optional.of(Duration.ofSeconds(3)), overrides.apiCallAttemptTimeout());
        assertTrue(overrides.retryStrategy().isPresent());
        assertEquals(CognitoIdentityProvider.MAX_ATTEMPTS, overrides.retryStrategy().get().maxAttempts());
        assertEquals(3, CognitoIdentityProvider.MAX_ATTEMPTS);
    }

    @Test
    void theBuilderCarriesThePoolsCognitoTimeout() {
        Limits limits = new Limits(Duration.ofMillis(1500), Limits.DEFAULT_GRAPHQL_CONNECT_TIMEOUT,
                Limits.DEFAULT_GRAPHQL_TIMEOUT, Limits.DEFAULT_CALL_TIMEOUT, Limits.DEFAULT_MAX_ANSWER_BYTES);
        PoolConfig config = new PoolConfig("default", "eu-west-1", "eu-west-1_AbC", "client", Optional.empty(),
                Optional.empty(), PoolConfig.AuthFlowType.USER_PASSWORD_AUTH, PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH,
                PoolConfig.SessionScope.APPLICATION, PoolConfig.DEFAULT_PREFETCH, Optional.empty(), "",
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY, Duration.ofMinutes(1), limits);

        ClientOverrideConfiguration overrides = CognitoIdentityProvider.clientBuilder(config).overrideConfiguration();

        assertEquals(Optional.of(Duration.ofMillis(1500)), overrides.apiCallTimeout());
        assertEquals(Optional.of(Duration.ofMillis(500)), overrides.apiCallAttemptTimeout());
    }
}
