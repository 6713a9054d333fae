package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server records about each request, and latency injection. */
class LocalGraphQLRecordingTest {

    private static final String GET_TODO = GraphQLHttp.body("query GetTodo { getTodo(id: \"1\") { title } }");
    private static final String ADD_TODO = GraphQLHttp.body("mutation AddTodo { addTodo(title: \"x\") { id } }");

    private static final TestTokens TOKENS = new TestTokens("key-1");
    private final ManualClock clock = ManualClock.at(NOW);
    private LocalGraphQL server;
    private GraphQLHttp http;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Latency latency) {
        server = TestSchema.builder(TOKENS, clock).latency(latency).start();
        http = new GraphQLHttp(server.endpoint());
    }

    private String tokenOf(String username) {
        return TOKENS.accessToken(username, List.of(), NOW, NOW.plusSeconds(60));
    }

    @Test
    void countsRequestsUnauthorizedAnswersAndOperations() throws Exception {
        start(Latency.none());
        String alice = tokenOf("alice");

        http.post(alice, GET_TODO);
        http.post(alice, GET_TODO);
        http.post(alice, ADD_TODO);
        http.post(Optional.empty(), GET_TODO);
        clock.advance(Duration.ofMinutes(5));
        http.post(alice, ADD_TODO);

        assertEquals(5, server.requestCount());
        assertEquals(2, server.unauthorizedCount());
        assertEquals(3, server.requestCount("GetTodo"));
        assertEquals(2, server.requestCount("AddTodo"));
        assertEquals(0, server.requestCount("Other"));
        assertEquals(List.of(ReceivedRequest.Outcome.EXECUTED, ReceivedRequest.Outcome.EXECUTED,
                ReceivedRequest.Outcome.EXECUTED, ReceivedRequest.Outcome.TOKEN_INVALID,
                ReceivedRequest.Outcome.TOKEN_EXPIRED), server.requests().stream().map(ReceivedRequest::outcome).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), server.requests().stream().map(ReceivedRequest::sequence).toList());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), server.requests().get(4).receivedAt());
    }

    @Test
    void recordsWhichTokenEachRequestCarriedWithoutKeepingIt() throws Exception {
        start(Latency.none());
        String alice = tokenOf("alice");
        String bob = tokenOf("bob");

        http.post(alice, GET_TODO);
        http.post(bob, GET_TODO);
        http.post(alice, GET_TODO);

        List<ReceivedRequest> requests = server.requests();
        assertTrue(requests.get(0).carried(alice));
        assertFalse(requests.get(0).carried(bob));
        assertTrue(requests.get(1).carried(bob));
        assertTrue(requests.get(2).carried(alice));
        assertEquals(2, server.distinctTokenCount());
        assertEquals(Optional.of("alice"), requests.get(0).caller().map(VerifiedCaller::username));
        assertEquals(Optional.of(LocalGraphQL.fingerprint(alice)), requests.get(0).tokenFingerprint());
        for (ReceivedRequest request : requests) {
            assertFalse(request.toString().contains(alice) || request.toString().contains(bob), request.toString());
        }
    }

    @Test
    void clearRequestsForgetsWhatWasRecorded() throws Exception {
        start(Latency.none());
        http.post(tokenOf("alice"), GET_TODO);

        server.clearRequests();
        http.post(tokenOf("alice"), GET_TODO);

        assertEquals(1, server.requestCount());
        assertEquals(2L, server.requests().get(0).sequence());
    }

    @Test
    void concurrentRequestsUnderRandomLatencyAreAnsweredCorrectly() throws Exception {
        start(Latency.between(Duration.ofMillis(1), Duration.ofMillis(30)));
        List<String> users = IntStream.range(0, 12).mapToObj(i -> "user" + i).toList();
        List<String> userTokens = users.stream().map(this::tokenOf).toList();

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (String token : userTokens) {
            responses.add(http.postAsync(token, GraphQLHttp.body("query Me { me { username } }")));
        }

        for (int i = 0; i < users.size(); i++) {
            HttpResponse<String> response = responses.get(i).join();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(Map.of("username", users.get(i)), GraphQLHttp.data(response).get("me"));
        }
        assertEquals(12, server.requestCount("Me"));
        assertEquals(12, server.distinctTokenCount());
        for (ReceivedRequest request : server.requests()) {
            String username = request.caller().orElseThrow().username();
            assertTrue(request.carried(userTokens.get(users.indexOf(username))), request.toString());
        }
    }

    @Test
    void latencyCanBeChangedWhileRunning() throws Exception {
        start(Latency.none());
        server.latency(Latency.fixed(Duration.ofMillis(5)));

        assertEquals(200, http.post(tokenOf("alice"), GET_TODO).statusCode());

        server.latency(Latency.none());
        assertEquals(200, http.post(tokenOf("alice"), GET_TODO).statusCode());
        assertEquals(2, server.requestCount("GetTodo"));
    }
}
