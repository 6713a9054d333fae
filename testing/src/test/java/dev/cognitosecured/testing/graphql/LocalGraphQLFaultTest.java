package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LocalGraphQL's injected faults, seen by the JDK's HTTP client over loopback. */
class LocalGraphQLFaultTest {

    private static final String GET_TODO = GraphQLHttp.body("query GetTodo { getTodo(id: \"1\") { title } }");
    private static final TestTokens TOKENS = new TestTokens("key-1");

    private final ManualClock clock = ManualClock.at(NOW);
    private LocalGraphQL server;
    private GraphQLHttp http;
    private String token;

    @BeforeEach
    void start() {
        server = TestSchema.builder(TOKENS, clock).start();
        http = new GraphQLHttp(server.endpoint());
        token = TOKENS.accessToken("alice", List.of(), NOW, NOW.plusSeconds(60));
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void eachHttpErrorReplacesTheAnswerForTheNextRequestsOnly() throws Exception {
        server.injectFault(GraphQLFault.serverError(), 1);
        server.injectFault(GraphQLFault.badGateway(), 1);
        server.injectFault(GraphQLFault.serviceUnavailable(), 1);
        server.injectFault(GraphQLFault.gatewayTimeout(), 2);

        HttpResponse<String> internal = http.post(token, GET_TODO);
        assertEquals(500, internal.statusCode());
        assertEquals("InternalFailureException", GraphQLHttp.errors(internal).get(0).get("errorType"));
        assertEquals(502, http.post(token, GET_TODO).statusCode());
        HttpResponse<String> unavailable = http.post(token, GET_TODO);
        assertEquals(503, unavailable.statusCode());
        assertEquals("Service Unavailable", GraphQLHttp.json(unavailable).get("message"));
        assertEquals(504, http.post(token, GET_TODO).statusCode());
        assertEquals(504, http.post(token, GET_TODO).statusCode());
        HttpResponse<String> healthy = http.post(token, GET_TODO);
        assertEquals(200, healthy.statusCode());
        assertEquals(Map.of("title", "Buy milk"), GraphQLHttp.data(healthy).get("getTodo"));

        assertEquals(6, server.requestCount("GetTodo"));
        assertEquals(List.of(500, 502, 503, 504, 504, 200),
                server.requests().stream().map(ReceivedRequest::status).toList());
        assertEquals(5, server.requests().stream()
                .filter(r -> r.outcome() == ReceivedRequest.Outcome.FAULT_INJECTED).count());
    }

    @Test
    void anHtmlErrorPageIsNotJson() throws Exception {
        server.injectFault(GraphQLFault.htmlErrorPage(502), 1);

        HttpResponse<String> page = http.post(token, GET_TODO);

        assertEquals(502, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().startsWith("<!DOCTYPE html>"), page.body());
    }

    @Test
    void aResetMidResponseEndsTheConnectionInsideTheBody() throws Exception {
        server.injectFault(GraphQLFault.resetMidResponse(), 1);

        IOException cut = assertThrows(IOException.class, () -> http.post(token, GET_TODO));

        assertTrue(!(cut instanceof HttpTimeoutException), "the connection ended, nobody waited: " + cut);
        assertEquals(ReceivedRequest.Outcome.EXECUTED, server.requests().get(0).outcome(), "it was executed first");
        assertEquals(200, http.post(token, GET_TODO).statusCode(), "the next request is answered whole");
    }

    @Test
    void aSilentServerNeverAnswersAndTheClientTimesOut() throws Exception {
        server.injectFault(GraphQLFault.silent());
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(server.endpoint())
                .timeout(Duration.ofMillis(300))
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(GET_TODO))
                .build();

        assertThrows(HttpTimeoutException.class, () -> impatient.send(request, HttpResponse.BodyHandlers.ofString()));

        assertEquals(1, server.requestCount());
        assertEquals(0, server.requests().get(0).status(), "nothing was sent");
        server.clearFaults();
        assertEquals(200, http.post(token, GET_TODO).statusCode());
    }

    @Test
    void aDelayedRequestIsAnsweredNormally() throws Exception {
        server.injectFault(GraphQLFault.delay(Duration.ofMillis(50)), 1);

        assertEquals(200, http.post(token, GET_TODO).statusCode());
        assertEquals(ReceivedRequest.Outcome.EXECUTED, server.requests().get(0).outcome());
    }

    @Test
    void refusedConnectionsUntilItAcceptsThemAgainOnTheSamePort() throws Exception {
        int port = server.port();
        server.refuseConnections();

        IOException refused = assertThrows(IOException.class, () -> http.post(token, GET_TODO));
        assertInstanceOf(ConnectException.class, refused, refused.toString());
        assertEquals(0, server.requestCount());

        server.acceptConnections();
        assertEquals(port, server.port());
        assertEquals(200, http.post(token, GET_TODO).statusCode());
        assertEquals(1, server.requestCount());
    }
}
