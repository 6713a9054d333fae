package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A transport that answers every operation with one prebuilt result, in process: no HTTP, no JSON,
 * so that a benchmark measures only the work around the transport. It keeps the last variables and
 * token it was given in fields, so that the compiler cannot drop the work of building them.
 */
public final class CannedTransport implements GraphQLTransport {

    private final Object result;
    private Map<String, Object> lastVariables;
    private String lastToken;

    public CannedTransport(Object result) {
        this.result = Objects.requireNonNull(result, "result");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        lastVariables = variables;
        lastToken = token;
        return (T) result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        lastVariables = variables;
        lastToken = token;
        return CompletableFuture.completedFuture((T) result);
    }

    /** The token of the last operation (racy under concurrency: a sample, not a log). */
    public String lastToken() {
        return lastToken;
    }

    /** The variables of the last operation (racy under concurrency: a sample, not a log). */
    public Map<String, Object> lastVariables() {
        return lastVariables;
    }

    @Override
    public String toString() {
        return "CannedTransport";
    }
}
