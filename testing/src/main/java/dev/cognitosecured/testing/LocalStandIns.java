package dev.cognitosecured.testing;

import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stand-ins started by hand: a {@link LocalCognito} with one user pool and one app client and, when a schema
 * is given, a {@link LocalGraphQL} that trusts that pool, both on 127.0.0.1 and on one clock (a {@link
 * ManualClock} unless another is given), so that token expiry on the server and in the application follow the
 * same time. For a {@code main} method, a test framework other than JUnit 5, or a test that needs its own
 * stand-ins; in JUnit 5, {@link dev.cognitosecured.testing.junit.CognitoTestKit} does the same for a test class.
 *
 * <pre>{@code
 * try (LocalStandIns standIns = LocalStandIns.builder()
 *         .schema("type Query { me: String }")
 *         .graphQL(graphQL -> graphQL.dataFetcher("Query", "me", env -> VerifiedCaller.of(env).username()))
 *         .start()) {
 *     standIns.cognito().createUser(standIns.pool(), "alice", "Corr3ct-horse");
 *     Map<String, String> configuration = standIns.properties().asMap(); // cognito-secured.* for the application
 * }
 * }</pre>
 *
 * <p>{@link #freshPool()} replaces the pool and app client with new ones and clears what the servers counted, for
 * a framework that isolates its tests that way. Thread-safe; closing it stops both servers.
 */
public final class LocalStandIns implements AutoCloseable {

    private final InstantSource clock;
    private final LocalCognito cognito;
    private final Optional<LocalGraphQL> graphQL;
    private final PoolSettings poolSettings;
    private final ClientSettings clientSettings;
    private volatile PoolAndClient current;

    private LocalStandIns(Builder builder, InstantSource clock) {
        this.clock = clock;
        this.poolSettings = builder.poolSettings;
        this.clientSettings = builder.clientSettings;
        this.cognito = LocalCognito.builder().clock(clock).region(builder.region).start();
        try {
            this.current = createPoolAndClient();
            this.graphQL = builder.schema.map(sdl -> {
                LocalGraphQL.Builder graphQLBuilder = LocalGraphQL.builder().schema(sdl);
                builder.graphQLSettings.accept(graphQLBuilder);
                return graphQLBuilder.userPool(cognito.issuer(current.pool())).clock(clock).start();
            });
        } catch (RuntimeException e) {
            cognito.close();
            throw e;
        }
    }

    /** {@return a builder; with nothing set, it starts a LocalCognito on a {@link ManualClock} and no LocalGraphQL} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the clock both servers read} */
    public InstantSource clock() {
        return clock;
    }

    /** {@return the LocalCognito} */
    public LocalCognito cognito() {
        return cognito;
    }

    /** {@return the LocalGraphQL, if a schema was given} */
    public Optional<LocalGraphQL> graphQL() {
        return graphQL;
    }

    /** {@return the current user pool, which LocalGraphQL trusts} */
    public UserPool pool() {
        return current.pool();
    }

    /** {@return the current app client, of {@link #pool()}} */
    public AppClient client() {
        return current.client();
    }

    /**
     * {@return the {@code cognito-secured.*} configuration that points an application at the current pool and app
     * client, LocalCognito and LocalGraphQL}
     */
    public CognitoSecuredProperties properties() {
        PoolAndClient now = current;
        return CognitoSecuredProperties.of(cognito, now.pool(), now.client(), graphQL.map(LocalGraphQL::endpoint));
    }

    /**
     * The refresh requests LocalCognito received since it started or since {@link #freshPool()}, with either API:
     * {@code InitiateAuth} with {@code REFRESH_TOKEN_AUTH} or {@code REFRESH_TOKEN}, and {@code
     * GetTokensFromRefreshToken}.
     *
     * @return the number of refresh requests
     */
    public long refreshRequests() {
        return cognito.initiateAuthCount("REFRESH_TOKEN_AUTH") + cognito.initiateAuthCount("REFRESH_TOKEN")
                + cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN);
    }

    /**
     * Replaces the pool and app client with fresh ones of the same settings, which LocalGraphQL trusts from now on
     * (the tokens of the old pool it answers with HTTP 401); request counts, injected faults and recorded GraphQL
     * requests start again from nothing, and real-time connections still open are closed (status 1001, going
     * away) with their counters set back to zero. The clock keeps its time.
     */
    public void freshPool() {
        PoolAndClient fresh = createPoolAndClient();
        cognito.resetRequestCounts();
        cognito.clearFaults();
        graphQL.ifPresent(server -> {
            server.trustUserPool(cognito.issuer(fresh.pool()));
            server.clearRequests();
            server.closeRealtimeConnections(1001, "a new test starts");
            server.clearRealtimeCounters();
        });
        current = fresh;
    }

    private PoolAndClient createPoolAndClient() {
        UserPool pool = cognito.createPool(poolSettings);
        return new PoolAndClient(pool, cognito.createClient(pool, clientSettings));
    }

    /** Stops LocalGraphQL, then LocalCognito. */
    @Override
    public void close() {
        try {
            graphQL.ifPresent(LocalGraphQL::close);
        } finally {
            cognito.close();
        }
    }

    @Override
    public String toString() {
        return "LocalStandIns[cognito=" + cognito.endpoint() + ", graphQL="
                + graphQL.map(server -> server.endpoint().toString()).orElse("none") + ", pool=" + pool().id() + "]";
    }

    private record PoolAndClient(UserPool pool, AppClient client) {
    }

    /** Chooses what a {@link LocalStandIns} runs. */
    public static final class Builder {

        private Optional<InstantSource> clock = Optional.empty();
        private String region = "us-east-1";
        private PoolSettings poolSettings = PoolSettings.defaults();
        private ClientSettings clientSettings = ClientSettings.defaults();
        private Optional<String> schema = Optional.empty();
        private Consumer<LocalGraphQL.Builder> graphQLSettings = graphQL -> { };

        private Builder() {}

        /**
         * The clock of both servers. By default a new {@link ManualClock} for each {@link #start()}, standing at the
         * time it starts (in whole seconds); give {@link InstantSource#system()} to run in real time.
         *
         * @param clock the clock of LocalCognito and LocalGraphQL
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
            return this;
        }

        /**
         * The region in pool ids, and in {@code cognito-secured.region}; {@code us-east-1} by default.
         *
         * @param region the region, e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * The settings of the user pool; {@link PoolSettings#defaults()} by default.
         *
         * @param settings the pool's settings
         * @return this builder
         */
        public Builder pool(PoolSettings settings) {
            this.poolSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The settings of the app client, token lifetimes included; {@link ClientSettings#defaults()} by default.
         *
         * @param settings the app client's settings
         * @return this builder
         */
        public Builder client(ClientSettings settings) {
            this.clientSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Runs a LocalGraphQL with this schema, in SDL; without one, no LocalGraphQL runs.
         *
         * @param sdl the schema, in the GraphQL schema definition language
         * @return this builder
         */
        public Builder schema(String sdl) {
            this.schema = Optional.of(Objects.requireNonNull(sdl, "sdl"));
            return this;
        }

        /**
         * Further settings of the LocalGraphQL: data fetchers, group requirements, latency, and so on. The stand-ins
         * set its schema before these, and its clock and the user pool it trusts after them.
         *
         * @param settings what to set on the LocalGraphQL's builder
         * @return this builder
         */
        public Builder graphQL(Consumer<LocalGraphQL.Builder> settings) {
            this.graphQLSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Starts LocalCognito, creates the pool and app client, then starts LocalGraphQL if a schema was given.
         *
         * @return the running stand-ins; close them when done
         */
        public LocalStandIns start() {
            return new LocalStandIns(this,
                    clock.orElseGet(() -> ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
        }
    }
}
