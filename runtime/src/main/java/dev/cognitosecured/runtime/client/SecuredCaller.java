package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs the operations of generated clients for one pool: takes tokens from the pool's
 * {@link SessionStore}, sends the operation with the {@link GraphQLTransport}, and answers an HTTP
 * 401 with a refresh (only if no other caller already refreshed) and a replay, as many times as the
 * operation's {@link CallPolicy} allows.
 *
 * <p>Generated clients receive it by injection ({@code @AuthFlow("pool") SecuredCaller}).
 */
public final class SecuredCaller {

    /** The one store of every call, or {@code null} when {@link #stores} finds it per call. */
    private final SessionStore fixedStore;
    private final Supplier<? extends SessionStore> stores;
    private final GraphQLTransport transport;

    /** A caller that always uses {@code store}. */
    public SecuredCaller(SessionStore store, GraphQLTransport transport) {
        this.fixedStore = Objects.requireNonNull(store, "store");
        this.stores = null;
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * A caller that asks {@code stores}, on the calling thread, for the store of the caller's context
     * (e.g. its HTTP session) at the start of each call, and keeps using that store for the call's
     * refreshes and replays, whichever thread completes them.
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport) {
        this.fixedStore = null;
        this.stores = Objects.requireNonNull(stores, "stores");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Sends {@code operation}, which takes one variable, with the method's argument value and waits
     * for its result. The same as {@link #call(Operation, Object...)} with one value, without the
     * varargs array: what a generated client calls for a method with one parameter.
     */
    public <T> T call(Operation<T> operation, Object value) {
        return send(operation, operation.variables(value));
    }

    /**
     * Sends {@code operation} with the method's argument values and waits for its result. The
     * variables are a view over {@code values} (see {@link Operation#variables(Object...)}): the array
     * must not be changed while the call runs.
     */
    public <T> T call(Operation<T> operation, Object... values) {
        return send(operation, operation.variables(values));
    }

    /**
     * Sends {@code operation}, which takes one variable, with the method's argument value; the result
     * completes the stage. The same as {@link #callAsync(Operation, Object...)} with one value.
     */
    public <T> CompletionStage<T> callAsync(Operation<T> operation, Object value) {
        Map<String, Object> variables;
        try {
            variables = operation.variables(value);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendAsync(operation, variables);
    }

    /**
     * Sends {@code operation} with the method's argument values; the result completes the stage. The
     * variables are a view over {@code values}: the array must not be changed until the stage completes.
     */
    public <T> CompletionStage<T> callAsync(Operation<T> operation, Object... values) {
        Map<String, Object> variables;
        try {
            variables = operation.variables(values);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendAsync(operation, variables);
    }

    private <T> T send(Operation<T> operation, Map<String, Object> variables) {
        CallPolicy policy = operation.policy();
        SessionStore store = store();
        Tokens tokens = store.tokens(policy.refreshSkew());
        for (int replays = 0; ; replays++) {
            try {
                return transport.execute(operation, variables, token(tokens, policy));
            } catch (UnauthorizedException rejected) {
                if (replays == policy.retryOnUnauthorized()) {
                    throw stillRejected(operation, replays, rejected);
                }
                tokens = store.refreshIfCurrent(tokens);
            }
        }
    }

    private <T> CompletionStage<T> sendAsync(Operation<T> operation, Map<String, Object> variables) {
        SessionStore store;
        try {
            store = store();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.tokensAsync(operation.policy().refreshSkew())
                .thenCompose(tokens -> attempt(store, operation, variables, tokens, 0));
    }

    private <T> CompletionStage<T> attempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, int replays) {
        CallPolicy policy = operation.policy();
        return transport.executeAsync(operation, variables, token(tokens, policy))
                .handle((result, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedStage(result);
                    }
                    Throwable cause = unwrap(failure);
                    if (!(cause instanceof UnauthorizedException rejected)) {
                        return CompletableFuture.<T>failedStage(cause);
                    }
                    if (replays == policy.retryOnUnauthorized()) {
                        return CompletableFuture.<T>failedStage(stillRejected(operation, replays, rejected));
                    }
                    return store.refreshIfCurrentAsync(tokens)
                            .thenCompose(fresh -> attempt(store, operation, variables, fresh, replays + 1));
                })
                .thenCompose(stage -> stage);
    }

    /** The store of this call: the one store, or the one {@link #stores} finds on the calling thread. */
    private SessionStore store() {
        SessionStore fixed = fixedStore;
        return fixed != null ? fixed : stores.get();
    }

    private static String token(Tokens tokens, CallPolicy policy) {
        return policy.token() == TokenKind.ID ? tokens.idToken() : tokens.accessToken();
    }

    private static UnauthorizedException stillRejected(Operation<?> operation, int replays,
            UnauthorizedException last) {
        if (replays == 0) {
            return last;
        }
        return new UnauthorizedException(operation.name() + " was rejected with HTTP " + last.status()
                + " after " + replays + (replays == 1 ? " refresh and replay" : " refreshes and replays")
                + "; check that the API trusts this user pool and app client, and which token it expects",
                last.status(), last);
    }

}
