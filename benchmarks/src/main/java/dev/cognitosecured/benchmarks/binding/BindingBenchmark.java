package dev.cognitosecured.benchmarks.binding;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.internal.graphql.GraphQLResponseReader;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.GenericType;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Binding a large answer (about 1 MB of {@code listTodos}, {@link LargeAnswer}) to {@code List<Todo>}:
 * the runtime's {@link GraphQLResponseReader}, which binds {@code data.listTodos} from JSON-B's own
 * parser in one pass, against plain JSON-B reading the same string into records that mirror the
 * answer, the least any JSON-B client can do. A third side, for explaining the difference only,
 * does what the reader did before: a JSON-P tree, {@code toString()} of the field, JSON-B again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BindingBenchmark {

    /** What plain JSON-B binds the whole answer to. */
    public record Answer(Data data) {
    }

    /** The answer's {@code data}. */
    public record Data(List<Todo> listTodos) {
    }

    private static final Operation<List<Todo>> LIST_TODOS = Operation.query("TodoApi.listTodos",
                    "query List { listTodos { id title done } }")
            .rootField("listTodos")
            .policy(CallPolicy.accessToken())
            .returning(new GenericType<List<Todo>>() { });

    private Jsonb jsonb;
    private GraphQLResponseReader reader;
    private String body;

    @Setup
    public void setUp() {
        jsonb = JsonbBuilder.create();
        reader = new GraphQLResponseReader(jsonb);
        LargeAnswer answer = LargeAnswer.build();
        body = answer.body;
        check(answer.todos.equals(responseReader()), "the response reader bound other to-dos");
        check(answer.todos.equals(plainJsonb()), "plain JSON-B bound other to-dos");
        check(answer.todos.equals(treeThenJsonb()), "the tree and JSON-B bound other to-dos");
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    /** As {@link #tearDown}, for a harness that is not JMH. */
    void tearDownQuietly() {
        try {
            tearDown();
        } catch (Exception e) {
            throw new IllegalStateException("closing JSON-B failed", e);
        }
    }

    @Benchmark
    public List<Todo> responseReader() {
        return reader.read(LIST_TODOS, 200, body, "not-a-token");
    }

    @Benchmark
    public List<Todo> plainJsonb() {
        return jsonb.fromJson(body, Answer.class).data().listTodos();
    }

    /** Not a side of the ratio: how the reader bound before, parsing twice. */
    @Benchmark
    public List<Todo> treeThenJsonb() {
        try (JsonReader tree = Json.createReader(new StringReader(body))) {
            String field = tree.readObject().getJsonObject("data").get("listTodos").toString();
            return jsonb.fromJson(field, LIST_TODOS.resultType());
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
