package dev.cognitosecured.it.demo;

import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.Latency;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.junit.CognitoSecuredProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-ins the demo runs against when no AWS account is given, both on 127.0.0.1 and on the
 * system clock: a {@link LocalCognito} with one user pool (e-mail codes as second factor), an app
 * client whose tokens live a few seconds, and a user with a temporary password; and a
 * {@link LocalGraphQL} serving the to-do schema, which trusts that pool and answers an expired token
 * with HTTP 401, as AppSync does.
 */
public final class LocalStandIns implements AutoCloseable, ObservedCounts {

    /** The demo user. */
    public static final String USERNAME = "alice";
    /** The demo user's e-mail address, where the codes are "sent". */
    public static final String EMAIL = "alice@example.com";
    /** The temporary password the demo user starts with (never printed). */
    static final String TEMPORARY_PASSWORD = "Temp-0rary-Passw0rd!";

    private static final String SCHEMA = "demo/todo.graphqls";
    private static final Latency GRAPHQL_LATENCY = Latency.between(Duration.ofMillis(5), Duration.ofMillis(25));

    private final LocalCognito cognito;
    private final UserPool pool;
    private final AppClient client;
    private final LocalGraphQL graphQL;
    private final Duration tokenLifetime;

    private LocalStandIns(LocalCognito cognito, UserPool pool, AppClient client, LocalGraphQL graphQL,
            Duration tokenLifetime) {
        this.cognito = cognito;
        this.pool = pool;
        this.client = client;
        this.graphQL = graphQL;
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * Starts both servers and seeds the pool, the app client (access and ID tokens living
     * {@code tokenLifetime}) and the user.
     */
    public static LocalStandIns start(Duration tokenLifetime) {
        LocalCognito cognito = LocalCognito.start();
        try {
            UserPool pool = cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP));
            AppClient client = cognito.createClient(pool, ClientSettings.defaults()
                    .withAccessTokenValidity(tokenLifetime)
                    .withIdTokenValidity(tokenLifetime));
            cognito.createUser(pool, NewUser.withTemporaryPassword(USERNAME, TEMPORARY_PASSWORD)
                    .attribute("email", EMAIL)
                    .withMfa(MfaFactor.EMAIL_OTP));
            AtomicLong nextId = new AtomicLong();
            LocalGraphQL graphQL = LocalGraphQL.builder()
                    .schema(schema())
                    .dataFetcher("Query", "getTodo",
                            env -> Map.of("id", env.getArgument("id"), "title", "Todo " + env.getArgument("id"),
                                    "done", false))
                    .dataFetcher("Mutation", "addTodo",
                            env -> Map.of("id", Long.toString(nextId.incrementAndGet()), "title",
                                    env.getArgument("title"), "done", false))
                    .userPool(cognito.issuer(pool))
                    .latency(GRAPHQL_LATENCY)
                    .start();
            return new LocalStandIns(cognito, pool, client, graphQL, tokenLifetime);
        } catch (RuntimeException e) {
            cognito.close();
            throw e;
        }
    }

    /** The {@code cognito-secured.*} configuration that points the application at the stand-ins. */
    public Map<String, String> configuration() {
        return CognitoSecuredProperties.of(cognito, pool, client, Optional.of(graphQL.endpoint())).asMap();
    }

    /** The code LocalCognito last "sent" to the demo user by e-mail. */
    public Optional<String> lastCode() {
        return cognito.lastCode(pool, USERNAME);
    }

    public URI cognitoEndpoint() {
        return cognito.endpoint();
    }

    public URI graphQLEndpoint() {
        return graphQL.endpoint();
    }

    public UserPool pool() {
        return pool;
    }

    public AppClient client() {
        return client;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** The sign-in requests LocalCognito received, e.g. {@code InitiateAuth USER_SRP_AUTH=1, ...}. */
    public String signInRequests() {
        return "InitiateAuth USER_SRP_AUTH=" + cognito.initiateAuthCount("USER_SRP_AUTH")
                + " USER_PASSWORD_AUTH=" + cognito.initiateAuthCount("USER_PASSWORD_AUTH")
                + ", RespondToAuthChallenge PASSWORD_VERIFIER=" + cognito.challengeResponseCount("PASSWORD_VERIFIER")
                + " NEW_PASSWORD_REQUIRED=" + cognito.challengeResponseCount("NEW_PASSWORD_REQUIRED")
                + " EMAIL_OTP=" + cognito.challengeResponseCount("EMAIL_OTP");
    }

    /** Refresh requests LocalCognito received: {@code InitiateAuth} refresh flows and {@code GetTokensFromRefreshToken}. */
    @Override
    public long refreshes() {
        return refreshesReceivedBy(cognito);
    }

    /**
     * The refresh requests {@code cognito} received, with either API: {@code InitiateAuth} with a refresh
     * flow, and {@code GetTokensFromRefreshToken}.
     */
    public static long refreshesReceivedBy(LocalCognito cognito) {
        return cognito.initiateAuthCount("REFRESH_TOKEN_AUTH") + cognito.initiateAuthCount("REFRESH_TOKEN")
                + cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN);
    }

    /** HTTP 401 answers LocalGraphQL sent (a token that had expired or was not valid). */
    @Override
    public OptionalLong serverUnauthorized() {
        return OptionalLong.of(graphQL.unauthorizedCount());
    }

    @Override
    public String refreshesSource() {
        return "refresh requests received by LocalCognito";
    }

    @Override
    public void close() {
        try {
            graphQL.close();
        } finally {
            cognito.close();
        }
    }

    private static String schema() {
        try (InputStream in = LocalStandIns.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
