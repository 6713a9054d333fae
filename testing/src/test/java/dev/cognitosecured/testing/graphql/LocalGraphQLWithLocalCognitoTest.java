package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.UserPool;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * End to end with the kit's own Cognito: the real AWS SDK signs in against {@link LocalCognito}, and
 * {@link LocalGraphQL} trusts the pool's issuer and fetches its JWKS over HTTP, on the same clock.
 */
class LocalGraphQLWithLocalCognitoTest {

    private static final String PASSWORD = "Corr3ct-horse-Battery!";

    private final ManualClock clock = ManualClock.at(NOW);
    private LocalCognito cognito;
    private CognitoIdentityProviderClient sdk;
    private AppClient app;
    private LocalGraphQL server;
    private GraphQLHttp http;

    @BeforeEach
    void start() {
        cognito = LocalCognito.builder().clock(clock).start();
        UserPool pool = cognito.createPool();
        app = cognito.createClient(pool, false);
        cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).groups("admins"));
        cognito.createUser(pool, NewUser.withPassword("bob", PASSWORD));
        sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        server = LocalGraphQL.builder()
                .schema(TestSchema.SDL)
                .dataFetcher("Query", "secretStats", env -> 42)
                .dataFetcher("Query", "me", env -> Map.of(
                        "username", VerifiedCaller.of(env).username(),
                        "subject", VerifiedCaller.of(env).subject(),
                        "groups", List.copyOf(VerifiedCaller.of(env).groups()),
                        "tokenUse", VerifiedCaller.of(env).tokenUse().name()))
                .requireGroup("Query", "secretStats", "admins")
                .userPool(cognito.issuer(pool))
                .acceptClientIds(app.clientId())
                .clock(clock)
                .start();
        http = new GraphQLHttp(server.endpoint());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sdk != null) {
            sdk.close();
        }
        if (cognito != null) {
            cognito.close();
        }
    }

    private AuthenticationResultType signIn(String username) {
        return sdk.initiateAuth(request -> request
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .clientId(app.clientId())
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
                .authenticationResult();
    }

    @Test
    void accessTokenOfLocalCognitoIsAcceptedUntilItExpires() throws Exception {
        AuthenticationResultType tokens = signIn("alice");

        HttpResponse<String> response = http.post(tokens.accessToken(),
                GraphQLHttp.body("query Me { me { username groups tokenUse } secretStats }"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("username", "alice", "groups", List.of("admins"), "tokenUse", "ACCESS"),
                GraphQLHttp.data(response).get("me"));
        assertEquals(42L, GraphQLHttp.data(response).get("secretStats"));
        assertTrue(server.requests().get(0).carried(tokens.accessToken()));

        clock.advance(Duration.ofSeconds(tokens.expiresIn()));
        HttpResponse<String> expired = http.post(tokens.accessToken(), GraphQLHttp.body("query Me { me { username } }"));

        assertEquals(401, expired.statusCode());
        assertEquals(Optional.of("UnauthorizedException"), expired.headers().firstValue("x-amzn-ErrorType"));
        assertEquals("{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Token has expired.\"}]}",
                expired.body());
    }

    @Test
    void groupsOfTheLocalCognitoUserDecideFieldAccess() throws Exception {
        HttpResponse<String> response = http.post(signIn("bob").accessToken(), GraphQLHttp.body("{ secretStats }"));

        assertEquals(200, response.statusCode());
        assertEquals("Unauthorized", GraphQLHttp.errors(response).get(0).get("errorType"));
        assertEquals(null, GraphQLHttp.data(response).get("secretStats"));
    }

    @Test
    void afterTrustMovesToAnotherPoolOnlyItsTokensAreAccepted() throws Exception {
        UserPool second = cognito.createPool();
        AppClient secondApp = cognito.createClient(second, false);
        cognito.createUser(second, NewUser.withPassword("carol", PASSWORD));
        String firstPoolToken = signIn("alice").accessToken();
        String secondPoolToken = sdk.initiateAuth(request -> request
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .clientId(secondApp.clientId())
                        .authParameters(Map.of("USERNAME", "carol", "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken();
        String query = GraphQLHttp.body("query Me { me { username } }");
        try (LocalGraphQL anyClient = LocalGraphQL.builder()
                .schema(TestSchema.SDL)
                .dataFetcher("Query", "me", env -> Map.of("username", VerifiedCaller.of(env).username()))
                .userPool(cognito.issuer(app.pool()))
                .clock(clock)
                .start()) {
            GraphQLHttp client = new GraphQLHttp(anyClient.endpoint());
            assertEquals(200, client.post(firstPoolToken, query).statusCode());
            assertEquals(401, client.post(secondPoolToken, query).statusCode());

            anyClient.trustUserPool(cognito.issuer(second));

            assertEquals(401, client.post(firstPoolToken, query).statusCode());
            HttpResponse<String> accepted = client.post(secondPoolToken, query);
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(Map.of("username", "carol"), GraphQLHttp.data(accepted).get("me"));
        }
    }

    @Test
    void idTokenOfLocalCognitoIsRefusedByDefault() throws Exception {
        HttpResponse<String> response = http.post(signIn("alice").idToken(), GraphQLHttp.body("{ secretStats }"));

        assertEquals(401, response.statusCode());
        assertEquals(ReceivedRequest.Outcome.TOKEN_INVALID, server.requests().get(0).outcome());
    }
}
