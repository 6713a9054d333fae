package dev.cognitosecured.testing.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.CognitoSecuredProperties;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a user registers it: real sign-ins through the SDK, real GraphQL calls over HTTP. */
class CognitoTestKitTest {

    @RegisterExtension
    static final CognitoTestKit KIT = CognitoTestKit.builder()
            .schema("type Query { me: String }")
            .graphQL(graphQL -> graphQL.dataFetcher("Query", "me", env -> VerifiedCaller.of(env).username()))
            .build();

    private static final List<String> POOLS = new ArrayList<>();
    private static final Set<LocalCognito> COGNITOS = new HashSet<>();
    private static int tests;

    @BeforeAll
    static void theClassLevelStandInsAreThereBeforeTheFirstTest(LocalCognito cognito, LocalGraphQL graphQL,
            ManualClock clock) {
        COGNITOS.add(cognito);
        assertTrue(graphQL.endpoint().toString().startsWith("http://127.0.0.1:"));
        assertEquals(0, clock.instant().getNano(), "the clock starts on a whole second");
    }

    @BeforeEach
    void eachTestStartsWithNothingCountedAndAPoolOfItsOwn(LocalCognito cognito, LocalGraphQL graphQL,
            UserPool pool, AppClient client) {
        assertEquals(0, cognito.requestCount(Action.INITIATE_AUTH));
        assertEquals(0, graphQL.requestCount());
        assertEquals(pool, client.pool());
        COGNITOS.add(cognito);
        POOLS.add(pool.id());
        tests++;
    }

    @AfterAll
    static void everyTestHadAFreshPoolOnTheSameServer() {
        assertEquals(1, COGNITOS.size(), "one LocalCognito for the class");
        assertEquals(tests, new HashSet<>(POOLS).size(), "a pool per test: " + POOLS);
    }

    @Test
    void aUserOfTheTestsPoolCallsLocalGraphQL(LocalCognito cognito, UserPool pool, AppClient client,
            LocalGraphQL graphQL) {
        cognito.createUser(pool, "alice", "Corr3ct-horse");
        String token = StandInClients.accessToken(cognito, client, "alice", "Corr3ct-horse");

        HttpResponse<String> response = StandInClients.graphQL(graphQL.endpoint(), token, "{ me }");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("me", "alice"), StandInClients.json(response).get("data"));
        assertEquals(1, cognito.requestCount(Action.INITIATE_AUTH));
        assertEquals(1, graphQL.requestCount());
    }

    @Test
    void aTokenOfAnotherPoolIsNotTrusted(LocalCognito cognito, LocalGraphQL graphQL) {
        UserPool other = cognito.createPool();
        AppClient otherClient = cognito.createClient(other, false);
        cognito.createUser(other, "mallory", "Corr3ct-horse");
        String token = StandInClients.accessToken(cognito, otherClient, "mallory", "Corr3ct-horse");

        HttpResponse<String> response = StandInClients.graphQL(graphQL.endpoint(), token, "{ me }");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Valid authorization header not provided."), response.body());
    }

    @Test
    void theManualClockExpiresTheTokens(LocalCognito cognito, UserPool pool, AppClient client, LocalGraphQL graphQL,
            ManualClock clock) {
        cognito.createUser(pool, "alice", "Corr3ct-horse");
        String token = StandInClients.accessToken(cognito, client, "alice", "Corr3ct-horse");
        clock.advance(Duration.ofHours(1));

        HttpResponse<String> response = StandInClients.graphQL(graphQL.endpoint(), token, "{ me }");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Token has expired."), response.body());
    }

    @Test
    void thePropertiesNameTheTestsPoolClientAndServers(CognitoSecuredProperties properties, LocalCognito cognito,
            UserPool pool, AppClient client, LocalGraphQL graphQL) {
        assertEquals(Map.of(
                "cognito-secured.endpoint", cognito.endpoint().toString(),
                "cognito-secured.region", "us-east-1",
                "cognito-secured.user-pool-id", pool.id(),
                "cognito-secured.client-id", client.clientId(),
                "cognito-secured.graphql.endpoint", graphQL.endpoint().toString()), properties.asMap());
        assertEquals(pool.id(), properties.asMapForPool("partners").get("cognito-secured.pools.partners.user-pool-id"));
        assertEquals(pool.id(), properties.get("user-pool-id").orElseThrow());
    }
}
