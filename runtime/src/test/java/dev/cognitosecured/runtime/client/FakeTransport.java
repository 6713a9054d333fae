package dev.cognitosecured.runtime.client;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A transport that records the token of every send. Blocking sends are answered by a function of
 * the token (which may throw); asynchronous sends stay pending until the test completes them.
 */
class FakeTransport implements GraphQLTransport {

    private final List<String> sentTokens = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> sentVariables = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Object>> pending = new CopyOnWriteArrayList<>();
    private volatile Function<String, Object> answer = token -> "data for " + token;

    /** From now on, answers each blocking send with what {@code answer} returns or throws for its token. */
    void answerWith(Function<String, Object> answer) {
        this.answer = answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        sentTokens.add(token);
        sentVariables.add(variables);
        return (T) answer.apply(token);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        sentTokens.add(token);
        sentVariables.add(variables);
        CompletableFuture<Object> response = new CompletableFuture<>();
        pending.add(response);
        return (CompletionStage<T>) (CompletionStage<?>) response;
    }

    /** The tokens sent, in order. */
    List<String> sentTokens() {
        return List.copyOf(sentTokens);
    }

    /** The variables of the {@code index}-th send. */
    Map<String, Object> sentVariables(int index) {
        return sentVariables.get(index);
    }

    /** The {@code index}-th asynchronous send's response, for the test to complete. */
    CompletableFuture<Object> response(int index) {
        return pending.get(index);
    }

    /** How many asynchronous sends there were. */
    int asyncSends() {
        return pending.size();
    }
}
