package dev.cognitosecured.it.e2e.cognitolocal;

import dev.cognitosecured.it.cognitolocal.CognitoLocalExtension;
import dev.cognitosecured.it.cognitolocal.LocalPool;
import dev.cognitosecured.it.cognitolocal.RequestCounter;
import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.it.e2e.TodoBackend;
import dev.cognitosecured.it.e2e.TokenTiming;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.Latency;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario uses of the cognito-local run by {@link CognitoLocalExtension} (the one launcher of
 * cognito-local): a fresh pool of it, and a {@link LocalGraphQL} serving the {@link TodoBackend} that trusts the
 * pool's issuer and cognito-local's JWKS.
 *
 * <p>cognito-local stamps tokens with the real time and takes no clock, so the API judges {@code exp}
 * on the real clock too, and the tokens (five minutes) never expire in the seconds a scenario runs.
 * The application's session store reads a {@link ManualClock} instead, which the test moves: the store
 * refreshes when the test says, through the real identity provider (AWS SDK, Netty, HTTP), counted on
 * the wire by a {@link RequestCounter}.
 */
final class CognitoLocalScenario implements AutoCloseable {

    static final String PASSWORD = "Corr3ct-horse-battery";
    static final TokenTiming TIMING = TokenTiming.of(Duration.ofMinutes(5));

    private final CognitoLocalExtension cognito;
    private final LocalPool pool;
    private final ManualClock clientClock = ManualClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private final RequestCounter counter = new RequestCounter();
    private final RefreshHold hold = new RefreshHold();
    private final LocalGraphQL graphQL;
    private final CognitoIdentityProvider provider;

    CognitoLocalScenario(CognitoLocalExtension cognito, Latency latency) {
        this.cognito = cognito;
        this.pool = cognito.createPool(TIMING.lifetime(), false);
        this.graphQL = new TodoBackend().wire(LocalGraphQL.builder().schema(TodoBackend.schema()))
                .userPool(pool.issuer())
                .latency(latency)
                .start();
        this.provider = cognito.provider(pool.config(), counter, hold);
    }

    /** The application on this pool and API, with the identity provider that counts and can hold refreshes. */
    TodoApp boot() {
        return app().boot();
    }

    /** {@link #boot()}, to add further replacements before booting. */
    TodoApp.Builder app() {
        Map<String, String> config = new LinkedHashMap<>(pool.properties());
        config.put("cognito-secured.graphql.endpoint", graphQL.endpoint().toString());
        config.put("cognito-secured.auth-flow", "USER_PASSWORD_AUTH");
        config.put("cognito-secured.refresh", "REFRESH_TOKEN_AUTH");
        config.put("cognito-secured.prefetch", TokenTiming.PREFETCH.toSeconds() + "s");
        return TodoApp.with(config, ClientTicker.following(clientClock)).identityProvider(provider);
    }

    /** Creates a user with {@link #PASSWORD}, in {@code groups} (created as needed). */
    void user(String username, String... groups) {
        pool.createUser(username, PASSWORD, groups);
    }

    /** Refresh requests the application sent to cognito-local. */
    long refreshes() {
        return counter.count("InitiateAuth REFRESH_TOKEN_AUTH");
    }

    long passwordSignIns() {
        return counter.count("InitiateAuth USER_PASSWORD_AUTH");
    }

    /** The application's clock. */
    ManualClock clientClock() {
        return clientClock;
    }

    LocalGraphQL graphQL() {
        return graphQL;
    }

    LocalPool pool() {
        return pool;
    }

    /** Holds the next refresh request until released. */
    RefreshHold holdNextRefresh() {
        return hold.arm();
    }

    /** From now on the API refuses this pool's tokens with HTTP 401: it trusts another pool. */
    void apiRejectsThisPool() {
        graphQL.trustUserPool(cognito.createPool(TIMING.lifetime(), false).issuer());
    }

    @Override
    public void close() {
        try {
            graphQL.close();
        } finally {
            hold.release();
            provider.close();
        }
    }
}
