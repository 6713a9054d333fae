package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.LocalUser;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.graphql.Latency;
import dev.cognitosecured.testing.graphql.LatencyWait;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.CognitoSecuredProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * What the application talks to in a scenario: the test kit's {@link LocalStandIns} (a {@link LocalCognito} with
 * one user pool and app client, and a {@link LocalGraphQL} that trusts that pool) serving the {@link TodoBackend},
 * both on one {@link ManualClock}, with the token lifetime of a {@link TokenTiming}. Token expiry on the server
 * and in the application's session store then follow the same time, which the test moves.
 */
public final class StandIns implements AutoCloseable {

    /** Every user's password. */
    public static final String PASSWORD = "Corr3ct-horse-battery";

    private final ManualClock clock;
    private final TokenTiming timing;
    private final TodoBackend backend = new TodoBackend();
    private final LocalStandIns standIns;

    private StandIns(Builder builder) {
        this.clock = builder.clock != null ? builder.clock : ManualClock.at(builder.start);
        this.timing = builder.timing;
        this.standIns = builder.kit
                .clock(clock)
                .client(builder.clientSettings
                        .withAccessTokenValidity(timing.lifetime())
                        .withIdTokenValidity(timing.lifetime()))
                .graphQL(graphQL -> builder.graphQLSettings.accept(
                        backend.wire(graphQL).latency(builder.latency).latencyWait(builder.latencyWait)))
                .start();
    }

    /** Stand-ins with the {@linkplain TokenTiming#standard() standard} lifetime, on a clock at the current second. */
    public static StandIns start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ManualClock clock() {
        return clock;
    }

    public TokenTiming timing() {
        return timing;
    }

    /** The test kit's stand-ins under these: the servers, the pool and the app client. */
    public LocalStandIns local() {
        return standIns;
    }

    public LocalCognito cognito() {
        return standIns.cognito();
    }

    public LocalGraphQL graphQL() {
        return standIns.graphQL().orElseThrow();
    }

    public TodoBackend backend() {
        return backend;
    }

    /** Creates a confirmed user with {@link #PASSWORD}, in {@code groups}. */
    public LocalUser user(String username, String... groups) {
        return user(NewUser.withPassword(username, PASSWORD).groups(groups));
    }

    /** Creates a user as described, for flows that need more (challenges, second factors). */
    public LocalUser user(NewUser user) {
        return cognito().createUser(standIns.pool(), user);
    }

    /** Refresh requests that reached LocalCognito, with either API. */
    public long refreshes() {
        return standIns.refreshRequests();
    }

    /** Password sign-ins that reached LocalCognito. */
    public long passwordSignIns() {
        return cognito().initiateAuthCount("USER_PASSWORD_AUTH");
    }

    /**
     * From now on the API refuses every token of this pool with HTTP 401, as it refuses revoked or
     * foreign tokens: it trusts another pool instead.
     */
    public void apiRejectsThisPool() {
        graphQL().trustUserPool(cognito().issuer(cognito().createPool()));
    }

    /** What points the application at the stand-ins: this Cognito, pool, app client and API. */
    public CognitoSecuredProperties properties() {
        return standIns.properties();
    }

    /**
     * The application's configuration for the default pool: the {@linkplain #properties() stand-ins'},
     * password sign-in, the suite's prefetch, then {@code more} as key, value, key, value...
     */
    public Map<String, String> config(String... more) {
        Map<String, String> config = new LinkedHashMap<>(properties().asMap());
        config.put("cognito-secured.auth-flow", "USER_PASSWORD_AUTH");
        config.put("cognito-secured.prefetch", TokenTiming.PREFETCH.toSeconds() + "s");
        for (int i = 0; i + 1 < more.length; i += 2) {
            config.put("cognito-secured." + more[i], more[i + 1]);
        }
        return config;
    }

    /** A client of this Cognito for what another device or an administrator does; the caller closes it. */
    public CognitoIdentityProviderClient sdkClient() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(cognito().endpoint())
                .region(Region.of(properties().get(CognitoSecuredProperties.REGION).orElseThrow()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        standIns.close();
    }

    /** Chooses the stand-ins' settings. */
    public static final class Builder {

        private final LocalStandIns.Builder kit = LocalStandIns.builder().schema(TodoBackend.schema());
        private Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private ManualClock clock;
        private TokenTiming timing = TokenTiming.standard();
        private ClientSettings clientSettings = ClientSettings.defaults();
        private Latency latency = Latency.none();
        private LatencyWait latencyWait = LatencyWait.sleeping();
        private Consumer<LocalGraphQL.Builder> graphQLSettings = graphQL -> { };

        private Builder() {
        }

        /** Where the stand-ins' clock starts (the current second by default). */
        public Builder clockAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** The clock the stand-ins share, when the test made it itself (else one at {@link #clockAt}). */
        public Builder clock(ManualClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The access and ID tokens' lifetime. */
        public Builder timing(TokenTiming timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** The user pool's settings. */
        public Builder pool(PoolSettings settings) {
            kit.pool(settings);
            return this;
        }

        /** The app client's settings; its token lifetimes are the {@linkplain #timing timing}'s. */
        public Builder client(ClientSettings settings) {
            this.clientSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** LocalGraphQL's latency before each answer. */
        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** How LocalGraphQL waits out its latency: it sleeps by default. */
        public Builder latencyWait(LatencyWait wait) {
            this.latencyWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** More LocalGraphQL settings (keep-alives, real-time token expiry), applied after the backend's wiring. */
        public Builder graphQL(Consumer<LocalGraphQL.Builder> settings) {
            this.graphQLSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder latencyUpTo(Duration max) {
            return latency(Latency.between(Duration.ZERO, max));
        }

        public StandIns start() {
            return new StandIns(this);
        }
    }
}
