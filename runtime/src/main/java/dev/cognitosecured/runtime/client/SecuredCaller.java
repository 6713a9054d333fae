package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.concurrent.Completions;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.observe.CallObservation;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p><b>Deadline.</b> Each call ends within its {@code callTimeout} (the pool's
 * {@code graphql.call-timeout}), which bounds waiting for a refresh plus every attempt and replay, on
 * the real time: the caller then gets {@link CallTimeoutException} naming the part it was in
 * ({@link Part#WAITING_FOR_REFRESH}, {@link Part#ATTEMPT}, {@link Part#REPLAY}); an interrupted caller
 * gets {@link CallInterruptedException} with its interrupt flag set; an asynchronous call's stage
 * completes exceptionally at the deadline. A blocking call whose tokens are at hand reads no clock
 * for its first attempt (the transport bounds it, by {@code graphql.timeout}), unless the margin times
 * it: if such an untimed attempt is rejected, the deadline is counted from the rejection, so that call
 * may take up to one {@code graphql.timeout} more. The remaining time is passed to
 * {@link GraphQLTransport#execute(dev.cognitosecured.runtime.spi.GraphQLOperation, Map, String, Duration)},
 * which the default transport honours.
 *
 * <p>Generated clients receive it by injection ({@code @AuthFlow("pool") SecuredCaller}).
 */
public final class SecuredCaller {

    /** The one store of every call, or {@code null} when {@link #stores} finds it per call. */
    private final SessionStore fixedStore;
    private final Supplier<? extends SessionStore> stores;
    private final GraphQLTransport transport;
    private final CallMargin margin;
    private final Duration callTimeout;
    private final long callNanos;
    /** The pool's subscriptions, or {@code null} when this caller was made without them. */
    private final SubscriptionPublishers subscriptions;
    private final CallObserver observer;

    private static final Duration DEFAULT_CALL_TIMEOUT = Limits.DEFAULT_CALL_TIMEOUT;

    /**
     * A caller that always uses {@code store}, with a margin of its own on the system ticker.
     *
     * @param store the store every call takes its tokens from
     * @param transport sends the operations
     */
    public SecuredCaller(SessionStore store, GraphQLTransport transport) {
        this(store, transport, new CallMargin(Ticker.system()));
    }

    /**
     * A caller that always uses {@code store} and times its attempts on {@code margin}, with the default
     * call timeout (60 s, the default of {@code graphql.call-timeout}).
     *
     * @param store the store every call takes its tokens from
     * @param transport sends the operations
     * @param margin the pool's margin, on which attempts are timed
     */
    public SecuredCaller(SessionStore store, GraphQLTransport transport, CallMargin margin) {
        this(store, transport, margin, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * A caller that always uses {@code store}, times its attempts on {@code margin}, and ends each call
     * within {@code callTimeout} (see the class comment).
     *
     * @param store the store every call takes its tokens from
     * @param transport sends the operations
     * @param margin the pool's margin, on which attempts are timed
     * @param callTimeout the longest one call takes, waits for a refresh and replays included; positive
     */
    public SecuredCaller(SessionStore store, GraphQLTransport transport, CallMargin margin, Duration callTimeout) {
        this.fixedStore = Objects.requireNonNull(store, "store");
        this.stores = null;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.callTimeout = positive(callTimeout);
        this.callNanos = BoundedWait.nanos(callTimeout);
        this.subscriptions = null;
        this.observer = CallObserver.NONE;
    }

    /**
     * As {@link #SecuredCaller(Supplier, GraphQLTransport, CallMargin)}, with a margin of its own on the
     * system ticker.
     *
     * @param stores gives the store of the caller's context, on the calling thread
     * @param transport sends the operations
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport) {
        this(stores, transport, new CallMargin(Ticker.system()));
    }

    /**
     * A caller that asks {@code stores}, on the calling thread, for the store of the caller's context
     * (e.g. its HTTP session) at the start of each call, and keeps using that store for the call's
     * refreshes and replays, whichever thread completes them. It times its attempts on {@code margin},
     * the pool's.
     *
     * @param stores gives the store of the caller's context, on the calling thread
     * @param transport sends the operations
     * @param margin the pool's margin, on which attempts are timed
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport, CallMargin margin) {
        this(stores, transport, margin, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * As {@link #SecuredCaller(Supplier, GraphQLTransport, CallMargin)}, ending each call within
     * {@code callTimeout} (the pool's {@code graphql.call-timeout}; see the class comment).
     *
     * @param stores gives the store of the caller's context, on the calling thread
     * @param transport sends the operations
     * @param margin the pool's margin, on which attempts are timed
     * @param callTimeout the longest one call takes, waits for a refresh and replays included; positive
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport, CallMargin margin,
            Duration callTimeout) {
        this(stores, transport, margin, callTimeout, null, CallObserver.NONE);
    }

    /**
     * The caller the CDI extension makes: with the pool's subscriptions ({@code null} for none) and the pool's
     * observer of calls, when metrics or tracing are on (the observer's type is internal and may change).
     *
     * @param stores gives the store of the caller's context, on the calling thread
     * @param transport sends the operations
     * @param margin the pool's margin, on which attempts are timed
     * @param callTimeout the longest one call takes, waits for a refresh and replays included; positive
     * @param subscriptions the pool's subscriptions, or {@code null} when the caller makes none
     * @param observer told of each call
     */
    public SecuredCaller(Supplier<? extends SessionStore> stores, GraphQLTransport transport, CallMargin margin,
            Duration callTimeout, SubscriptionPublishers subscriptions, CallObserver observer) {
        this.fixedStore = null;
        this.stores = Objects.requireNonNull(stores, "stores");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.callTimeout = positive(callTimeout);
        this.callNanos = BoundedWait.nanos(callTimeout);
        this.subscriptions = subscriptions;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    private static Duration positive(Duration callTimeout) {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
        return callTimeout;
    }

    /**
     * Sends {@code operation}, which takes one variable, with the method's argument value and waits
     * for its result. The same as {@link #call(Operation, Object...)} with one value, without the
     * varargs array: what a generated client calls for a method with one parameter.
     *
     * @param <T> the result type the operation binds
     * @param operation the generated constant that describes the operation
     * @param value the value of its one variable
     * @return the bound result ({@code null} for an operation that binds nothing)
     * @throws dev.cognitosecured.runtime.CognitoSecuredException what went wrong, typed: see docs/REFERENCE.md
     */
    public <T> T call(Operation<T> operation, Object value) {
        return send(operation, operation.variables(value));
    }

    /**
     * Sends {@code operation} with the method's argument values and waits for its result. The
     * variables are a view over {@code values} (see {@link Operation#variables(Object...)}): the array
     * must not be changed while the call runs.
     *
     * @param <T> the result type the operation binds
     * @param operation the generated constant that describes the operation
     * @param values the values of its variables, in the order of {@link Operation#variableNames()}
     * @return the bound result ({@code null} for an operation that binds nothing)
     * @throws dev.cognitosecured.runtime.CognitoSecuredException what went wrong, typed: see docs/REFERENCE.md
     */
    public <T> T call(Operation<T> operation, Object... values) {
        return send(operation, operation.variables(values));
    }

    /**
     * Sends {@code operation}, which takes one variable, with the method's argument value; the result
     * completes the stage. The same as {@link #callAsync(Operation, Object...)} with one value.
     *
     * @param <T> the result type the operation binds
     * @param operation the generated constant that describes the operation
     * @param value the value of its one variable
     * @return a stage completing with the bound result, or with what {@link #call(Operation, Object)} would throw
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
     *
     * @param <T> the result type the operation binds
     * @param operation the generated constant that describes the operation
     * @param values the values of its variables, in the order of {@link Operation#variableNames()}
     * @return a stage completing with the bound result, or with what {@link #call(Operation, Object...)} would throw
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
     * A publisher of the events of subscription {@code operation}, which takes one variable; the same as
     * {@link #subscribe(Operation, Object...)} with one value.
     *
     * @param <T> the type of one event, as the operation binds it
     * @param operation the generated constant that describes the subscription
     * @param value the value of its one variable
     * @return a publisher for one subscriber; a misuse (not a subscription, no real-time subscriptions) reaches
     *     the subscriber's {@code onError}
     */
    public <T> Flow.Publisher<T> subscribe(Operation<T> operation, Object value) {
        return publisher(operation, () -> operation.variables(value));
    }

    /**
     * A publisher of the events of subscription {@code operation} with the method's argument values, for
     * the principal of the calling context (its store is found now, on the calling thread). It takes one
     * subscriber: the subscription starts on the principal's real-time connection
     * when it subscribes, and stops when it cancels. The events arrive as the subscriber requests them;
     * see the README's "Subscriptions" for what is guaranteed across token expiries and dropped
     * connections. Failures reach the subscriber's {@code onError}: {@link SignInRequiredException}
     * when the session ends, {@link dev.cognitosecured.runtime.SubscriptionGapException} when events may
     * have been lost, {@link GraphQLErrorsException} when the server refused the subscription.
     *
     * @param <T> the type of one event, as the operation binds it
     * @param operation the generated constant that describes the subscription
     * @param values the values of its variables, in the order of {@link Operation#variableNames()}
     * @return a publisher for one subscriber; a misuse (not a subscription, no real-time subscriptions) reaches
     *     the subscriber's {@code onError} as {@link IllegalArgumentException} or {@link IllegalStateException}
     */
    public <T> Flow.Publisher<T> subscribe(Operation<T> operation, Object... values) {
        return publisher(operation, () -> operation.variables(values));
    }

    private <T> Flow.Publisher<T> publisher(Operation<T> operation, Supplier<Map<String, Object>> variables) {
        try {
            if (operation.kind() != Operation.Kind.SUBSCRIPTION) {
                throw new IllegalArgumentException(operation.name() + " is a " + operation.kind()
                        + ", not a subscription: send it with call or callAsync");
            }
            if (subscriptions == null) {
                throw new IllegalStateException(operation.name() + ": this SecuredCaller was made without the"
                        + " pool's real-time subscriptions; inject @AuthFlow SecuredCaller to subscribe");
            }
            CallPolicy policy = operation.policy();
            return subscriptions.publisher(store(), policy.token(), operation, variables.get(),
                    margin.forSkew(policy.refreshSkew()));
        } catch (RuntimeException e) {
            return subscriber -> {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(e);
            };
        }
    }

    /**
     * The first attempt: with tokens at hand, untimed unless the margin asks for it, with nothing around
     * the transport's call but the catch of a 401, so that the common call stays as short as a
     * hand-written one (the transport bounds the attempt). A call that must wait for tokens goes the
     * bounded way, its deadline counted from now.
     */
    private <T> T send(Operation<T> operation, Map<String, Object> variables) {
        CallObservation observed = observer.callStarted(operation); // CallObservation.NONE unless observed
        try {
            T result = send(operation, variables, observed);
            observed.ended(null);
            return result;
        } catch (RuntimeException | Error e) {
            observed.ended(e);
            throw e;
        } finally {
            observed.leave();
        }
    }

    private <T> T send(Operation<T> operation, Map<String, Object> variables, CallObservation observed) {
        CallPolicy policy = operation.policy();
        SessionStore store = store();
        Duration need = margin.forSkew(policy.refreshSkew());
        Optional<Tokens> atHand = store.tokensAtHand(need);
        if (atHand.isEmpty()) {
            long start = BoundedWait.now();
            Tokens waited = store.tokens(need, callTimeout);
            observed.waitedForTokens(BoundedWait.now() - start);
            return boundedAttempt(store, operation, variables, waited, null, start + callNanos, observed);
        }
        Tokens tokens = atHand.get();
        if (margin.timesNextAttempt()) {
            return timedAttempt(store, operation, variables, tokens, observed);
        }
        try {
            return transport.execute(operation, variables, token(tokens, policy));
        } catch (UnauthorizedException rejected) {
            return replay(store, operation, variables, tokens, null, RejectedAttempts.NOT_TIMED, rejected,
                    BoundedWait.now() + callNanos, observed);
        }
    }

    /** A first attempt with tokens at hand, timed on the margin. */
    private <T> T timedAttempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, CallObservation observed) {
        long deadline = BoundedWait.now() + callNanos;
        long startedAt = margin.now();
        T result;
        try {
            result = transport.execute(operation, variables, token(tokens, operation.policy()));
        } catch (GraphQLErrorsException answered) {
            margin.recordSince(startedAt);
            throw answered;
        } catch (UnauthorizedException rejected) {
            long took = margin.recordSince(startedAt);
            return replay(store, operation, variables, tokens, null, took, rejected, deadline, observed);
        }
        margin.recordSince(startedAt);
        return result;
    }

    /**
     * An attempt bounded by the call's {@code deadline} (a reading of {@link BoundedWait#now()}): a
     * first attempt after waiting for tokens ({@code before} is {@code null}), or a replay. Timed on the
     * margin.
     */
    private <T> T boundedAttempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, RejectedAttempts before, long deadline, CallObservation observed) {
        BoundedWait wait = callWait(store, operation, before == null ? Part.ATTEMPT : Part.REPLAY);
        long callStart = deadline - callNanos;
        if (deadline - BoundedWait.now() <= 0) {
            throw wait.timedOut(BoundedWait.now() - callStart);
        }
        long startedAt = margin.now();
        T result;
        try {
            result = transport.execute(operation, variables, token(tokens, operation.policy()),
                    Duration.ofNanos(deadline - BoundedWait.now()));
        } catch (GraphQLErrorsException answered) {
            margin.recordSince(startedAt);
            throw answered;
        } catch (UnauthorizedException rejected) {
            long took = margin.recordSince(startedAt);
            return replay(store, operation, variables, tokens, before, took, rejected, deadline, observed);
        } catch (CallTimeoutException timedOut) {
            if (deadline - BoundedWait.now() > 0) {
                throw timedOut; // the attempt's own bound (graphql.timeout or connect-timeout)
            }
            throw wait.timedOut(BoundedWait.now() - callStart, timedOut);
        }
        margin.recordSince(startedAt);
        return result;
    }

    /**
     * After {@code rejectedTokens} were rejected by an attempt that took {@code took} nanoseconds
     * ({@link RejectedAttempts#NOT_TIMED} if it was not timed): a replay with tokens that will outlast
     * it, within the call's {@code deadline}, or the exception if the policy allows no more replays.
     */
    private <T> T replay(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens rejectedTokens, RejectedAttempts before, long took, UnauthorizedException rejected, long deadline,
            CallObservation observed) {
        RejectedAttempts rejections = RejectedAttempts.after(before, took);
        if (rejections.replays() == operation.policy().retryOnUnauthorized()) {
            throw rejections.surface(operation, rejected, margin);
        }
        long left = deadline - BoundedWait.now();
        if (left <= 0) {
            throw callWait(store, operation, Part.REPLAY).timedOut(callNanos - left);
        }
        observed.replaying();
        Tokens fresh = store.refreshIfCurrent(rejectedTokens, replayNeeds(took, operation.policy()),
                Duration.ofNanos(left));
        return boundedAttempt(store, operation, variables, fresh, rejections, deadline, observed);
    }

    /** How a call of {@code operation} waits for {@code part} within its {@code graphql.call-timeout}. */
    private static BoundedWait callWait(SessionStore store, Operation<?> operation, Part part) {
        return new BoundedWait("GraphQL operation " + operation.name(), part,
                PoolKeys.of(store.pool()).full(PoolKeys.GRAPHQL_CALL_TIMEOUT));
    }

    /**
     * The asynchronous call: the stage completes exceptionally with {@link CallTimeoutException} at the
     * call's deadline ({@link CompletableFuture#orTimeout}: the JDK's one shared delay thread, no thread
     * parked per call), naming the part the call was in.
     */
    private <T> CompletionStage<T> sendAsync(Operation<T> operation, Map<String, Object> variables) {
        CallObservation observed = observer.callStarted(operation);
        if (observed == CallObservation.NONE) {
            return sendAsync(operation, variables, observed);
        }
        try {
            CompletionStage<T> call = sendAsync(operation, variables, observed);
            call.whenComplete((result, failure) -> observed.ended(failure == null ? null : unwrap(failure)));
            return call;
        } catch (RuntimeException | Error e) { // a store or transport that threw instead of failing the stage
            observed.ended(e);
            throw e;
        } finally {
            observed.leave();
        }
    }

    private <T> CompletionStage<T> sendAsync(Operation<T> operation, Map<String, Object> variables,
            CallObservation observed) {
        SessionStore store;
        Duration need;
        long startedAt = BoundedWait.now();
        try {
            store = store();
            need = margin.forSkew(operation.policy().refreshSkew());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        AtomicReference<Part> part = new AtomicReference<>(Part.WAITING_FOR_REFRESH);
        CompletableFuture<T> call = observedWait(store.tokensAsync(need), observed)
                .thenCompose(tokens -> attempt(store, operation, variables, tokens, null, part, observed))
                .toCompletableFuture();
        if (call.isDone()) {
            return call;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        call.orTimeout(callNanos, TimeUnit.NANOSECONDS).whenComplete((result, failure) -> {
            Throwable cause = failure == null ? null : unwrap(failure);
            if (cause == null) {
                bounded.complete(result);
            } else if (cause instanceof TimeoutException) {
                bounded.completeExceptionally(
                        callWait(store, operation, part.get()).timedOut(BoundedWait.now() - startedAt));
            } else {
                bounded.completeExceptionally(cause);
            }
        });
        return bounded;
    }

    /** {@code tokens}, telling {@code observed} how long it waited for them if they were not at hand. */
    private static CompletionStage<Tokens> observedWait(CompletionStage<Tokens> tokens, CallObservation observed) {
        if (observed == CallObservation.NONE || tokens instanceof CompletableFuture<?> known && known.isDone()) {
            return tokens;
        }
        long start = BoundedWait.now();
        return tokens.thenApply(got -> {
            observed.waitedForTokens(BoundedWait.now() - start);
            return got;
        });
    }

    private <T> CompletionStage<T> attempt(SessionStore store, Operation<T> operation, Map<String, Object> variables,
            Tokens tokens, RejectedAttempts before, AtomicReference<Part> part, CallObservation observed) {
        part.set(before == null ? Part.ATTEMPT : Part.REPLAY);
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
                    part.set(Part.REPLAY);
                    observed.replaying();
                    CallObservation.Scope inCall = observed.resume(); // a refresh it starts is the call's
                    try {
                        return store.refreshIfCurrentAsync(tokens, replayNeeds(took, policy))
                                .thenCompose(fresh -> attempt(store, operation, variables, fresh, rejections, part,
                                        observed));
                    } finally {
                        inCall.close();
                    }
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
