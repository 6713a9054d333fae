package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Execution with a valid token: data, field permissions by group, and GraphQL errors. */
class LocalGraphQLExecutionTest {

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

    private void start(UnaryOperator<LocalGraphQL.Builder> configure) {
        server = configure.apply(TestSchema.builder(TOKENS, clock)).start();
        http = new GraphQLHttp(server.endpoint());
    }

    private String tokenOf(String username, String... groups) {
        return TOKENS.accessToken(username, List.of(groups), NOW, NOW.plusSeconds(3600));
    }

    @Test
    void variablesAndOperationNameAreHonoured() throws Exception {
        start(builder -> builder);
        String body = "{\"query\":\"query A { getTodo(id: \\\"1\\\") { id } } query B($id: ID!) { getTodo(id: $id) { id title } }\","
                + "\"operationName\":\"B\",\"variables\":{\"id\":\"42\"}}";

        HttpResponse<String> response = http.post(tokenOf("alice"), body);

        assertEquals("{\"data\":{\"getTodo\":{\"id\":\"42\",\"title\":\"Buy milk\"}}}", response.body());
        assertEquals(Optional.of("B"), server.requests().get(0).operationName());
    }

    @Test
    void fieldOutsideTheCallersGroupsIsNullWithAnUnauthorizedError() throws Exception {
        start(builder -> builder.requireGroup("Query", "secretStats", "admins"));

        HttpResponse<String> response = http.post(tokenOf("alice", "editors"),
                GraphQLHttp.body("query Stats {\n  secretStats\n  getTodo(id: \"1\") { id }\n}"));

        assertEquals(200, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("x-amzn-ErrorType"));
        Map<String, Object> data = GraphQLHttp.data(response);
        assertTrue(data.containsKey("secretStats"));
        assertEquals(null, data.get("secretStats"));
        assertEquals(Map.of("id", "1"), data.get("getTodo"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("path", List.of("secretStats"));
        expected.put("data", null);
        expected.put("errorType", "Unauthorized");
        expected.put("errorInfo", null);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("line", 2L);
        location.put("column", 3L);
        location.put("sourceName", null);
        expected.put("locations", List.of(location));
        expected.put("message", "Not Authorized to access secretStats on type Query");
        assertEquals(List.of(expected), GraphQLHttp.errors(response));
        assertEquals(ReceivedRequest.Outcome.EXECUTED, server.requests().get(0).outcome());
        assertEquals(0, server.unauthorizedCount());
    }

    @Test
    void fieldIsReadableByAMemberOfAnyOfItsGroups() throws Exception {
        start(builder -> builder.requireGroup("Query", "secretStats", "admins", "auditors"));

        assertEquals("{\"data\":{\"secretStats\":42}}",
                http.post(tokenOf("carol", "auditors"), GraphQLHttp.body("{ secretStats }")).body());
        assertEquals("{\"data\":{\"secretStats\":42}}",
                http.post(tokenOf("bob", "admins"), GraphQLHttp.body("{ secretStats }")).body());
    }

    @Test
    void nestedFieldWithoutDataFetcherCanBeGuarded() throws Exception {
        start(builder -> builder.requireGroup("Todo", "secretNote", "admins"));

        HttpResponse<String> response = http.post(tokenOf("alice"), GraphQLHttp.body("{ todos { id secretNote } }"));

        assertEquals(List.of(Map.of("id", "1"), Map.of("id", "2")), ((List<?>) GraphQLHttp.data(response).get("todos"))
                .stream().map(todo -> withoutNulls((Map<?, ?>) todo)).toList());
        List<Map<String, Object>> errors = GraphQLHttp.errors(response);
        assertEquals(2, errors.size());
        assertEquals(List.of("todos", 0L, "secretNote"), errors.get(0).get("path"));
        assertEquals("Not Authorized to access secretNote on type Todo", errors.get(0).get("message"));

        HttpResponse<String> admin = http.post(tokenOf("bob", "admins"), GraphQLHttp.body("{ todos { secretNote } }"));
        assertEquals("{\"data\":{\"todos\":[{\"secretNote\":\"note of 1\"},{\"secretNote\":\"note of 2\"}]}}",
                admin.body());
    }

    @Test
    void validationErrorIsA200WithErrors() throws Exception {
        start(builder -> builder);

        HttpResponse<String> response = http.post(tokenOf("alice"), GraphQLHttp.body("{ getTodo(id: \"1\") { nope } }"));

        assertEquals(200, response.statusCode());
        assertFalse(GraphQLHttp.json(response).containsKey("data"));
        Map<String, Object> error = GraphQLHttp.errors(response).get(0);
        assertEquals("ValidationError", error.get("errorType"));
        assertTrue(error.get("message").toString().contains("nope"), error.toString());
    }

    @Test
    void syntaxErrorIsA200WithErrors() throws Exception {
        start(builder -> builder);

        HttpResponse<String> response = http.post(tokenOf("alice"), GraphQLHttp.body("{ getTodo(id: "));

        assertEquals(200, response.statusCode());
        assertEquals("InvalidSyntax", GraphQLHttp.errors(response).get(0).get("errorType"));
    }

    @Test
    void resolverErrorCarriesItsErrorType() throws Exception {
        start(builder -> builder);

        HttpResponse<String> response = http.post(tokenOf("alice"),
                GraphQLHttp.body("mutation Add { addTodo(title: \" \") { id } }"));

        assertEquals(200, response.statusCode());
        assertTrue(GraphQLHttp.data(response).containsKey("addTodo"));
        assertEquals(null, GraphQLHttp.data(response).get("addTodo"));
        Map<String, Object> error = GraphQLHttp.errors(response).get(0);
        assertEquals("BadRequest", error.get("errorType"));
        assertEquals("A todo needs a title", error.get("message"));
        assertEquals(List.of("addTodo"), error.get("path"));
    }

    @Test
    void otherDataFetcherExceptionsAreReportedAsGraphqlJavaDoes() throws Exception {
        start(builder -> builder.dataFetcher("Query", "secretStats", env -> {
            throw new IllegalStateException("database down");
        }));

        HttpResponse<String> response = http.post(tokenOf("alice"), GraphQLHttp.body("{ secretStats }"));

        Map<String, Object> error = GraphQLHttp.errors(response).get(0);
        assertEquals("DataFetchingException", error.get("errorType"));
        assertTrue(error.get("message").toString().contains("database down"), error.toString());
    }

    @Test
    void bodyThatIsNotAGraphQLRequestIsA400() throws Exception {
        start(builder -> builder);

        HttpResponse<String> response = http.post(tokenOf("alice"), "{\"qurey\":\"{ secretStats }\"}");

        assertEquals(400, response.statusCode());
        assertEquals("MalformedHttpRequestException", GraphQLHttp.errors(response).get(0).get("errorType"));
        assertEquals(ReceivedRequest.Outcome.MALFORMED_REQUEST, server.requests().get(0).outcome());
    }

    @Test
    void badBodyWithABadTokenIsAnsweredAs401First() throws Exception {
        start(builder -> builder);

        HttpResponse<String> response = http.post("garbage", "not json");

        assertEquals(401, response.statusCode());
    }

    private static Map<Object, Object> withoutNulls(Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
