package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
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
 * <p>Attempts are timed (all, or a sample once a pool is busy) on the pool's {@link CallMargin}, which
 * all callers of the pool share: a call is sent only with tokens that have more left than the longer
 * of the operation's {@code refreshSkew} and the margin learned from the pool's slow attempts, and a
 * replay only with tokens that have more left than the rejected attempt took (the learned margin, if
 * it was not timed) plus the skew. When the replays are spent and the server said the token had
 * expired, the exception says how long the attempts took.
 *
 * <p>Generated clients receive it by injection ({@code @AuthFlow("pool") SecuredCaller}).
 */
public final class SecuredCaller {

    /** The one store of every call, or {@code null} when {@link #stores} finds it per call. */
    private final SessionStore fixedStore;
    private final Supplier<? extends SessionStore> stores;
    private final GraphQLTransport transport;
    private final CallMargin margin;

    /** A caller that always uses {@code store}, with a margin of its own on the system ticker. */
    public SecuredCaller(SessionStore store, GraphQLTransport transport) {
        this(store, transport, new CallMargin(Ticker.system()));
    }

    /** A caller that always uses {@code store} and times its attempts on {@code margin}. */
    public SecuredCaller(SessionStore store, GraphQLTransport transport, CallMargin margin) {
        this.fixedStore = Objects.requireNonNull(store, "store");
        this.stores = null;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /**
     * As {@link #SecuredCaller(Supplier, GraphQLTransport, CallMargin)}, with a margin of its own on the
     * system ticker.
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport) {
        this(stores, transport, new CallMargin(Ticker.system()));
    }

    /**
     * A caller that asks {@code stores}, on the calling thread, for the store of the caller's context
     * (e.g. its HTTP session) at the start of each call, and keeps using that store for the call's
     * refreshes and replays, whichever thread completes them. It times its attempts on {@code margin},
     * the pool's.
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport, CallMargin margin) {
        this.fixedStore = null;
        this.stores = Objects.requireNonNull(stores, "stores");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.margin = Objects.requireNonNull(margin, "margin");
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

    /**
     * The first attempt: untimed unless the margin asks for it, with nothing around the transport's
     * call but the catch of a 401, so that the common call stays as short as a hand-written one.
     */
    private <T> T send(Operation<T> operation, Map<String, Object> variables) {
        CallPolicy policy = operation.policy();
        SessionStore store = store();
        Tokens tokens = store.tokens(margin.forSkew(policy.refreshSkew()));
        if (margin.timesNextAttempt()) {
            return timedAttempt(store, operation, variables, tokens, null);
        }
        try {
            return transport.execute(operation, variables, token(tokens, policy));
        } catch (UnauthorizedException rejected) {
            return replay(store, operation, variables, tokens, null, RejectedAttempts.NOT_TIMED, rejected);
        }
    }

    /** An attempt timed on the margin: a first attempt the margin samples, and every replay. */
    private <T> T timedAttempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, RejectedAttempts before) {
        long startedAt = margin.now();
        T result;
        try {
            result = transport.execute(operation, variables, token(tokens, operation.policy()));
        } catch (GraphQLErrorsException answered) {
            margin.recordSince(startedAt);
            throw answered;
        } catch (UnauthorizedException rejected) {
            long took = margin.recordSince(startedAt);
            return replay(store, operation, variables, tokens, before, took, rejected);
        }
        margin.recordSince(startedAt);
        return result;
    }

    /**
     * After {@code rejectedTokens} were rejected by an attempt that took {@code took} nanoseconds
     * ({@link RejectedAttempts#NOT_TIMED} if it was not timed): a replay with tokens that will outlast
     * it, or the exception if the policy allows no more replays.
     */
    private <T> T replay(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens rejectedTokens, RejectedAttempts before, long took, UnauthorizedException rejected) {
        RejectedAttempts rejections = RejectedAttempts.after(before, took);
        if (rejections.replays() == operation.policy().retryOnUnauthorized()) {
            throw rejections.surface(operation, rejected, margin);
        }
        Tokens fresh = store.refreshIfCurrent(rejectedTokens, replayNeeds(took, operation.policy()));
        return timedAttempt(store, operation, variables, fresh, rejections);
    }

    private <T> CompletionStage<T> sendAsync(Operation<T> operation, Map<String, Object> variables) {
        SessionStore store;
        Duration need;
        try {
            store = store();
            need = margin.forSkew(operation.policy().refreshSkew());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.tokensAsync(need).thenCompose(tokens -> attempt(store, operation, variables, tokens, null));
    }

    private <T> CompletionStage<T> attempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, RejectedAttempts before) {
        CallPolicy policy = operation.policy();
        boolean timed = margin.timesNextAttempt();
        long startedAt = timed ? margin.now() : 0;
        return transport.executeAsync(operation, variables, token(tokens, policy))
                .handle((result, failure) -> {
                    Throwable cause = failure == null ? null : unwrap(failure);
                    boolean answered = cause == null || cause instanceof GraphQLErrorsException
                            || cause instanceof UnauthorizedException;
                    long took = timed && answered ? margin.recordSince(startedAt) : RejectedAttempts.NOT_TIMED;
                    if (!(cause instanceof UnauthorizedException rejected)) {
                        return cause == null ? CompletableFuture.completedStage(result)
                                : CompletableFuture.<T>failedStage(cause);
                    }
                    RejectedAttempts rejections = RejectedAttempts.after(before, took);
                    if (rejections.replays() == policy.retryOnUnauthorized()) {
                        return CompletableFuture.<T>failedStage(rejections.surface(operation, rejected, margin));
                    }
                    return store.refreshIfCurrentAsync(tokens, replayNeeds(took, policy))
                            .thenCompose(fresh -> attempt(store, operation, variables, fresh, rejections));
                })
                .thenCompose(stage -> stage);
    }

    /**
     * The validity a replay needs after an attempt that took {@code took} nanoseconds was rejected: as
     * long as that attempt took, plus the skew, so that it cannot expire in flight the same way. For
     * an attempt that was not timed, the learned margin stands for its duration.
     */
    private Duration replayNeeds(long took, CallPolicy policy) {
        return took == RejectedAttempts.NOT_TIMED ? policy.refreshSkew().plus(margin.remembered())
                : policy.refreshSkew().plusNanos(took);
    }

    /** The store of this call: the one store, or the one {@link #stores} finds on the calling thread. */
    private SessionStore store() {
        SessionStore fixed = fixedStore;
        return fixed != null ? fixed : stores.get();
    }

    private static String token(Tokens tokens, CallPolicy policy) {
        return policy.token() == TokenKind.ID ? tokens.idToken() : tokens.accessToken();
    }
}
