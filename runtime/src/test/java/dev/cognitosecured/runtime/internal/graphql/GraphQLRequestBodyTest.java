package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphQLRequestBodyTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final GraphQLRequestBody body = new GraphQLRequestBody(jsonb);

    @AfterEach
    void close() throws Exception {
        jsonb.close();
    }

    @Test
    void writesTheEnvelopeInOrderWithEscapesAndNullVariables() {
        Operation<Todo> add = Operation.mutation("TodoApi.addTodo", "mutation A($t: String) {\n\ta(t: $t) }")
                .operationName("A").rootField("a").variables("t", "n", "todo").policy(CallPolicy.accessToken())
                .returning(Todo.class);

        String json = body.write(add, add.variables("\"quoted\" \\ \u0001", null, new Todo("1", "x", true)));

        assertEquals("{\"query\":\"mutation A($t: String) {\\n\\ta(t: $t) }\",\"operationName\":\"A\","
                + "\"variables\":{\"t\":\"\\\"quoted\\\" \\\\ \\u0001\",\"n\":null,"
                + "\"todo\":{\"done\":true,\"id\":\"1\",\"title\":\"x\"}}}", json);
    }

    /** Not a JSON-B property type: its getter fails. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot be read");
        }
    }

    @Test
    void aVariableJsonbCannotWriteIsAnIllegalArgumentExceptionNamingIt() {
        Operation<Todo> put = Operation.mutation("TodoApi.put", "mutation P($v: V) { p(v: $v) }")
                .rootField("p").variables("v").policy(CallPolicy.accessToken()).returning(Todo.class);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> body.write(put, put.variables(new Unwritable())));

        assertTrue(e.getMessage().contains("TodoApi.put") && e.getMessage().contains("$v")
                && e.getMessage().contains(Unwritable.class.getName()), e.getMessage());
    }
}
