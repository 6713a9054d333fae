package dev.cognitosecured.benchmarks.fastpath;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.api.TodoApi;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The baseline: {@link TodoApi} written by hand, as a careful person would write it against the
 * {@link GraphQLTransport} SPI and the {@link SessionStore}, with no layer in between. It does what
 * the generated client does for a call (tokens valid for the skew, one refresh and replay after an
 * HTTP 401) with the cheapest variables map there is ({@link Map#of(Object, Object)}).
 */
public final class HandWrittenTodoClient implements TodoApi {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final CallPolicy POLICY = new CallPolicy(TokenKind.ACCESS, SKEW, 1);
    static final Operation<Todo> GET_TODO = Operation.query("TodoApi.getTodo", GET_TODO_DOCUMENT)
            .rootField("getTodo").variables("id").policy(POLICY).returning(Todo.class);

    private final SessionStore store;
    private final GraphQLTransport transport;

    public HandWrittenTodoClient(SessionStore store, GraphQLTransport transport) {
        this.store = Objects.requireNonNull(store, "store");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public Todo getTodo(String id) {
        Map<String, Object> variables = Map.of("id", id);
        Tokens tokens = store.tokens(SKEW);
        try {
            return transport.execute(GET_TODO, variables, tokens.accessToken());
        } catch (UnauthorizedException rejected) {
            return transport.execute(GET_TODO, variables, store.refreshIfCurrent(tokens).accessToken());
        }
    }

    @Override
    public CompletionStage<Todo> getTodoAsync(String id) {
        Map<String, Object> variables = Map.of("id", id);
        return store.tokensAsync(SKEW)
                .thenCompose(tokens -> transport.executeAsync(GET_TODO, variables, tokens.accessToken()));
    }
}
