package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mistakes in a test's set-up are refused with a message that names them. */
class LocalGraphQLBuilderTest {

    private static final TestTokens TOKENS = new TestTokens("key-1");
    private final ManualClock clock = ManualClock.at(NOW);

    @Test
    void schemaIssuerAndKeysAreRequired() {
        IllegalStateException noSchema = assertThrows(IllegalStateException.class,
                () -> LocalGraphQL.builder().issuer("i").jwks(TOKENS.publicKeys()).start());
        assertTrue(noSchema.getMessage().contains("schema("), noSchema.getMessage());

        IllegalStateException noIssuer = assertThrows(IllegalStateException.class,
                () -> LocalGraphQL.builder().schema(TestSchema.SDL).jwks(TOKENS.publicKeys()).start());
        assertTrue(noIssuer.getMessage().contains("issuer("), noIssuer.getMessage());

        IllegalStateException noKeys = assertThrows(IllegalStateException.class,
                () -> LocalGraphQL.builder().schema(TestSchema.SDL).issuer("i").start());
        assertTrue(noKeys.getMessage().contains("jwks("), noKeys.getMessage());
    }

    @Test
    void dataFetcherOrGroupOfAnUnknownFieldIsRefused() {
        IllegalArgumentException fetcher = assertThrows(IllegalArgumentException.class,
                () -> TestSchema.builder(TOKENS, clock).dataFetcher("Query", "getTodoo", env -> null).start());
        assertEquals("dataFetcher(\"Query\", \"getTodoo\"): the schema has no field Query.getTodoo", fetcher.getMessage());

        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> TestSchema.builder(TOKENS, clock).requireGroup("Stats", "total", "admins").start());
        assertEquals("requireGroup(\"Stats\", \"total\"): the schema has no field Stats.total", group.getMessage());
    }

    @Test
    void invalidSchemaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSchema.builder(TOKENS, clock).schema("type Query { broken: Missing }").start());
        assertTrue(e.getMessage().contains("Missing"), e.getMessage());
    }

    @Test
    void badSettingsAreRefused() {
        LocalGraphQL.Builder builder = LocalGraphQL.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.leeway(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.port(70000));
        assertThrows(IllegalArgumentException.class, () -> builder.path("graphql"));
        assertThrows(IllegalArgumentException.class, () -> builder.requireGroup("Query", "me"));
        assertThrows(IllegalArgumentException.class, () -> Latency.between(Duration.ofMillis(5), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Latency.fixed(Duration.ofMillis(-1)));
    }

    @Test
    void listsOnLoopbackAtTheConfiguredPathAndStopsOnClose() throws Exception {
        URI endpoint;
        HttpClient client = HttpClient.newHttpClient();
        try (LocalGraphQL server = TestSchema.builder(TOKENS, clock).path("/v1/graphql").start()) {
            endpoint = server.endpoint();
            assertEquals("http://127.0.0.1:" + server.port() + "/v1/graphql", endpoint.toString());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(endpoint).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            HttpResponse<String> elsewhere = client.send(
                    HttpRequest.newBuilder(endpoint.resolve("/v1/graphqlx")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, elsewhere.statusCode());
        }
        assertThrows(java.io.IOException.class, () -> client.send(
                HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
