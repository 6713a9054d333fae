package dev.cognitosecured.it.cdi;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces the HTTP transport for every pool ({@code @Default}): answers each operation with
 * {@code <root field>:<variables>} and records the token each call was sent with.
 */
@ApplicationScoped
public class FakeGraphQL implements GraphQLTransport {

    private final List<String> tokens = new CopyOnWriteArrayList<>();

    @Override
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        tokens.add(token);
        Object answer = operation.rootField().orElse("data") + ":" + variables;
        return operation.resultType() == String.class ? cast(answer) : null;
    }

    @Override
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        return CompletableFuture.completedFuture(execute(operation, variables, token));
    }

    @SuppressWarnings("unchecked") // checked above: the operation's result type is String
    private static <T> T cast(Object answer) {
        return (T) answer;
    }

    /** The tokens the calls were sent with, in order. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }
}
