package dev.cognitosecured.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import dev.cognitosecured.testing.CognitoSecuredProperties;
import dev.cognitosecured.testing.junit.StandInClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The stand-ins started by hand, as a demo or a non-JUnit test starts them: real SDK sign-ins, real HTTP calls. */
class LocalStandInsTest {

    private static final String PASSWORD = "Corr3ct-horse-battery";
    private static final String ME = "{ me }";

    private static LocalStandIns.Builder withSchema() {
        return LocalStandIns.builder()
                .schema("type Query { me: String }")
                .graphQL(graphQL -> graphQL.dataFetcher("Query", "me", env -> VerifiedCaller.of(env).username()));
    }

    @Test
    void localGraphQLTrustsThePoolAndJudgesExpiryOnTheSharedManualClock() {
        try (LocalStandIns standIns = withSchema()
                .client(ClientSettings.defaults().withAccessTokenValidity(Duration.ofMinutes(5)))
                .start()) {
            ManualClock clock = assertInstanceOf(ManualClock.class, standIns.clock());
            assertEquals(0, clock.instant().getNano(), "the clock starts on a whole second");
            standIns.cognito().createUser(standIns.pool(), "alice", PASSWORD);
            String token = StandInClients.accessToken(standIns.cognito(), standIns.client(), "alice", PASSWORD);
            URI endpoint = standIns.graphQL().orElseThrow().endpoint();

            HttpResponse<String> fresh = StandInClients.graphQL(endpoint, token, ME);
            clock.advance(Duration.ofMinutes(5));
            HttpResponse<String> expired = StandInClients.graphQL(endpoint, token, ME);

            assertEquals(200, fresh.statusCode(), fresh::body);
            assertEquals(Map.of("me", "alice"), StandInClients.json(fresh).get("data"));
            assertEquals(401, expired.statusCode(), expired::body);
        }
    }

    @Test
    void thePropertiesNameTheServersThePoolAndTheClient() {
        try (LocalStandIns standIns = withSchema().region("eu-west-1").client(ClientSettings.defaults().withSecret())
                .start()) {
            CognitoSecuredProperties properties = standIns.properties();

            assertEquals(Optional.of(standIns.cognito().endpoint().toString()), properties.get("endpoint"));
            assertEquals(Optional.of("eu-west-1"), properties.get("region"));
            assertEquals(Optional.of(standIns.pool().id()), properties.get("user-pool-id"));
            assertEquals(Optional.of(standIns.client().clientId()), properties.get("client-id"));
            assertEquals(standIns.client().clientSecret(), properties.get("client-secret"));
            assertEquals(Optional.of(standIns.graphQL().orElseThrow().endpoint().toString()),
                    properties.get("graphql.endpoint"));
            assertEquals(standIns.pool(), standIns.client().pool());
        }
    }

    @Test
    void withoutASchemaOnlyLocalCognitoRuns() {
        try (LocalStandIns standIns = LocalStandIns.builder().start()) {
            assertEquals(Optional.empty(), standIns.graphQL());
            assertEquals(Optional.empty(), standIns.properties().get("graphql.endpoint"));
            assertTrue(standIns.toString().contains("graphQL=none"), standIns::toString);
        }
    }

    @Test
    void aGivenClockIsTheClockOfBothServers() {
        try (LocalStandIns standIns = withSchema().clock(InstantSource.system()).start()) {
            assertSame(InstantSource.system().getClass(), standIns.clock().getClass());
        }
    }

    @Test
    void aFreshPoolReplacesTheOldOneAndCountsStartOver() {
        try (LocalStandIns standIns = withSchema().start()) {
            UserPool oldPool = standIns.pool();
            AppClient oldClient = standIns.client();
            standIns.cognito().createUser(oldPool, "alice", PASSWORD);
            String oldToken = StandInClients.accessToken(standIns.cognito(), oldClient, "alice", PASSWORD);
            LocalGraphQL graphQL = standIns.graphQL().orElseThrow();
            assertEquals(200, StandInClients.graphQL(graphQL.endpoint(), oldToken, ME).statusCode());

            standIns.freshPool();

            assertNotEquals(oldPool, standIns.pool());
            assertEquals(standIns.pool(), standIns.client().pool());
            assertEquals(Optional.of(standIns.pool().id()), standIns.properties().get("user-pool-id"));
            assertEquals(0, standIns.cognito().requestCount(Action.INITIATE_AUTH));
            assertEquals(0, graphQL.requestCount());
            assertEquals(401, StandInClients.graphQL(graphQL.endpoint(), oldToken, ME).statusCode());
            standIns.cognito().createUser(standIns.pool(), "bob", PASSWORD);
            String newToken = StandInClients.accessToken(standIns.cognito(), standIns.client(), "bob", PASSWORD);
            assertEquals(200, StandInClients.graphQL(graphQL.endpoint(), newToken, ME).statusCode());
        }
    }

    @Test
    void refreshRequestsCountsEveryRefreshLocalCognitoReceived() {
        try (LocalStandIns standIns = LocalStandIns.builder().start();
                CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
                        .endpointOverride(standIns.cognito().endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            standIns.cognito().createUser(standIns.pool(), "alice", PASSWORD);
            String clientId = standIns.client().clientId();
            AuthenticationResultType signedIn = sdk.initiateAuth(r -> r.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))).authenticationResult();
            assertEquals(0, standIns.refreshRequests());

            sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", signedIn.refreshToken())));
            sdk.getTokensFromRefreshToken(r -> r.clientId(clientId).refreshToken(signedIn.refreshToken()));

            assertEquals(2, standIns.refreshRequests());
        }
    }

    @Test
    void closingStopsBothServers() {
        LocalStandIns standIns = withSchema().start();
        URI cognito = standIns.cognito().endpoint();
        URI graphQL = standIns.graphQL().orElseThrow().endpoint();

        standIns.close();

        assertThrows(ConnectException.class, () -> get(cognito));
        assertThrows(ConnectException.class, () -> get(graphQL));
    }

    private static void get(URI uri) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    }
}
