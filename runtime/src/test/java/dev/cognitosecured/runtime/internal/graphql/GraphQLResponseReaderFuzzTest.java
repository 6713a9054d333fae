package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.GenericType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Any HTTP status and body, for every return shape a generated client has (a value, a list, the value behind
 * an {@code Optional}, nothing, primitives, all of {@code data}): {@link GraphQLResponseReader#read} answers or
 * throws one of the library's exceptions ({@link CognitoSecuredException}), and neither the message nor the
 * stack trace (causes included) quotes the token the request was sent with, even when the body holds it.
 * The build replays {@code GraphQLResponseReaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class GraphQLResponseReaderFuzzTest {

    private static final String TOKEN = "eyJraWQiOiJmdXp6In0.eyJzdWIiOiJmdXp6In0.c2VudC10b2tlbi1zaWduYXR1cmU";
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final GraphQLResponseReader READER = new GraphQLResponseReader(JSONB);

    private static final List<Operation<?>> SHAPES = List.of(
            query("getTodo").returning(Todo.class),
            query("listTodos").returning(new GenericType<List<Todo>>() { }),
            query("title").returning(String.class), // what an Optional<String> method binds, then wraps
            query("deleteTodo").returningNothing(),
            query("count").returning(int.class),
            query("done").returning(boolean.class),
            query("total").returning(long.class),
            query("ratio").returning(double.class),
            Operation.query("Fuzz.all", "query { a b }").policy(CallPolicy.accessToken())
                    .returning(new GenericType<Map<String, Object>>() { }),
            Operation.query("Fuzz.nothing", "query { a }").policy(CallPolicy.accessToken()).returningNothing());

    private static final int[] STATUSES = {200, 200, 200, 201, 204, 401, 403, 500, 502};

    @FuzzTest
    void anyAnswer(FuzzedDataProvider data) {
        Operation<?> operation = data.pickValue(SHAPES);
        int status = data.consumeBoolean() ? data.pickValue(STATUSES) : data.consumeInt(100, 599);
        String before = data.consumeString(data.consumeInt(0, 4096));
        String body = data.consumeBoolean() ? before + TOKEN + data.consumeRemainingAsString()
                : before + data.consumeRemainingAsString();
        try {
            READER.read(operation, status, body, TOKEN);
        } catch (CognitoSecuredException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(TOKEN), "the exception quotes the sent token: " + e.getClass());
            assertFalse(String.valueOf(e).contains(TOKEN), "toString() quotes the sent token");
        }
    }

    private static Operation.Builder query(String rootField) {
        return Operation.query("Fuzz." + rootField, "query { " + rootField + " }").rootField(rootField)
                .policy(CallPolicy.accessToken());
    }
}
