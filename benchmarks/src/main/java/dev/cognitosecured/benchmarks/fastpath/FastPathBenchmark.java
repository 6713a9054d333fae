package dev.cognitosecured.benchmarks.fastpath;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.api.TodoApi;
import dev.cognitosecured.benchmarks.api.TodoApi_CognitoClient;
import dev.cognitosecured.benchmarks.support.CannedIdentityProvider;
import dev.cognitosecured.benchmarks.support.CannedTransport;
import dev.cognitosecured.benchmarks.support.SignedInStore;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.Map;
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
 * The fast path: one call of {@link TodoApi#getTodo} with a valid token and an in-process transport
 * that returns a prebuilt result, so that only the client's own work is measured: taking the tokens
 * from the store (one volatile read, one clock read), building the variables, choosing the token,
 * calling the transport. Three clients of the same interface over the same store and transport:
 * the generated one, one written by hand, and a {@link java.lang.reflect.Proxy}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FastPathBenchmark {

    private final Todo canned = new Todo("todo-1", "Measure the fast path", false);
    private CannedIdentityProvider provider;
    private CannedTransport transport;
    private TodoApi generated;
    private TodoApi handWritten;
    private TodoApi reflective;
    private String id = "todo-1";

    @Setup
    public void setUp() {
        provider = new CannedIdentityProvider(Duration.ofDays(1)); // Cognito's longest: the store refuses more
        SessionStore store = SignedInStore.of(provider, Ticker.system(), Duration.ofMinutes(2), "bench-user");
        transport = new CannedTransport(canned);
        SecuredCaller caller = new SecuredCaller(store, transport);
        generated = new TodoApi_CognitoClient(caller);
        handWritten = new HandWrittenTodoClient(store, transport);
        reflective = ReflectiveClients.create(TodoApi.class, caller);
        String token = store.tokens(Duration.ZERO).accessToken();
        for (TodoApi client : new TodoApi[] {generated, handWritten, reflective}) {
            check(client.getTodo(id) == canned, client + " did not return the transport's result");
            check(token.equals(transport.lastToken()), client + " did not send the access token");
            check(Map.of("id", id).equals(transport.lastVariables()), client + " sent other variables");
        }
    }

    @TearDown
    public void checkNoRefresh() {
        check(provider.refreshes() == 0, "the token was refreshed during the benchmark: not the fast path");
    }

    @Benchmark
    public Todo generated() {
        return generated.getTodo(id);
    }

    @Benchmark
    public Todo handWritten() {
        return handWritten.getTodo(id);
    }

    @Benchmark
    public Todo reflective() {
        return reflective.getTodo(id);
    }

    /**
     * Not a client: only what the generated client's call does before it reaches the store, building
     * the variables with {@code Operation.variables} (for one variable: one small map, no array). For
     * explaining a difference between the generated and the hand-written client.
     */
    @Benchmark
    public Map<String, Object> operationVariables() {
        return HandWrittenTodoClient.GET_TODO.variables(id);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
