package dev.cognitosecured.it.demo;

import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.graphql.Latency;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-ins the demo runs against when no AWS account is given: the test kit's {@link LocalStandIns} on the
 * system clock, that is a {@link LocalCognito} with one user pool (e-mail codes as second factor), an app client
 * whose tokens live a few seconds, and a user with a temporary password; and a {@link LocalGraphQL} serving the
 * to-do schema, which trusts that pool and answers an expired token with HTTP 401, as AppSync does.
 */
public final class DemoStandIns implements AutoCloseable, ObservedCounts {

    /** The demo user. */
    public static final String USERNAME = "alice";
    /** The demo user's e-mail address, where the codes are "sent". */
    public static final String EMAIL = "alice@example.com";
    /** The temporary password the demo user starts with (never printed). */
    static final String TEMPORARY_PASSWORD = "Temp-0rary-Passw0rd!";

    private static final String SCHEMA = "demo/todo.graphqls";
    private static final Latency GRAPHQL_LATENCY = Latency.between(Duration.ofMillis(5), Duration.ofMillis(25));

    private final LocalStandIns standIns;
    private final Duration tokenLifetime;

    private DemoStandIns(LocalStandIns standIns, Duration tokenLifetime) {
        this.standIns = standIns;
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * Starts both servers and seeds the pool, the app client (access and ID tokens living
     * {@code tokenLifetime}) and the user.
     */
    public static DemoStandIns start(Duration tokenLifetime) {
        AtomicLong nextId = new AtomicLong();
        LocalStandIns standIns = LocalStandIns.builder()
                .clock(InstantSource.system())
                .pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP))
                .client(ClientSettings.defaults()
                        .withAccessTokenValidity(tokenLifetime)
                        .withIdTokenValidity(tokenLifetime))
                .schema(schema())
                .graphQL(graphQL -> graphQL
                        .dataFetcher("Query", "getTodo",
                                env -> Map.of("id", env.getArgument("id"), "title", "Todo " + env.getArgument("id"),
                                        "done", false))
                        .dataFetcher("Mutation", "addTodo",
                                env -> Map.of("id", Long.toString(nextId.incrementAndGet()), "title",
                                        env.getArgument("title"), "done", false))
                        .latency(GRAPHQL_LATENCY))
                .start();
        try {
            standIns.cognito().createUser(standIns.pool(), NewUser.withTemporaryPassword(USERNAME, TEMPORARY_PASSWORD)
                    .attribute("email", EMAIL)
                    .withMfa(MfaFactor.EMAIL_OTP));
            return new DemoStandIns(standIns, tokenLifetime);
        } catch (RuntimeException e) {
            standIns.close();
            throw e;
        }
    }

    /** The {@code cognito-secured.*} configuration that points the application at the stand-ins. */
    public Map<String, String> configuration() {
        return standIns.properties().asMap();
    }

    /** The code LocalCognito last "sent" to the demo user by e-mail. */
    public Optional<String> lastCode() {
        return cognito().lastCode(standIns.pool(), USERNAME);
    }

    /** The test kit's stand-ins: the servers, pool and app client the demo runs against. */
    public LocalStandIns local() {
        return standIns;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** The sign-in requests LocalCognito received, e.g. {@code InitiateAuth USER_SRP_AUTH=1, ...}. */
    public String signInRequests() {
        LocalCognito cognito = cognito();
        return "InitiateAuth USER_SRP_AUTH=" + cognito.initiateAuthCount("USER_SRP_AUTH")
                + " USER_PASSWORD_AUTH=" + cognito.initiateAuthCount("USER_PASSWORD_AUTH")
                + ", RespondToAuthChallenge PASSWORD_VERIFIER=" + cognito.challengeResponseCount("PASSWORD_VERIFIER")
                + " NEW_PASSWORD_REQUIRED=" + cognito.challengeResponseCount("NEW_PASSWORD_REQUIRED")
                + " EMAIL_OTP=" + cognito.challengeResponseCount("EMAIL_OTP");
    }

    /** Refresh requests LocalCognito received: {@code InitiateAuth} refresh flows and {@code GetTokensFromRefreshToken}. */
    @Override
    public long refreshes() {
        return standIns.refreshRequests();
    }

    /** HTTP 401 answers LocalGraphQL sent (a token that had expired or was not valid). */
    @Override
    public OptionalLong serverUnauthorized() {
        return OptionalLong.of(standIns.graphQL().orElseThrow().unauthorizedCount());
    }

    @Override
    public String refreshesSource() {
        return "refresh requests received by LocalCognito";
    }

    @Override
    public void close() {
        standIns.close();
    }

    private LocalCognito cognito() {
        return standIns.cognito();
    }

    private static String schema() {
        try (InputStream in = DemoStandIns.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
