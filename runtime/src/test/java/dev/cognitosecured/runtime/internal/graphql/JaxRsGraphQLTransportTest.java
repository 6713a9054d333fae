package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.GraphQLError;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.NullResultException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.GenericType;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JaxRsGraphQLTransportTest {

    private static final CallPolicy POLICY = CallPolicy.accessToken().refreshSkew(Duration.ofSeconds(30)).replays(1);
    private static final String GET_TODO = "query Get($id: ID!) { getTodo(id: $id) { id title done } }";
    private static final String TOKEN = jwt("{\"sub\":\"alice\",\"token_use\":\"access\",\"exp\":1893456000}");
    /** The payload segment alone: not even part of a token may leak. */
    private static final String TOKEN_PAYLOAD = TOKEN.split("\\.")[1];

    private LoopbackGraphQLServer server;
    private Client client;
    private Jsonb jsonb;
    private JaxRsGraphQLTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackGraphQLServer();
        client = ClientBuilder.newClient();
        jsonb = JsonbBuilder.create();
        transport = new JaxRsGraphQLTransport(client, server.endpoint(), "", jsonb);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        jsonb.close();
        server.close();
    }

    // ---- the request ----

    @Test
    void postsTheDocumentAndVariablesAsJsonWithTheRawTokenForAppSync() throws Exception {
        String document = "mutation { addTodo(title: $title, note: $note) { id } } # \"quoted\"\n\ttabbed";
        Operation<Todo> add = Operation.mutation("TodoApi.addTodo", document)
                .rootField("addTodo").variables("title", "note").policy(POLICY).returning(Todo.class);
        server.answerJson(200, "{\"data\":{\"addTodo\":{\"id\":\"7\",\"title\":\"x\",\"done\":false}}}");

        transport.execute(add, add.variables("Grüße, \"Welt\" ✓", null), TOKEN);

        LoopbackGraphQLServer.Recorded request = server.takeRequest();
        assertEquals("POST", request.method());
        assertEquals("/graphql", request.path());
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        assertEquals("application/json", request.header("Accept"));
        assertEquals(TOKEN, request.header("Authorization"));
        JsonObject body = parse(request.body());
        assertEquals(document, body.getString("query"));
        assertFalse(body.containsKey("operationName"), request.body());
        JsonObject variables = body.getJsonObject("variables");
        assertEquals("Grüße, \"Welt\" ✓", variables.getString("title"));
        assertTrue(variables.containsKey("note"), "a null variable is sent, as JSON null: " + request.body());
        assertEquals(JsonValue.NULL, variables.get("note"));
    }

    @Test
    void sendsTheOperationNameAndTheConfiguredPrefix() throws Exception {
        JaxRsGraphQLTransport bearer = new JaxRsGraphQLTransport(client, server.endpoint(), "Bearer ", jsonb);
        Operation<Todo> get = Operation.query("TodoApi.getTodo", "query Other { x } " + GET_TODO)
                .operationName("Get").rootField("getTodo").variables("id").policy(POLICY).returning(Todo.class);
        server.answerJson(200, "{\"data\":{\"getTodo\":null}}");

        bearer.execute(get, get.variables("1"), TOKEN);

        LoopbackGraphQLServer.Recorded request = server.takeRequest();
        assertEquals("Bearer " + TOKEN, request.header("Authorization"));
        JsonObject body = parse(request.body());
        assertEquals("Get", body.getString("operationName"));
        assertEquals("1", body.getJsonObject("variables").getString("id"));
    }

    @Test
    void writesVariablesOfAnyTypeWithJsonb() throws Exception {
        Operation<Todo> put = Operation.mutation("TodoApi.put",
                        "mutation Put($todo: TodoInput!, $tags: [String]) { x }")
                .rootField("put").variables("todo", "tags", "count").policy(POLICY).returning(Todo.class);
        server.answerJson(200, "{\"data\":{\"put\":null}}");

        transport.execute(put, put.variables(new Todo("1", "milk", true), List.of("a", "b"), 3), TOKEN);

        JsonObject variables = parse(server.takeRequest().body()).getJsonObject("variables");
        JsonObject todo = variables.getJsonObject("todo");
        assertEquals("milk", todo.getString("title"));
        assertTrue(todo.getBoolean("done"));
        assertEquals(List.of("a", "b"), variables.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(3, variables.getInt("count"));
    }

    @Test
    void sendsAnEmptyVariablesObjectWhenThereAreNone() throws Exception {
        Operation<List<Todo>> list = listTodos();
        server.answerJson(200, "{\"data\":{\"listTodos\":[]}}");

        assertEquals(List.of(), transport.execute(list, list.variables(), TOKEN));

        assertEquals(0, parse(server.takeRequest().body()).getJsonObject("variables").size());
    }

    // ---- binding the result ----

    @Test
    void bindsTheRootFieldToARecord() {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"Buy milk\",\"done\":true}}}");

        Todo todo = transport.execute(getTodo(), Map.of("id", "1"), TOKEN);

        assertEquals(new Todo("1", "Buy milk", true), todo);
    }

    @Test
    void bindsAListThroughItsGenericType() {
        server.answerJson(200, "{\"data\":{\"listTodos\":[{\"id\":\"1\",\"title\":\"a\",\"done\":false},"
                + "{\"id\":\"2\",\"title\":\"b\",\"done\":true}]}}");

        List<Todo> todos = transport.execute(listTodos(), Map.of(), TOKEN);

        assertEquals(List.of(new Todo("1", "a", false), new Todo("2", "b", true)), todos);
    }

    /** Several root fields: no root field is named, so all of {@code data} binds. */
    public record TwoTodos(Todo first, Todo second) {
    }

    @Test
    void bindsAllOfDataWhenNoRootFieldIsNamed() {
        String data = "{\"data\":{\"first\":{\"id\":\"1\",\"title\":\"a\",\"done\":false},"
                + "\"second\":{\"id\":\"2\",\"title\":\"b\",\"done\":true}}}";
        String document = "query { first: getTodo(id: 1) { id title done } second: getTodo(id: 2) { id title done } }";
        Operation<TwoTodos> two = Operation.query("TodoApi.two", document).policy(POLICY).returning(TwoTodos.class);
        Operation<Map<String, Todo>> byAlias = Operation.query("TodoApi.byAlias", document)
                .policy(POLICY).returning(new GenericType<Map<String, Todo>>() { });

        server.answerJson(200, data);
        TwoTodos record = transport.execute(two, Map.of(), TOKEN);
        Map<String, Todo> map = transport.execute(byAlias, Map.of(), TOKEN);

        assertEquals(new TwoTodos(new Todo("1", "a", false), new Todo("2", "b", true)), record);
        assertEquals(Map.of("first", new Todo("1", "a", false), "second", new Todo("2", "b", true)), map);
    }

    @Test
    void aVoidOperationBindsNothing() throws Exception {
        Operation<Void> delete = Operation.mutation("TodoApi.deleteTodo",
                        "mutation Delete($id: ID!) { deleteTodo(id: $id) { id } }")
                .rootField("deleteTodo").variables("id").policy(POLICY).returningNothing();
        server.answerJson(200, "{\"data\":{\"deleteTodo\":{\"id\":\"1\"}}}");

        assertNull(transport.execute(delete, delete.variables("1"), TOKEN));
        assertEquals("1", parse(server.takeRequest().body()).getJsonObject("variables").getString("id"));
    }

    @Test
    void aNullFieldGivesNull() {
        server.answerJson(200, "{\"data\":{\"getTodo\":null}}");

        assertNull(transport.execute(getTodo(), Map.of("id", "404"), TOKEN));
    }

    @Test
    void aNullForAPrimitiveResultIsANullResultExceptionSyncAndAsync() {
        Operation<Integer> count = Operation.query("TodoApi.countTodos", "query { countTodos }")
                .rootField("countTodos").policy(POLICY).returning(int.class);
        server.answerJson(200, "{\"data\":{\"countTodos\":null}}");

        NullResultException sync = assertThrows(NullResultException.class,
                () -> transport.execute(count, Map.of(), TOKEN));
        Throwable async = failureOf(transport.executeAsync(count, Map.of(), TOKEN));

        assertEquals("data.countTodos", sync.field());
        assertTrue(sync.getMessage().contains("TodoApi.countTodos"), sync.getMessage());
        NullResultException asyncNull = assertInstanceOf(NullResultException.class, async);
        assertEquals("TodoApi.countTodos", asyncNull.operation());
        assertNoToken(sync);
        assertEquals(2, server.requestsNotTaken(), "one request per call, no retry");
    }

    @Test
    void aPrimitiveResultBindsOverHttp() {
        Operation<Boolean> done = Operation.query("TodoApi.allDone", "query { allDone }")
                .rootField("allDone").policy(POLICY).returning(boolean.class);
        server.answerJson(200, "{\"data\":{\"allDone\":true}}");

        assertEquals(Boolean.TRUE, transport.execute(done, Map.of(), TOKEN));
    }

    @Test
    void dataThatDoesNotFitTheTypeIsATransportExceptionNamingOperationAndType() {
        server.answerJson(200, "{\"data\":{\"listTodos\":{\"id\":\"1\",\"title\":\"not a list\",\"done\":false}}}");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(listTodos(), Map.of(), TOKEN));

        assertTrue(e.getMessage().contains("TodoApi.listTodos"), e.getMessage());
        assertTrue(e.getMessage().contains("java.util.List<" + Todo.class.getName() + ">"), e.getMessage());
        assertEquals(200, e.status().getAsInt());
    }

    @Test
    void aMissingRootFieldIsATransportException() {
        server.answerJson(200, "{\"data\":{\"somethingElse\":{}}}");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertTrue(e.getMessage().contains("getTodo") && e.getMessage().contains("somethingElse"), e.getMessage());
    }

    // ---- rejections and errors ----

    @Test
    void anHttp401IsAnUnauthorizedExceptionWithTheServersMessageAndNoToken() {
        server.answer(401, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "UnauthorizedException"),
                "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Token has expired.\"}]}");

        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("TodoApi.getTodo"), e.getMessage());
        assertTrue(e.getMessage().contains("Token has expired."), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void anHttp401WithoutAJsonBodyIsStillAnUnauthorizedException() {
        server.answer(401, Map.of("Content-Type", "text/plain"), "Valid authorization header not provided.");

        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertTrue(e.getMessage().contains("Valid authorization header not provided."), e.getMessage());
    }

    @Test
    void anHttp401WithABearerChallengeIsAnUnauthorizedException() {
        JaxRsGraphQLTransport bearer = new JaxRsGraphQLTransport(client, server.endpoint(), "Bearer ", jsonb);
        server.answer(401, Map.of("Content-Type", "application/json",
                "WWW-Authenticate", "Bearer error=\"invalid_token\""),
                "{\"errors\":[{\"message\":\"Token has expired.\"}]}");

        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> bearer.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(401, e.status());
        assertNoToken(e);
    }

    @Test
    void aFieldDeniedInAnHttp200IsAGraphQLErrorsExceptionNotAnUnauthorizedException() {
        server.answerJson(200, "{\"data\":{\"getTodo\":null},\"errors\":[{\"path\":[\"getTodo\"],\"data\":null,"
                + "\"errorType\":\"Unauthorized\",\"errorInfo\":null,\"locations\":[{\"line\":1,\"column\":30,"
                + "\"sourceName\":null}],\"message\":\"Not Authorized to access getTodo on type Query\"}]}");

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(1, e.errors().size());
        GraphQLError error = e.errors().get(0);
        assertTrue(error.isPermissionDenied());
        assertEquals("Not Authorized to access getTodo on type Query", error.message());
        assertEquals(List.of("getTodo"), error.path());
        Map<?, ?> data = assertInstanceOf(Map.class, e.data().orElseThrow());
        assertTrue(data.containsKey("getTodo") && data.get("getTodo") == null, data.toString());
        assertTrue(e.getMessage().contains("TodoApi.getTodo") && e.getMessage().contains("[Unauthorized]"),
                e.getMessage());
    }

    @Test
    void readsClassificationPathAndExtensionsOfOtherServers() {
        server.answerJson(200, "{\"errors\":[{\"message\":\"Validation error of type FieldUndefined\","
                + "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"listTodos\",1,\"owner\"],"
                + "\"extensions\":{\"classification\":\"ValidationError\",\"retry\":false,\"gone\":null,"
                + "\"detail\":{\"limit\":100}}},{\"message\":\"second\"}],\"data\":null}");

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> transport.execute(listTodos(), Map.of(), TOKEN));

        GraphQLError first = e.errors().get(0);
        assertEquals("ValidationError", first.errorType().orElseThrow());
        assertFalse(first.isPermissionDenied());
        assertEquals(List.of("listTodos", 1, "owner"), first.path());
        assertEquals(Map.of("classification", "ValidationError", "retry", false, "detail", Map.of("limit", 100)),
                first.extensions());
        assertTrue(e.errors().get(1).errorType().isEmpty());
        assertTrue(e.data().isEmpty());
    }

    // ---- answers that are not GraphQL responses ----

    @Test
    void anHtmlErrorPageIsATransportExceptionWithTheStatusAndAShortExcerpt() {
        String page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\n<center><h1>502 Bad Gateway"
                + "</h1></center>\n" + "<p>upstream went away</p>\n".repeat(50) + "</body>\n</html>\n";
        server.answer(502, Map.of("Content-Type", "text/html"), page);

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(502, e.status().getAsInt());
        assertTrue(e.getMessage().contains("TodoApi.getTodo"), e.getMessage());
        assertTrue(e.getMessage().contains("<title>502 Bad Gateway</title>"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        String excerpt = e.getMessage().substring(e.getMessage().indexOf("HTTP 502: ") + "HTTP 502: ".length());
        assertTrue(excerpt.length() <= BodyExcerpt.MAX_LENGTH, excerpt.length() + ": " + excerpt);
        assertTrue(excerpt.endsWith("..."), excerpt);
    }

    @Test
    void aForbiddenJsonAnswerIsATransportException() {
        server.answerJson(403, "{\"errors\":[{\"errorType\":\"ForbiddenException\",\"message\":\"Forbidden\"}]}");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(403, e.status().getAsInt());
        assertTrue(e.getMessage().contains("ForbiddenException"), e.getMessage());
    }

    @Test
    void truncatedJsonIsATransportException() {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"ti");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(200, e.status().getAsInt());
        assertTrue(e.getMessage().contains("{\"data\":{\"getTodo\":{\"id\":\"1\",\"ti"), e.getMessage());
    }

    @Test
    void aBodyCutShortByTheServerIsATransportException() {
        server.answerCutShort(200, "{\"data\":{\"getTodo\":{\"id\":\"1\"", 500);

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        // the server flushes the headers and the short body before it closes: on JDK 17 the client hands
        // over the short body, on JDK 25 it fails the read; the library says the same either way
        assertEquals(200, e.status().getAsInt());
        assertTrue(e.getMessage().contains("TodoApi.getTodo: the body of the HTTP 200 answer could not be read"
                + " (it was cut short of the 500 bytes it declared)"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    // ---- the bound on answer size (graphql.max-answer-size) ----

    private JaxRsGraphQLTransport boundedTo(long maxAnswerBytes) {
        Limits d = Limits.DEFAULTS;
        Limits limits = new Limits(d.cognitoTimeout(), d.graphqlConnectTimeout(), d.graphqlTimeout(), d.callTimeout(),
                maxAnswerBytes);
        return new JaxRsGraphQLTransport(client, server.endpoint(), "", jsonb, limits, PoolKeys.of(PoolKeys.DEFAULT_POOL));
    }

    @Test
    void anAnswerThatDeclaresMoreThanTheBoundIsRefusedUnread() {
        JaxRsGraphQLTransport bounded = boundedTo(1024);
        server.answerCutShort(200, "{\"data\":{\"getTodo\":{\"id\":\"1\"", 1L << 30); // announces 1 GiB

        TransportException e = assertThrows(TransportException.class,
                () -> bounded.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertTrue(e.getMessage().contains("declares 1073741824 bytes"), e.getMessage());
        assertEquals(200, e.status().getAsInt());
        assertTrue(e.getMessage().contains("1024 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("cognito-secured.graphql.max-answer-size"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN_PAYLOAD), e.getMessage());
    }

    @Test
    void aChunkedAnswerThatGrowsPastTheBoundIsRefusedWithoutReadingTheRest() {
        long bound = 64 * 1024;
        long offered = 1L << 30; // 1 GiB, far more than loopback buffers hold
        JaxRsGraphQLTransport bounded = boundedTo(bound);
        server.answerStreaming(offered);

        TransportException e = assertThrows(TransportException.class,
                () -> bounded.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(200, e.status().getAsInt());
        assertTrue(e.getMessage().contains("went past the bound"), e.getMessage());
        assertTrue(e.getMessage().contains(bound + " bytes"), e.getMessage());
        assertTrue(server.bytesSent() < offered / 8, "the rest was not read: " + server.bytesSent() + " bytes sent");

        CompletionException later = assertThrows(CompletionException.class,
                () -> bounded.executeAsync(getTodo(), Map.of("id", "1"), TOKEN).toCompletableFuture().join());
        TransportException async = assertInstanceOf(TransportException.class, later.getCause());
        assertTrue(async.getMessage().contains("went past the bound"), async.getMessage());
    }

    @Test
    void anAnswerOfExactlyTheBoundIsRead() {
        String json = "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"x\",\"done\":false}}}";
        JaxRsGraphQLTransport bounded = boundedTo(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        server.answerJson(200, json);

        assertEquals("1", bounded.execute(getTodo(), Map.of("id", "1"), TOKEN).id());
    }

    @Test
    void anEmptyBodyIsATransportException() {
        server.answer(200, Map.of("Content-Type", "application/json"), "");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(200, e.status().getAsInt());
        assertTrue(e.getMessage().contains("(empty body)"), e.getMessage());
    }

    @Test
    void jsonWithNeitherDataNorErrorsIsATransportException() {
        for (String json : List.of("{\"message\":\"Internal failure\"}", "{\"data\":null}", "[1,2]", "\"data\"",
                "{\"data\":{\"getTodo\":null},\"errors\":\"oops\"}")) {
            server.answerJson(200, json);

            TransportException e = assertThrows(TransportException.class,
                    () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN), json);

            assertEquals(200, e.status().getAsInt(), json);
        }
    }

    @Test
    void aBodyThatEchoesTheTokenIsScrubbed() {
        String idToken = jwt("{\"sub\":\"alice\",\"token_use\":\"id\",\"email\":\"alice@example.com\"}");
        server.answerJson(500, "{\"message\":\"bad header Authorization: " + TOKEN + " (id token was " + idToken
                + ") at api.example.com\"}");

        TransportException e = assertThrows(TransportException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(500, e.status().getAsInt());
        assertNoToken(e);
        assertFalse(e.getMessage().contains(idToken.split("\\.")[1]), e.getMessage());
        assertTrue(e.getMessage().contains("bad header Authorization: [token] (id token was [token]) at api.example.com"),
                e.getMessage());
    }

    @Test
    void anErrorMessageThatEchoesTheTokenIsScrubbed() {
        server.answerJson(200, "{\"data\":null,\"errors\":[{\"message\":\"cannot use " + TOKEN + "\"}]}");

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> transport.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertNoToken(e);
        assertEquals("cannot use [token]", e.errors().get(0).message());
    }

    @Test
    void aRefusedConnectionIsATransportExceptionWithoutStatus() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/graphql");
        }
        JaxRsGraphQLTransport nowhere = new JaxRsGraphQLTransport(client, closed, "", jsonb);

        TransportException e = assertThrows(TransportException.class,
                () -> nowhere.execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertTrue(e.status().isEmpty());
        assertTrue(e.getMessage().contains("TodoApi.getTodo") && e.getMessage().contains(closed.toString()),
                e.getMessage());
        assertNoToken(e);
    }

    // ---- asynchronous ----

    @Test
    void executeAsyncCompletesWithTheResultWithoutBlockingTheCaller() throws Exception {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"Buy milk\",\"done\":false}}}");
        CountDownLatch release = server.holdAnswers();

        CompletionStage<Todo> stage = transport.executeAsync(getTodo(), Map.of("id", "1"), TOKEN);

        assertEquals(TOKEN, server.takeRequest().header("Authorization"));
        assertFalse(stage.toCompletableFuture().isDone(), "the stage completes only once the server answers");
        release.countDown();
        assertEquals(new Todo("1", "Buy milk", false), stage.toCompletableFuture().join());
    }

    @Test
    void executeAsyncCompletesWithUnauthorizedExceptionOnHttp401() {
        server.answer(401, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "UnauthorizedException"),
                "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Token has expired.\"}]}");

        CompletableFuture<Todo> future =
                transport.executeAsync(getTodo(), Map.of("id", "1"), TOKEN).toCompletableFuture();

        CompletionException e = assertThrows(CompletionException.class, future::join);
        UnauthorizedException cause = assertInstanceOf(UnauthorizedException.class, e.getCause());
        assertEquals(401, cause.status());
        assertTrue(cause.getMessage().contains("Token has expired."), cause.getMessage());
        assertNoToken(cause);
    }

    @Test
    void executeAsyncCompletesWithTheSameExceptionTypesAsExecute() throws Exception {
        server.answerJson(200, "{\"data\":{\"getTodo\":null},\"errors\":[{\"message\":\"Not Authorized to access"
                + " getTodo on type Query\",\"errorType\":\"Unauthorized\"}]}");
        Throwable denied = failureOf(transport.executeAsync(getTodo(), Map.of("id", "1"), TOKEN));
        assertTrue(assertInstanceOf(GraphQLErrorsException.class, denied).errors().get(0).isPermissionDenied());

        server.answer(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>");
        Throwable badGateway = failureOf(transport.executeAsync(getTodo(), Map.of("id", "1"), TOKEN));
        assertEquals(502, assertInstanceOf(TransportException.class, badGateway).status().getAsInt());

        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/graphql");
        }
        JaxRsGraphQLTransport nowhere = new JaxRsGraphQLTransport(client, closed, "", jsonb);
        Throwable refused = failureOf(nowhere.executeAsync(getTodo(), Map.of("id", "1"), TOKEN));
        assertTrue(assertInstanceOf(TransportException.class, refused).status().isEmpty());
    }

    // ---- helpers ----

    /** The exception the stage completed with, as a dependent stage sees it, unwrapped once. */
    private static Throwable failureOf(CompletionStage<?> stage) {
        Throwable failure = stage.handle((result, e) -> e).toCompletableFuture().join();
        assertTrue(failure != null, "the stage completed normally");
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static Operation<Todo> getTodo() {
        return Operation.query("TodoApi.getTodo", GET_TODO)
                .rootField("getTodo").variables("id").policy(POLICY).returning(Todo.class);
    }

    private static Operation<List<Todo>> listTodos() {
        return Operation.query("TodoApi.listTodos", "query { listTodos { id title done } }")
                .rootField("listTodos").policy(POLICY).returning(new GenericType<List<Todo>>() { });
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void assertNoToken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + " " + t;
            assertFalse(text.contains(TOKEN_PAYLOAD), "token in: " + text);
        }
    }

    /** A JWT-shaped string: base64url header, payload and a random-looking signature. */
    private static String jwt(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[256];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 31 + payload.length());
        }
        return base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"test\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(signature);
    }
}
