package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.internal.cognito.CognitoFailures;
import dev.cognitosecured.runtime.internal.cognito.CognitoRequest;
import dev.cognitosecured.runtime.internal.cognito.SecretHash;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/**
 * Account calls to Cognito through the AWS SDK's asynchronous client, each bounded by the pool's
 * {@code cognito.timeout} (the SDK's API call timeout, all retries included; the caller's wait gets
 * {@link #SLACK} more, so the SDK's own timeout is what it normally meets) and its failures mapped by
 * {@link CognitoFailures#ofAccount} into the library's exceptions. Thread-safe, shared by a pool's beans.
 */
public final class CognitoCalls {

    /** What a waiting caller allows beyond {@code cognito.timeout}, for the SDK to report its own timeout first. */
    static final Duration SLACK = Duration.ofSeconds(1);

    private final PoolConfig config;
    private final CognitoIdentityProviderAsyncClient client;
    private final CognitoFailures failures;
    private final String timeoutKey;

    /**
     * @param config the pool's configuration: client id and secret, {@code cognito.timeout}
     * @param client the SDK client, built with the pool's bounds ({@code CognitoIdentityProvider.clientBuilder})
     */
    public CognitoCalls(PoolConfig config, CognitoIdentityProviderAsyncClient client) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.timeoutKey = PoolKeys.of(config.name()).full(PoolKeys.COGNITO_TIMEOUT);
        this.failures = new CognitoFailures(config.limits().cognitoTimeout(), timeoutKey);
    }

    /** The SDK client, to build requests with. */
    public CognitoIdentityProviderAsyncClient client() {
        return client;
    }

    /** The pool's name. */
    public String pool() {
        return config.name();
    }

    /** The app client's id. */
    public String clientId() {
        return config.clientId();
    }

    /** {@code SECRET_HASH} for {@code username} if the app client has a secret, else empty (send none). */
    public Optional<String> secretHash(String username) {
        return config.clientSecret().map(secret -> SecretHash.of(username, config.clientId(), secret));
    }

    /** The pool's {@code cognito.timeout}. */
    public Duration timeout() {
        return config.limits().cognitoTimeout();
    }

    /**
     * Sends {@code request} and waits for its answer, at most {@code cognito.timeout} (and {@link #SLACK}).
     *
     * @param call the request as messages name it, e.g. {@code "SignUp"}
     * @param newCode how the user gets a new code if the one sent has expired (see {@link CognitoFailures#ofAccount})
     * @throws dev.cognitosecured.runtime.CognitoSecuredException as {@link CognitoFailures#ofAccount} maps it
     */
    public <T> T call(String call, String newCode, Supplier<CompletableFuture<T>> request) {
        long startedAt = BoundedWait.now();
        return waitFor(call).await(callAsync(call, newCode, request), startedAt,
                startedAt + BoundedWait.nanos(timeout().plus(SLACK)));
    }

    /** As {@link #call}, completing the stage instead of blocking; the SDK bounds it by {@code cognito.timeout}. */
    public <T> CompletionStage<T> callAsync(String call, String newCode, Supplier<CompletableFuture<T>> request) {
        return CognitoRequest.send(request, failures, failure -> failures.ofAccount(failure, call, newCode));
    }

    /** The bounded wait of a caller for {@code call}. */
    BoundedWait waitFor(String call) {
        return new BoundedWait("Cognito's answer to " + call + " (user pool '" + config.name() + "')", Part.COGNITO,
                timeoutKey);
    }

    @Override
    public String toString() {
        return "CognitoCalls[" + config.name() + "]";
    }
}
