package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real-time endpoint over a real WebSocket (the JDK's client), as AppSync's protocol has it. */
class LocalGraphQLRealtimeTest {

    static final String SDL = TestSchema.SDL + """
            type Subscription {
              onAddTodo(title: String): Todo @aws_subscribe(mutations: ["addTodo"])
              onTodo(id: ID): Todo
            }
            """;
    private static final String ON_ADD = "subscription OnAdd { onAddTodo { id title } }";
    private static final String ON_TODO = "subscription OnTodo($id: ID) { onTodo(id: $id) { id title } }";
    private static final Instant EXPIRY = NOW.plusSeconds(60);
    private static final TestTokens TOKENS = new TestTokens("key-1");

    private final ManualClock clock = ManualClock.at(NOW);
    private LocalGraphQL server;
    private final List<RealtimeClient> clients = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(RealtimeClient::close);
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<LocalGraphQL.Builder> configure) {
        server = configure.apply(TestSchema.builder(TOKENS, clock).schema(SDL).keepAliveInterval(Duration.ZERO))
                .start();
    }

    private void start() {
        start(builder -> builder);
    }

    private static String token(Instant expiresAt) {
        return TOKENS.accessToken("alice", List.of(), NOW, expiresAt);
    }

    private RealtimeClient connect(String token) {
        RealtimeClient client = RealtimeClient.connect(server.realtimeEndpoint(), token);
        clients.add(client);
        return client;
    }

    /** A connection acknowledged, with one subscription started and acknowledged. */
    private RealtimeClient subscribed(String id, String query, String variables) {
        RealtimeClient client = connect(token(EXPIRY));
        assertEquals("connection_ack", client.init().get("type"));
        client.start(id, query, variables, token(EXPIRY));
        assertEquals(Map.of("type", "start_ack", "id", id), client.nextNotKeepAlive());
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(Map<String, Object> message) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) message.get("payload")).get("errors")).get(0);
    }

    @Test
    void theEndpointIsTheGraphQLPathFollowedByRealtime() {
        start();
        assertEquals("ws://127.0.0.1:" + server.port() + "/graphql/realtime", server.realtimeEndpoint().toString());
    }

    @Test
    void aValidTokenIsAcknowledgedWithTheConnectionTimeout() {
        start(builder -> builder.connectionTimeout(Duration.ofSeconds(42)));
        RealtimeClient client = connect(token(EXPIRY));

        assertEquals(Map.of("type", "connection_ack", "payload", Map.of("connectionTimeoutMs", 42000L)),
                client.init());
        assertEquals(1, server.realtimeCounters().connectionsOpened());
        assertEquals(1, server.realtimeCounters().connectionsOpen());
    }

    @Test
    void theHeaderMayComeAsASubprotocol() {
        start();
        RealtimeClient client = RealtimeClient.connectWithHeaderSubprotocol(server.realtimeEndpoint(), token(EXPIRY));
        clients.add(client);

        assertEquals("connection_ack", client.init().get("type"));
    }

    @Test
    void anInvalidTokenGetsAConnectionErrorAndTheConnectionIsClosed() {
        start();
        RealtimeClient client = connect(new TestTokens("other-key").accessToken("alice", List.of(), NOW, EXPIRY));

        Map<String, Object> message = client.next();
        assertEquals("connection_error", message.get("type"));
        assertEquals(Map.of("errorType", "UnauthorizedException", "message", "Valid authorization header not provided.",
                "errorCode", 401L), errorOf(message));
        assertEquals(1000, client.closeStatus());
        assertEquals(0, server.realtimeCounters().connectionsOpened());
        assertEquals(1, server.realtimeCounters().handshakesRefused());
    }

    @Test
    void anExpiredTokenGetsTokenHasExpired() {
        start();
        clock.advance(Duration.ofSeconds(60));
        RealtimeClient client = connect(token(EXPIRY));

        Map<String, Object> message = client.next();
        assertEquals("connection_error", message.get("type"));
        assertEquals("Token has expired.", errorOf(message).get("message"));
        assertEquals(1000, client.closeStatus());
    }

    @Test
    void aHandshakeWithoutTheSubprotocolGetsAConnectionError() {
        start();
        RealtimeClient client = RealtimeClient.connectWithoutSubprotocol(server.realtimeEndpoint(), token(EXPIRY));
        clients.add(client);

        assertEquals(Map.of("type", "connection_error", "payload", Map.of("errors",
                List.of(Map.of("message", "SubProtocolNotSupportedError", "errorCode", 400L)))), client.next());
        assertEquals(1000, client.closeStatus());
        assertEquals(1, server.realtimeCounters().handshakesRefused());
    }

    @Test
    void refusedRealtimeConnectionsGet503UntilAcceptedAgain() {
        start();
        server.refuseRealtimeConnections();
        CompletionException refused = assertThrows(CompletionException.class,
                () -> RealtimeClient.handshake(server.realtimeEndpoint(), "graphql-ws").join());
        assertEquals(503, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        server.acceptRealtimeConnections();
        assertEquals("connection_ack", connect(token(EXPIRY)).init().get("type"));
    }

    @Test
    void aStartWithABadTokenGetsAnErrorForItsId() {
        start();
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("s1", ON_ADD, "{}", "not-a-jwt");

        Map<String, Object> message = client.nextNotKeepAlive();
        assertEquals("error", message.get("type"));
        assertEquals("s1", message.get("id"));
        assertEquals(Map.of("errorType", "UnauthorizedException", "message", "Valid authorization header not provided."),
                errorOf(message));
        assertEquals(1, server.realtimeCounters().startsRefused());
        assertEquals(0, server.realtimeCounters().startsAcknowledged());
    }

    @Test
    void aStartWithAnExpiredTokenGetsTokenHasExpired() {
        start();
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("s1", ON_ADD, "{}", token(NOW));

        assertEquals("Token has expired.", errorOf(client.nextNotKeepAlive()).get("message"));
    }

    @Test
    void aStartThatIsNotOneSubscriptionFieldIsRefused() {
        start();
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("q", "query { todos { id } }", "{}", token(EXPIRY));
        client.start("two", "subscription { onAddTodo { id } onTodo { id } }", "{}", token(EXPIRY));
        client.start("bad", "subscription { onAddTodo { nope } }", "{}", token(EXPIRY));

        for (String id : List.of("q", "two", "bad")) {
            Map<String, Object> message = client.nextNotKeepAlive();
            assertEquals("error", message.get("type"), message.toString());
            assertEquals(id, message.get("id"));
        }
        assertEquals(3, server.realtimeCounters().startsRefused());
    }

    @Test
    void aPublishedEventReachesOnlyTheMatchingSubscriptionsShapedByTheirSelection() {
        start();
        RealtimeClient seven = subscribed("seven", ON_TODO, "{\"id\":\"7\"}");
        RealtimeClient all = subscribed("all", "subscription { onTodo { title } }", "{}");
        RealtimeClient eight = subscribed("eight", ON_TODO, "{\"id\":\"8\"}");

        int sent = server.publish("onTodo", TestSchema.todo("7", "Buy milk"));

        assertEquals(2, sent);
        assertEquals(Map.of("type", "data", "id", "seven",
                "payload", Map.of("data", Map.of("onTodo", Map.of("id", "7", "title", "Buy milk")))), seven.next());
        assertEquals(Map.of("type", "data", "id", "all",
                "payload", Map.of("data", Map.of("onTodo", Map.of("title", "Buy milk")))), all.next());
        server.publish("onTodo", "{\"id\":\"8\",\"title\":\"Walk the dog\"}");
        assertEquals("eight", eight.next().get("id"));
        assertEquals(List.of(), seven.drain());
        assertEquals(1, server.eventsSent("seven"));
        assertEquals(2, server.eventsSent("all"));
        assertEquals(4, server.realtimeCounters().eventsSent());
    }

    @Test
    void aliasesFragmentsAndTypenamesAreResolvedAsForAQuery() {
        start();
        RealtimeClient client = subscribed("s",
                "subscription { added: onTodo { ...Fields kind: __typename } } fragment Fields on Todo { id }", "{}");

        server.publish("onTodo", TestSchema.todo("1", "x"));

        assertEquals(Map.of("added", Map.of("id", "1", "kind", "Todo")),
                ((Map<?, ?>) client.next().get("payload")).get("data"));
    }

    @Test
    void eventsArriveInTheOrderTheyWerePublished() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        for (int i = 0; i < 200; i++) {
            server.publish("onTodo", TestSchema.todo(Integer.toString(i), "todo " + i));
        }
        for (int i = 0; i < 200; i++) {
            assertEquals(Map.of("onTodo", Map.of("id", Integer.toString(i), "title", "todo " + i)),
                    ((Map<?, ?>) client.next().get("payload")).get("data"));
        }
    }

    @Test
    void aHundredSubscriptionsOnOneConnectionEachGetEveryEventInOrder() {
        start();
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        for (int s = 0; s < 100; s++) {
            client.start("s" + s, "subscription { onTodo { id } }", "{}", token(EXPIRY));
            assertEquals("start_ack", client.next().get("type"));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(100, server.publish("onTodo", TestSchema.todo(Integer.toString(i), "x")));
        }

        java.util.Map<Object, List<Object>> idsBySubscription = new java.util.HashMap<>();
        for (int n = 0; n < 100 * 20; n++) {
            Map<String, Object> message = client.next();
            Object todoId = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) message.get("payload")).get("data")).get("onTodo"))
                    .get("id");
            idsBySubscription.computeIfAbsent(message.get("id"), id -> new java.util.ArrayList<>()).add(todoId);
        }
        List<Object> inOrder = java.util.stream.IntStream.range(0, 20).mapToObj(Integer::toString)
                .map(Object.class::cast).toList();
        assertEquals(100, idsBySubscription.size());
        idsBySubscription.values().forEach(ids -> assertEquals(inOrder, ids));
        assertEquals(2000, server.realtimeCounters().eventsSent());
        assertEquals(100, server.realtimeCounters().subscriptionsActive());
    }

    @Test
    void aTestCanWaitUntilSubscriptionsAreLive() throws InterruptedException {
        start();
        assertFalse(server.awaitSubscriptions(1, Duration.ofMillis(1)));
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("s", ON_TODO, "{}", token(EXPIRY)); // the start_ack is not read before waiting

        assertTrue(server.awaitSubscriptions(1, RealtimeClient.WAIT));
        assertEquals(1, server.publish("onTodo", TestSchema.todo("1", "x")));
    }

    @Test
    void aWithheldStartAckLeavesTheSubscriptionStartedAtTheKitAndTheClientUninformed() throws InterruptedException {
        start();
        server.withholdStartAcks(true);
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("s", ON_TODO, "{}", token(EXPIRY));

        assertTrue(server.awaitSubscriptions(1, RealtimeClient.WAIT), "started at the kit");
        assertEquals(0, server.publish("onTodo", TestSchema.todo("1", "x")), "its events are withheld too");
        assertEquals(1, server.realtimeCounters().eventsWithheld());
        assertEquals(0, server.realtimeCounters().startsAcknowledged());
        server.withholdStartAcks(false);
        client.start("t", ON_TODO, "{}", token(EXPIRY));
        assertEquals(Map.of("type", "start_ack", "id", "t"), client.nextNotKeepAlive(), "nothing came for s");
        assertEquals(1, server.publish("onTodo", TestSchema.todo("2", "y")), "only t gets events");
    }

    @Test
    void publishingToAFieldTheSchemaDoesNotHaveIsAMistake() {
        start();
        assertThrows(IllegalArgumentException.class, () -> server.publish("onNothing", Map.of()));
    }

    @Test
    void aMutationIsPublishedToTheSubscriptionsThatNameIt() throws Exception {
        start();
        RealtimeClient client = subscribed("adds", "subscription { onAddTodo { id title secretNote } }", "{}");
        RealtimeClient filtered = subscribed("other", "subscription { onAddTodo(title: \"Other\") { id } }", "{}");

        HttpResponse<String> response = new GraphQLHttp(server.endpoint())
                .post(token(EXPIRY), GraphQLHttp.body("mutation { addTodo(title: \"Walk the dog\") { id title } }"));

        assertEquals(200, response.statusCode());
        // As AppSync: the subscription gets what the mutation selected; the rest is null.
        java.util.Map<String, Object> todo = new java.util.LinkedHashMap<>();
        todo.put("id", "3");
        todo.put("title", "Walk the dog");
        todo.put("secretNote", null);
        assertEquals(Map.of("onAddTodo", todo), ((Map<?, ?>) client.next().get("payload")).get("data"));
        assertEquals(List.of(), filtered.drain());
    }

    @Test
    void aStopIsCompletedAndEndsTheEvents() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        client.stop("s");

        assertEquals(Map.of("type", "complete", "id", "s"), client.nextNotKeepAlive());
        assertEquals(0, server.publish("onTodo", TestSchema.todo("1", "x")));
        assertEquals(1, server.realtimeCounters().stops());
        assertEquals(0, server.realtimeCounters().subscriptionsActive());
    }

    @Test
    void aSecondStartWithTheSameIdIsRefused() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        client.start("s", ON_TODO, "{}", token(EXPIRY));

        Map<String, Object> message = client.nextNotKeepAlive();
        assertEquals("error", message.get("type"));
        assertEquals("s", message.get("id"));
    }

    @Test
    void keepAlivesArriveAfterTheAckAndAtTheInterval() {
        start(builder -> builder.keepAliveInterval(Duration.ofMillis(20)));
        RealtimeClient client = connect(token(EXPIRY));
        assertEquals("connection_ack", client.init().get("type"));

        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("type", "ka"), client.next());
        }
        assertTrue(server.realtimeCounters().keepAlivesSent() >= 2);
    }

    @Test
    void keepAlivesCanBeStopped() {
        start(builder -> builder.keepAliveInterval(Duration.ofMillis(20)));
        server.sendKeepAlives(false);
        RealtimeClient client = connect(token(EXPIRY));
        assertEquals("connection_ack", client.init().get("type"));
        // No ka after the ack either; the next message is the start's answer.
        client.start("s", ON_TODO, "{}", token(EXPIRY));
        assertEquals("start_ack", client.next().get("type"));
        assertEquals(0, server.realtimeCounters().keepAlivesSent());
    }

    @Test
    void keepOpenDeliversAfterTheTokenExpired() {
        start(builder -> builder.realtimeTokenExpiry(RealtimeTokenExpiry.KEEP_OPEN));
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        clock.set(EXPIRY.plusSeconds(1));
        server.enforceRealtimeTokenExpiry();

        assertEquals(1, server.publish("onTodo", TestSchema.todo("1", "x")));
        assertEquals("data", client.next().get("type"));
    }

    @Test
    void errorSubscriptionsIsTheDefaultAndEndsEachSubscriptionWithAnErrorAtExpiry() {
        start();
        RealtimeClient client = subscribed("a", ON_TODO, "{}");
        client.start("b", ON_ADD, "{}", token(EXPIRY.plusSeconds(100)));
        assertEquals("start_ack", client.next().get("type"));
        clock.set(EXPIRY.minusMillis(1));
        server.enforceRealtimeTokenExpiry();
        assertEquals(List.of(), client.drain());

        clock.set(EXPIRY);
        server.enforceRealtimeTokenExpiry();

        // Both end: "b" has a later token of its own, but its connection's has expired.
        for (String id : List.of("a", "b")) {
            Map<String, Object> message = client.next();
            assertEquals("error", message.get("type"));
            assertEquals(id, message.get("id"));
            assertEquals(Map.of("errorType", "UnauthorizedException", "message", "Token has expired."),
                    errorOf(message));
        }
        assertEquals(0, server.publish("onTodo", TestSchema.todo("1", "x")));
        assertEquals(1, server.realtimeCounters().connectionsOpen());
        assertEquals(2, server.realtimeCounters().subscriptionsEndedAtExpiry());
        assertEquals(0, server.realtimeCounters().connectionsClosedAtExpiry());
    }

    @Test
    void closeConnectionSendsAConnectionErrorAtExpiryAndCloses() {
        start(builder -> builder.realtimeTokenExpiry(RealtimeTokenExpiry.CLOSE_CONNECTION));
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        clock.set(EXPIRY.minusMillis(1));
        server.enforceRealtimeTokenExpiry();
        assertEquals(1, server.realtimeCounters().connectionsOpen());

        clock.set(EXPIRY);
        server.enforceRealtimeTokenExpiry();

        Map<String, Object> message = client.next();
        assertEquals("connection_error", message.get("type"));
        assertEquals("Token has expired.", errorOf(message).get("message"));
        assertEquals(1000, client.closeStatus());
        assertEquals(1, server.realtimeCounters().connectionsClosedAtExpiry());
        assertEquals(0, server.realtimeCounters().connectionsOpen());
    }

    @Test
    void closeConnectionEndsASubscriptionWhoseStartTokenExpiredFirst() {
        start(builder -> builder.realtimeTokenExpiry(RealtimeTokenExpiry.CLOSE_CONNECTION));
        RealtimeClient client = connect(token(EXPIRY));
        client.init();
        client.start("short", ON_TODO, "{}", token(NOW.plusSeconds(10)));
        assertEquals("start_ack", client.next().get("type"));
        clock.set(NOW.plusSeconds(10));

        assertEquals(0, server.publish("onTodo", TestSchema.todo("1", "x")));

        Map<String, Object> message = client.next();
        assertEquals("error", message.get("type"));
        assertEquals("short", message.get("id"));
        assertEquals(1, server.realtimeCounters().connectionsOpen());
        assertEquals(1, server.realtimeCounters().subscriptionsEndedAtExpiry());
    }

    @Test
    void stopEventsWithholdsEventsSilently() {
        start(builder -> builder.realtimeTokenExpiry(RealtimeTokenExpiry.STOP_EVENTS));
        RealtimeClient client = subscribed("s", ON_TODO, "{}");
        assertEquals(1, server.publish("onTodo", TestSchema.todo("1", "before")));
        clock.set(EXPIRY);

        assertEquals(0, server.publish("onTodo", TestSchema.todo("2", "after")));

        assertEquals("before", ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) client.next().get("payload")).get("data"))
                .get("onTodo")).get("title"));
        assertEquals(List.of(), client.drain());
        assertEquals(1, server.realtimeCounters().eventsWithheld());
        assertEquals(1, server.realtimeCounters().connectionsOpen());
    }

    @Test
    void droppedConnectionsEndWithoutACloseFrame() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");

        assertEquals(1, server.dropRealtimeConnections());

        assertEquals(1006, client.closeStatus()); // the JDK's code for "ended without a close frame"
        assertEquals(0, server.realtimeCounters().connectionsOpen());
        assertEquals(0, server.publish("onTodo", TestSchema.todo("1", "x")));
        assertEquals("connection_ack", connect(token(EXPIRY)).init().get("type"));
        assertEquals(2, server.realtimeCounters().connectionsOpened());
    }

    @Test
    void closedConnectionsGetACloseFrame() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");

        assertEquals(1, server.closeRealtimeConnections(1001, "going away"));

        assertEquals(1001, client.closeStatus());
    }

    @Test
    void refusingConnectionsClosesTheOpenRealtimeConnectionsToo() {
        start();
        RealtimeClient client = subscribed("s", ON_TODO, "{}");

        server.refuseConnections();

        assertEquals(1006, client.closeStatus());
        server.acceptConnections();
        assertEquals("connection_ack", connect(token(EXPIRY)).init().get("type"));
    }
}
