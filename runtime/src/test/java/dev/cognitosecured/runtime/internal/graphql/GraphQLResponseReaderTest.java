package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.NullResultException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of an answer ({@link GraphQLAnswerDeserializer}) where members come in any
 * order and around the root field; the loopback tests in {@link JaxRsGraphQLTransportTest} cover the
 * outcomes over HTTP.
 */
class GraphQLResponseReaderTest {

    private static final Operation<Todo> GET_TODO = Operation.query("TodoApi.getTodo",
                    "query Get($id: ID!) { getTodo(id: $id) { id title done } }")
            .rootField("getTodo").variables("id").policy(CallPolicy.accessToken()).returning(Todo.class);
    private static final Operation<List<Todo>> LIST_TODOS = Operation.query("TodoApi.listTodos",
                    "query { listTodos { id title done } }")
            .rootField("listTodos").policy(CallPolicy.accessToken()).returning(new GenericType<List<Todo>>() { });

    private final Jsonb jsonb = JsonbBuilder.create();
    private final GraphQLResponseReader reader = new GraphQLResponseReader(jsonb);

    @AfterEach
    void close() throws Exception {
        jsonb.close();
    }

    @Test
    void bindsTheRootFieldWhereverItStandsAmongOtherMembers() {
        String body = "{\"extensions\":{\"tracing\":{\"steps\":[{\"a\":[1,{\"b\":[]}]}]}},"
                + "\"data\":{\"other\":[{\"x\":{\"y\":[[]]}}],"
                + "\"listTodos\":[{\"id\":\"1\",\"title\":\"a\",\"done\":true}],"
                + "\"after\":{\"z\":null}},\"errors\":[]}";

        assertEquals(List.of(new Todo("1", "a", true)), reader.read(LIST_TODOS, 200, body, "t0ken"));
    }

    /**
     * Found by {@link GraphQLResponseReaderFuzzTest} (input {@code crash-token-as-a-field-name}): the names of the
     * fields the answer had were quoted as they came, the sent token among them.
     */
    @Test
    void theFieldsOfAnAnswerWithoutTheRootFieldAreNamedWithoutTheSentToken() {
        String token = "opaque-sent-token-0123456789";
        String body = "{\"data\":{\"title\":\"a\",\"x" + token + "y\":1}}";

        TransportException e = assertThrows(TransportException.class, () -> reader.read(GET_TODO, 200, body, token));

        assertEquals("GraphQL operation TodoApi.getTodo: the answer's data has no field getTodo (fields: [title,"
                + " x[token]y])", e.getMessage());
    }

    /**
     * A number whose exponent BigDecimal cannot hold made the JSON reader throw NumberFormatException out of
     * {@code read}. Found when {@link GraphQLResponseReaderFuzzTest}'s sibling JwtClaimsFuzzTest found the same in
     * the JWT reading (seed input {@code huge-exponent}).
     */
    @Test
    void aNumberWhoseExponentDoesNotFitIsATransportExceptionOrAnUnauthorizedException() {
        String body = "{\"data\":{\"getTodo\":1e99999999999}}";

        TransportException bad = assertThrows(TransportException.class, () -> reader.read(GET_TODO, 200, body, "t0ken"));
        UnauthorizedException rejected =
                assertThrows(UnauthorizedException.class, () -> reader.read(GET_TODO, 401, body, "t0ken"));

        assertTrue(bad.getMessage().contains("is not a complete JSON object"), bad.getMessage());
        assertEquals(401, rejected.status());
    }

    @Test
    void errorsBeforeDataAreAGraphQLErrorsException() {
        String body = "{\"errors\":[{\"message\":\"boom\",\"path\":[\"getTodo\"],\"locations\":[{\"line\":1}]}],"
                + "\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"a\",\"done\":false}}}";

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> reader.read(GET_TODO, 200, body, "t0ken"));

        assertEquals("boom", e.errors().get(0).message());
        assertTrue(e.data().isPresent());
    }

    @Test
    void partialDataThatDoesNotBindStillGivesTheErrors() {
        String body = "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"a\",\"done\":{\"no\":[\"boolean\"]}}},"
                + "\"errors\":[{\"message\":\"done is broken\"}]}";

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> reader.read(GET_TODO, 200, body, "t0ken"));

        assertEquals("done is broken", e.errors().get(0).message());
    }

    @Test
    void aValueThatDoesNotBindIsATransportExceptionCarryingJsonbsReason() {
        String body = "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"a\",\"done\":{\"no\":[\"boolean\"]}}}}";

        TransportException e = assertThrows(TransportException.class, () -> reader.read(GET_TODO, 200, body, "t0ken"));

        assertTrue(e.getMessage().contains("data.getTodo does not bind to " + Todo.class.getName()), e.getMessage());
        assertInstanceOf(JsonbException.class, e.getCause());
    }

    private static final Operation<Integer> COUNT_TODOS = Operation.query("TodoApi.countTodos",
                    "query { countTodos }")
            .rootField("countTodos").policy(CallPolicy.accessToken()).returning(int.class);

    @Test
    void aPrimitiveResultBindsAsItsWrapper() {
        assertEquals(3, reader.read(COUNT_TODOS, 200, "{\"data\":{\"countTodos\":3}}", "t0ken"));
    }

    @Test
    void nullForAPrimitiveResultIsANullResultExceptionNamingOperationFieldAndWhatToDeclare() {
        NullResultException e = assertThrows(NullResultException.class,
                () -> reader.read(COUNT_TODOS, 200, "{\"data\":{\"countTodos\":null}}", "t0ken"));

        assertEquals("TodoApi.countTodos", e.operation());
        assertEquals("data.countTodos", e.field());
        assertTrue(e.getMessage().contains("TodoApi.countTodos"), e.getMessage());
        assertTrue(e.getMessage().contains("returns int"), e.getMessage());
        assertTrue(e.getMessage().contains("Integer or Optional<Integer>"), e.getMessage());
    }

    @Test
    void nullForAPrimitiveResultBesideErrorsIsAGraphQLErrorsException() {
        String body = "{\"data\":{\"countTodos\":null},\"errors\":[{\"message\":\"count failed\"}]}";

        GraphQLErrorsException e = assertThrows(GraphQLErrorsException.class,
                () -> reader.read(COUNT_TODOS, 200, body, "t0ken"));

        assertEquals("count failed", e.errors().get(0).message());
    }

    @Test
    void nullForABoxedResultIsNull() {
        Operation<Integer> boxed = Operation.query("TodoApi.countTodos", "query { countTodos }")
                .rootField("countTodos").policy(CallPolicy.accessToken()).returning(Integer.class);

        assertNull(reader.read(boxed, 200, "{\"data\":{\"countTodos\":null}}", "t0ken"));
    }

    @Test
    void aVoidOperationBindsNothingWhateverTheValue() {
        Operation<Void> delete = Operation.mutation("TodoApi.deleteTodo", "mutation { deleteTodo { id } }")
                .rootField("deleteTodo").policy(CallPolicy.accessToken()).returningNothing();
        Operation<Void> all = Operation.mutation("TodoApi.ping", "mutation { a b }")
                .policy(CallPolicy.accessToken()).returningNothing();

        assertNull(reader.read(delete, 200, "{\"data\":{\"deleteTodo\":{\"id\":[1,{\"x\":2}]}}}", "t0ken"));
        assertNull(reader.read(all, 200, "{\"data\":{\"a\":{\"b\":[]},\"b\":1}}", "t0ken"));
    }

    @Test
    void theOperationBeingReadIsForgottenAfterEachRead() {
        reader.read(GET_TODO, 200, "{\"data\":{\"getTodo\":null}}", "t0ken");
        assertThrows(TransportException.class, () -> reader.read(GET_TODO, 200, "{\"data\":{}}", "t0ken"));

        assertThrows(IllegalStateException.class, GraphQLAnswer::operationBeingRead);
    }

    @Test
    void a401NamingExpiryIsMarkedExpired() {
        String body = "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"Token has expired.\"}]}";
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> reader.read(GET_TODO, 401, body, "t0ken"));
        assertTrue(e.tokenExpired());
        assertEquals("GraphQL operation TodoApi.getTodo was rejected with HTTP 401: [UnauthorizedException] Token has"
                + " expired.", e.getMessage());
    }

    @Test
    void other401sAreNotMarkedExpired() {
        String invalid = "{\"errors\":[{\"errorType\":\"UnauthorizedException\","
                + "\"message\":\"Valid authorization header not provided.\"}]}";
        assertFalse(assertThrows(UnauthorizedException.class, () -> reader.read(GET_TODO, 401, invalid, "t0ken"))
                .tokenExpired());
        assertFalse(assertThrows(UnauthorizedException.class,
                () -> reader.read(GET_TODO, 401, "Token has expired.", "t0ken")).tokenExpired(),
                "only a GraphQL error says so, not any body");
    }
}
