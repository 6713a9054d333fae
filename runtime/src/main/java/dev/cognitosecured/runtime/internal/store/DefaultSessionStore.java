package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;
import static dev.cognitosecured.runtime.internal.store.TokenState.SUPERSEDED;
import static dev.cognitosecured.runtime.internal.store.TokenState.nanos;

import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.concurrent.Completions;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.store.TokenState.Active;
import dev.cognitosecured.runtime.internal.store.TokenState.Refreshing;
import dev.cognitosecured.runtime.internal.store.TokenState.SignedOut;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session store: the tokens of one principal for one pool, with at most one refresh in flight.
 *
 * <p><b>State.</b> One {@link AtomicReference} to an immutable {@link TokenState}: {@link SignedOut},
 * {@link Active} or {@link Refreshing}; {@link TokenState} lists every transition. Every change is a
 * compare-and-set; there is no lock and no {@code synchronized}, and the only blocking wait is
 * {@link CompletableFuture#get(long, java.util.concurrent.TimeUnit)}, which parks without pinning a
 * virtual thread, is interruptible ({@link dev.cognitosecured.runtime.CallInterruptedException}) and
 * ends at the caller's bound ({@link dev.cognitosecured.runtime.CallTimeoutException}, the refresh
 * carrying on for the others). The fast path of
 * {@link #tokens} is one volatile read, one ticker read and one compare, without allocation.
 *
 * <p><b>Expiry.</b> Judged on the ticker only, never on the wall clock: the local expiry is the
 * ticker reading taken just before the token request was sent, plus {@link Tokens#lifetime()},
 * minus one second ({@code iat}/{@code exp} are whole seconds). Cognito issued the tokens after
 * that instant, so this never overestimates the true expiry, however slow the answer or wrong the
 * clock. Tokens with {@code r} nanoseconds of local validity left satisfy a caller asking for
 * {@code minValidity} when {@code r > minValidity}.
 *
 * <p><b>One refresh.</b> A caller whose tokens do not satisfy it moves {@link Active} to
 * {@link Refreshing} with a compare-and-set; the winner alone calls {@link IdentityProvider#refresh},
 * every other caller waits for that same future. A caller that waited for a refresh takes its result
 * as it is, without checking it again (a refresh that took longer than the tokens' validity would not
 * do better the second time).
 *
 * <p><b>Replays.</b> After the server rejected tokens, {@link #refreshIfCurrent(Tokens, Duration)}
 * refreshes if they are still current; if another caller already replaced them, the newer tokens
 * serve the replay only if they have more left than the replay needs (the rejected attempt's duration
 * plus the skew, as the caller measured it), else the replay waits for a refresh like any caller.
 *
 * <p><b>Prefetch.</b> A caller that is still satisfied starts a background refresh (and returns the
 * current tokens at once) when fewer than {@code minValidity + prefetch} are left, never before
 * half-life; a caller asking for more than the tokens' whole validity is treated as asking for a
 * quarter of it (see {@link Active#prefetchWindow} and {@link Active#required}).
 *
 * <p><b>Failures.</b> The refresh in flight always completes: with the new tokens, or with what the
 * provider threw or failed with (also when it throws at once or returns {@code null}). A
 * {@link SignInRequiredException} ends the session in the same atomic step ({@link SessionEnded},
 * {@link SessionEnded.Reason#REFRESH_REJECTED}, fired once); anything else keeps the old tokens and
 * fires {@link RefreshFailed}: callers that waited get the failure, callers the old tokens satisfy
 * keep using them. Tokens
 * whose lifetime makes no sense ({@link TokenLifetimes}: not positive, or longer than a day) are such
 * a failure, a {@link TransportException}; a sign-in with them throws it and signs nothing in.
 *
 * <p><b>Back-off.</b> After a failed refresh the {@link Active} state carries the failure, how many
 * failed in a row, and {@code retryAt}: the ticker reading before which no refresh starts, drawn by
 * {@link RefreshBackoff} (jittered, capped exponential: 0.5–1 s after the first failure, doubling up
 * to 15–30 s). Until then callers the tokens satisfy carry on (the fast path does not look at it, and
 * no background refresh starts), and a caller that needs a refresh, a replay included, gets a
 * {@link TransportException} at once that names the last failure and when the next attempt is
 * allowed, instead of each caller sending a request to an identity provider that is failing. The
 * first caller that needs a refresh at or after {@code retryAt} starts one; a successful refresh or a
 * sign-in clears the count.
 *
 * <p><b>Sign-in.</b> {@link #signIn} replaces any previous session (no {@code SessionEnded} is
 * fired for it). A refresh of the replaced session that completes later is discarded: the store
 * recognises its own refresh by identity, and a caller waiting for it starts over with the new
 * session. The sign-in challenges themselves are not the store's: see
 * {@link dev.cognitosecured.runtime.internal.signin.ChallengeSlot}.
 *
 * <p><b>Endings.</b> The session ends with the reason the provider's {@link SignInRequiredException}
 * carries ({@link SignInRequiredException#reason()}; {@code REFRESH_REJECTED} where it names none), and
 * later callers get a {@link SignInRequiredException} with the same reason, without a call to Cognito.
 * {@link #close()} ends it for good when the CDI scope that held the store ends.
 *
 * <p><b>Sync and async.</b> Each decision ({@link #acquire}, {@link #acquireReplacing}) is written
 * once; the blocking methods wait for it in {@link #waitFor}, the asynchronous ones relay it
 * in {@link #relay}, and both start the decision over when the session was replaced under it.
 *
 * <p><b>Passivation.</b> The store is {@link Serializable} as a passivating CDI scope requires: it is
 * written as the proxy its {@link Passivation} gives, which holds {@link #serializedForm} (the tokens, the
 * validity they have left, and the wall-clock instant; a refresh in flight is not carried) and, when read,
 * makes a store of the pool's runtime on the reading JVM and {@link #restore}s the state into it.
 *
 * <p>Events go to the consumer given at construction (the CDI extension passes the bean manager's
 * event); an observer that throws is logged and otherwise ignored. Nothing here logs or prints a
 * token.
 */
public final class DefaultSessionStore implements SessionStore, AutoCloseable, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger(DefaultSessionStore.class.getName());

    /** The backstop of {@link #signIn(Supplier)} when none is given: the default {@code cognito.timeout} plus 1 s. */
    private static final Duration DEFAULT_SIGN_IN_TIMEOUT = Limits.DEFAULT_COGNITO_TIMEOUT.plusSeconds(1);

    // All transient: what is written is the serialization proxy that passivation gives (writeReplace).
    private final transient String pool;
    private final transient IdentityProvider provider;
    private final transient Ticker ticker;
    private final transient long prefetch;
    private final transient RefreshBackoff backoff;
    private final transient Consumer<Object> events;
    private final transient Passivation passivation;
    private final transient KeptDevices devices = new KeptDevices();
    private final transient AtomicReference<TokenState> state = new AtomicReference<>(SignedOut.NEVER_SIGNED_IN);
    private final transient BoundedWait refreshWait;
    private final transient BoundedWait replayWait;
    private final transient BoundedWait signInWait;
    private final transient long signInNanos;

    /**
     * A store with no session.
     *
     * @param pool the pool's name, as events and messages report it
     * @param provider refreshes the tokens
     * @param ticker the monotonic clock expiry is judged on
     * @param prefetch how long before a caller would have to wait a background refresh starts
     *     ({@link Duration#ZERO} for none)
     * @param events receives {@link SignedIn}, {@link TokensRefreshed}, {@link RefreshFailed} and
     *     {@link SessionEnded}
     */
    public DefaultSessionStore(String pool, IdentityProvider provider, Ticker ticker, Duration prefetch,
            Consumer<Object> events) {
        this(pool, provider, ticker, prefetch, RefreshBackoff.standard(), events);
    }

    /**
     * A store with no session that holds refreshes back after failed ones as {@code backoff} says.
     *
     * @param backoff the delays after failed refreshes (tests give it their own jitter)
     * @see #DefaultSessionStore(String, IdentityProvider, Ticker, Duration, Consumer)
     */
    public DefaultSessionStore(String pool, IdentityProvider provider, Ticker ticker, Duration prefetch,
            RefreshBackoff backoff, Consumer<Object> events) {
        this(pool, provider, ticker, prefetch, backoff, events, Passivation.REFUSED);
    }

    /**
     * A store with no session, which its scope may passivate or replicate.
     *
     * @param passivation what the store is written as (see {@link #serializedForm})
     * @see #DefaultSessionStore(String, IdentityProvider, Ticker, Duration, RefreshBackoff, Consumer)
     */
    public DefaultSessionStore(String pool, IdentityProvider provider, Ticker ticker, Duration prefetch,
            RefreshBackoff backoff, Consumer<Object> events, Passivation passivation) {
        this(pool, provider, ticker, prefetch, backoff, events, passivation, DEFAULT_SIGN_IN_TIMEOUT);
    }

    /**
     * A store with no session, which its scope may passivate or replicate, and whose
     * {@link #signIn(Supplier)} waits at most {@code signInTimeout} for its request.
     *
     * @param signInTimeout the backstop of {@link #signIn(Supplier)}, on the real time: the pool's
     *     {@code cognito.timeout} (which bounds the identity provider's own request, retries included)
     *     plus a second; must be positive
     * @see #DefaultSessionStore(String, IdentityProvider, Ticker, Duration, RefreshBackoff, Consumer, Passivation)
     */
    public DefaultSessionStore(String pool, IdentityProvider provider, Ticker ticker, Duration prefetch,
            RefreshBackoff backoff, Consumer<Object> events, Passivation passivation, Duration signInTimeout) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.prefetch = nanos(prefetch, "prefetch");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.events = Objects.requireNonNull(events, "events");
        this.passivation = Objects.requireNonNull(passivation, "passivation");
        String callTimeout = PoolKeys.of(pool).full(PoolKeys.GRAPHQL_CALL_TIMEOUT);
        String subject = "A caller of pool '" + pool + "'";
        this.refreshWait = new BoundedWait(subject, Part.WAITING_FOR_REFRESH, callTimeout);
        this.replayWait = new BoundedWait(subject, Part.REPLAY, callTimeout);
        this.signInWait = new BoundedWait("The sign-in to pool '" + pool + "'", Part.COGNITO,
                PoolKeys.of(pool).full(PoolKeys.COGNITO_TIMEOUT));
        this.signInNanos = nanos(signInTimeout, "signInTimeout");
        if (signInNanos == 0) {
            throw new IllegalArgumentException("the sign-in timeout must be positive: " + signInTimeout);
        }
    }

    /**
     * The persistent part of this store's state at wall-clock instant {@code now}, as {@link SessionForm}
     * lays it out: the tokens and the validity they have left, or why the session ended. A refresh in
     * flight is not part of it. The bytes hold the user's tokens: a secret.
     */
    public byte[] serializedForm(Instant now) {
        Objects.requireNonNull(now, "now");
        return SessionForm.write(state.get(), ticker.read(), now, devices.snapshot());
    }

    /**
     * Puts the state that {@link #serializedForm} wrote on another JVM (or before a restart) into this
     * store, which has had no session yet; the tokens' expiry is re-based conservatively on this store's
     * ticker and wall-clock instant {@code now} (see {@link SessionForm}). No event is fired: the session
     * did not start here, it goes on.
     *
     * @throws InvalidObjectException if {@code form} is damaged; the store stays as it was
     * @throws IllegalStateException if this store has had a session
     */
    public void restore(byte[] form, Instant now) throws InvalidObjectException {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(now, "now");
        Map<String, DeviceCredentials> kept = new HashMap<>();
        TokenState restored = SessionForm.read(form, ticker.read(), now, prefetch, kept);
        if (!state.compareAndSet(SignedOut.NEVER_SIGNED_IN, restored)) {
            throw new IllegalStateException("the store of pool '" + pool + "' already had a session");
        }
        devices.restore(kept);
    }

    /**
     * The device credentials this store keeps ({@link KeptDevices}): the pool's {@link DeviceStore} unless the
     * application supplies one. They are written with the store's serialized form.
     */
    public DeviceStore devices() {
        return devices;
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return passivation.replacement(this);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a session store is read through its serialization proxy only");
    }

    @Override
    public String pool() {
        return pool;
    }

    @Override
    public boolean isSignedIn() {
        return state.get().tokens != null;
    }

    @Override
    public Tokens tokens(Duration minValidity) {
        long need = nanos(minValidity, "minValidity");
        Tokens fast = fastPath(need);
        return fast != null ? fast : waitFor(() -> acquire(need, false), refreshWait, BoundedWait.FOREVER);
    }

    /**
     * {@inheritDoc} Here: the fast path of {@link #tokens(Duration)} (one volatile read, one clock read,
     * one compare), else the decision it would wait for, if that is made already.
     *
     * @throws SignInRequiredException if nobody is signed in
     */
    @Override
    public Optional<Tokens> tokensAtHand(Duration minValidity) {
        long need = nanos(minValidity, "minValidity");
        Tokens fast = fastPath(need);
        if (fast != null) {
            return Optional.of(fast);
        }
        CompletableFuture<Tokens> decided = acquire(need, false);
        if (!decided.isDone()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decided.join());
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause == SUPERSEDED) {
                return Optional.empty();
            }
            throw Completions.rethrowable(cause);
        }
    }

    @Override
    public Tokens tokens(Duration minValidity, Duration maxWait) {
        long need = nanos(minValidity, "minValidity");
        Tokens fast = fastPath(need);
        return fast != null ? fast : waitFor(() -> acquire(need, false), refreshWait, waitNanos(maxWait));
    }

    @Override
    public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
        long need;
        try {
            need = nanos(minValidity, "minValidity");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Tokens fast = fastPath(need);
        return fast != null ? CompletableFuture.completedFuture(fast) : relay(() -> acquire(need, false));
    }

    @Override
    public Tokens refreshIfCurrent(Tokens rejected, Duration minValidity) {
        Objects.requireNonNull(rejected, "rejected");
        long need = nanos(minValidity, "minValidity");
        return waitFor(() -> acquireReplacing(rejected, need), replayWait, BoundedWait.FOREVER);
    }

    @Override
    public Tokens refreshIfCurrent(Tokens rejected, Duration minValidity, Duration maxWait) {
        Objects.requireNonNull(rejected, "rejected");
        long need = nanos(minValidity, "minValidity");
        return waitFor(() -> acquireReplacing(rejected, need), replayWait, waitNanos(maxWait));
    }

    private static long waitNanos(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        return BoundedWait.nanos(maxWait);
    }

    @Override
    public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected, Duration minValidity) {
        long need;
        try {
            Objects.requireNonNull(rejected, "rejected");
            need = nanos(minValidity, "minValidity");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return relay(() -> acquireReplacing(rejected, need));
    }

    @Override
    public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
        Objects.requireNonNull(request, "request");
        if (state.get() instanceof SignedOut signedOut && signedOut.isClosed()) {
            throw signedOut.signInRequired(pool); // before asking Cognito for tokens it would drop
        }
        long sentAt = ticker.read();
        long startedAt = BoundedWait.now();
        CompletionStage<Tokens> response = request.get();
        if (response == null) {
            throw new NullPointerException("the sign-in request returned no stage");
        }
        Tokens tokens = signInWait.await(response, startedAt, startedAt + signInNanos);
        if (tokens == null) {
            throw new NullPointerException("the sign-in request completed without tokens");
        }
        return startSession(tokens, sentAt);
    }

    @Override
    public Tokens signIn(Tokens tokens, Duration age) {
        Objects.requireNonNull(tokens, "tokens");
        long sinceSent = nanos(age, "age");
        return startSession(tokens, ticker.read() - sinceSent);
    }

    /** Replaces any session with one holding {@code tokens}, obtained by a request sent at {@code sentAt}. */
    private Tokens startSession(Tokens tokens, long sentAt) {
        Optional<TransportException> senseless = TokenLifetimes.refusal(tokens, "Nothing is signed in.");
        if (senseless.isPresent()) {
            throw senseless.get();
        }
        Active session = Active.of(tokens, sentAt, prefetch);
        for (;;) {
            TokenState current = state.get();
            if (current instanceof SignedOut signedOut && signedOut.isClosed()) {
                throw signedOut.signInRequired(pool);
            }
            if (state.compareAndSet(current, session)) {
                current.supersede();
                break;
            }
        }
        fire(new SignedIn(pool, tokens.username()));
        return tokens;
    }

    @Override
    public Optional<Tokens> end(SessionEnded.Reason reason) {
        Objects.requireNonNull(reason, "reason");
        for (;;) {
            TokenState current = state.get();
            if (current.tokens == null) {
                return Optional.empty();
            }
            if (state.compareAndSet(current, new SignedOut(reason))) {
                current.supersede();
                fire(new SessionEnded(pool, current.tokens.username(), reason));
                return Optional.of(current.tokens);
            }
        }
    }

    /**
     * Closes the store for good, because the CDI scope that held it ended (an HTTP session invalidated or
     * expired, the container shut down): the tokens are dropped without a call to Cognito, and
     * {@link SessionEnded} with {@link SessionEnded.Reason#SCOPE_ENDED} is fired if there was a session. A
     * refresh in flight is left to finish, and its tokens are never installed; the callers waiting for it,
     * and every later caller that still holds this store, get a {@link SignInRequiredException} that says
     * the scope ended. A sign-in into a closed store is refused the same way. Closing again does nothing.
     */
    @Override
    public void close() {
        for (;;) {
            TokenState current = state.get();
            if (current == SignedOut.CLOSED) {
                return;
            }
            if (state.compareAndSet(current, SignedOut.CLOSED)) {
                current.supersede();
                if (current.tokens != null) {
                    fire(new SessionEnded(pool, current.tokens.username(), SessionEnded.Reason.SCOPE_ENDED));
                }
                return;
            }
        }
    }

    /** The machine's current state (for tests). */
    TokenState state() {
        return state.get();
    }

    /** How many callers wait for the refresh in flight: an estimate, for tests and monitoring. */
    int waitingCallers() {
        return state.get() instanceof Refreshing refreshing ? refreshing.refresh.getNumberOfDependents() : 0;
    }

    @Override
    public String toString() {
        return "DefaultSessionStore[pool=" + pool + ", state=" + state.get() + "]";
    }

    /** The current tokens if more than {@code need} is left before their prefetch window; else {@code null}. */
    private Tokens fastPath(long need) {
        TokenState current = state.get();
        Tokens tokens = current.tokens;
        return tokens != null && current.prefetchFrom - ticker.read() > need ? tokens : null;
    }

    /**
     * Waits for what {@code decision} answers, at most {@code maxWait} nanoseconds of real time (see
     * {@link BoundedWait}); if the session was replaced under it, decides again within the same bound.
     * An interrupted caller stops waiting at once. Runs in this class so that a caller parked here is
     * seen waiting in the store.
     */
    private static Tokens waitFor(Supplier<CompletableFuture<Tokens>> decision, BoundedWait wait, long maxWait) {
        long startedAt = BoundedWait.now();
        long deadline = startedAt + maxWait;
        for (;;) {
            CompletableFuture<Tokens> answer = decision.get();
            try {
                return answer.get(Math.max(0, deadline - BoundedWait.now()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw wait.timedOut(BoundedWait.now() - startedAt);
            } catch (InterruptedException e) {
                throw wait.interrupted(e);
            } catch (ExecutionException e) {
                Throwable cause = unwrap(e);
                if (cause != SUPERSEDED) {
                    throw Completions.rethrowable(cause);
                }
            }
        }
    }

    /**
     * A stage of the caller's own that completes as what {@code decision} answers, with the cause
     * unwrapped; if the session was replaced under it, as what {@code decision} answers then.
     */
    private static CompletableFuture<Tokens> relay(Supplier<CompletableFuture<Tokens>> decision) {
        CompletableFuture<Tokens> answer;
        try {
            answer = decision.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Tokens> result = new CompletableFuture<>();
        answer.whenComplete((tokens, failure) -> {
            if (failure != null && unwrap(failure) == SUPERSEDED) {
                relay(decision).whenComplete((retried, retryFailure) -> settle(result, retried, retryFailure));
            } else {
                settle(result, tokens, failure);
            }
        });
        return result;
    }

    private static void settle(CompletableFuture<Tokens> target, Tokens tokens, Throwable failure) {
        if (failure == null) {
            target.complete(tokens);
        } else {
            target.completeExceptionally(unwrap(failure));
        }
    }

    /**
     * What a caller that needs {@code minValidity} nanoseconds gets: the current tokens (a completed
     * future of its own) or the shared refresh to wait for. In the prefetch window it also starts a
     * background refresh, and still answers with the current tokens. A {@code replay} that needs more
     * than the tokens' whole validity is held to {@link Active#requiredForReplay}, a first attempt to
     * {@link Active#required}.
     */
    private CompletableFuture<Tokens> acquire(long minValidity, boolean replay) {
        for (;;) {
            TokenState current = state.get();
            Active session = current.sessionOrNull();
            if (session == null) {
                throw ((SignedOut) current).signInRequired(pool);
            }
            long now = ticker.read();
            long remaining = session.expiresAt - now;
            long required = replay ? session.requiredForReplay(minValidity) : session.required(minValidity);
            if (remaining > required) {
                if (current instanceof Active && remaining <= session.prefetchWindow(required, prefetch)
                        && !session.backingOffAt(now)) {
                    startRefresh(session); // if another caller won, its refresh is the background one
                }
                return CompletableFuture.completedFuture(session.tokens);
            }
            CompletableFuture<Tokens> refresh = joinOrStartRefresh(current, session, now);
            if (refresh != null) {
                return refresh;
            }
        }
    }

    /**
     * As {@link #acquire}, after the server rejected {@code rejected}: refreshes if they are current,
     * else takes the current tokens if they last {@code minValidity} for a replay.
     */
    private CompletableFuture<Tokens> acquireReplacing(Tokens rejected, long minValidity) {
        for (;;) {
            TokenState current = state.get();
            Active session = current.sessionOrNull();
            if (session == null) {
                throw ((SignedOut) current).signInRequired(pool);
            }
            if (session.tokens != rejected) {
                return acquire(minValidity, true);
            }
            CompletableFuture<Tokens> refresh = joinOrStartRefresh(current, session, ticker.read());
            if (refresh != null) {
                return refresh;
            }
        }
    }

    /**
     * The refresh in flight of {@code current}, else a new one; {@code null} if the state changed first.
     *
     * @throws TransportException if refreshes are held back at {@code now} after failed ones
     */
    private CompletableFuture<Tokens> joinOrStartRefresh(TokenState current, Active session, long now) {
        if (current instanceof Refreshing refreshing) {
            return refreshing.refresh;
        }
        if (session.backingOffAt(now)) {
            throw heldBack(session, now);
        }
        return startRefresh(session);
    }

    /**
     * What a caller that needs a refresh gets while {@code session} backs off: the last failure, how
     * many failed in a row, and when the next refresh may start. Only the library's own messages are
     * repeated (another failure is named by its class: its message may hold anything).
     */
    private TransportException heldBack(Active session, long now) {
        Throwable last = session.lastFailure;
        String what = last instanceof CognitoSecuredException ? last.getMessage() : last.getClass().getName();
        long waitMillis = (session.retryAt - now + 999_999) / 1_000_000; // rounded up: never too early
        String message = "The tokens of pool '" + pool + "' need a refresh, but the last "
                + (session.failures == 1 ? "refresh" : session.failures + " refreshes in a row") + " failed, so the"
                + " next is held back for " + waitMillis + " ms (back-off after failed refreshes). The last failure: "
                + what + " Calls that the current tokens still satisfy go on; try again after that time.";
        return last instanceof TransportException transport && transport.status().isPresent()
                ? new TransportException(message, transport.status().getAsInt(), last)
                : new TransportException(message, last);
    }

    /**
     * Moves {@code session} to {@link Refreshing} and asks the provider for tokens.
     *
     * @return the refresh, or {@code null} if the state changed first (the caller looks again)
     */
    private CompletableFuture<Tokens> startRefresh(Active session) {
        CompletableFuture<Tokens> refresh = new CompletableFuture<>();
        if (!state.compareAndSet(session, session.refreshing(refresh))) {
            return null;
        }
        long sentAt = ticker.read();
        CompletionStage<Tokens> response;
        try {
            response = provider.refresh(session.tokens);
            if (response == null) {
                throw new NullPointerException("IdentityProvider.refresh returned no stage");
            }
            response.whenComplete((tokens, failure) -> finishRefresh(refresh, sentAt, tokens, failure));
        } catch (Throwable failure) {
            finishRefresh(refresh, sentAt, null, failure);
        }
        return refresh;
    }

    /**
     * Applies the outcome of {@code refresh} and completes it. A {@link Refreshing} state is left only
     * once (nothing moves it to another {@code Refreshing} of the same future), so one compare-and-set
     * decides: if it fails, or the state is not this refresh's, the session was replaced or ended.
     */
    private void finishRefresh(CompletableFuture<Tokens> refresh, long sentAt, Tokens refreshed, Throwable failure) {
        Throwable cause = failure != null ? unwrap(failure)
                : refreshed == null ? new NullPointerException("IdentityProvider.refresh completed without tokens")
                : TokenLifetimes.refusal(refreshed, "The previous tokens are kept.").orElse(null);
        Tokens installed = null;
        try {
            Refreshing from = refreshingOf(refresh);
            if (from == null) {
                cause = cause != null ? cause : SUPERSEDED;
            } else if (cause == null) {
                Tokens tokens = from.tokens.refreshedBy(refreshed);
                if (state.compareAndSet(from, Active.of(tokens, sentAt, prefetch))) {
                    fire(new TokensRefreshed(pool, tokens.username(), tokens.lifetime(),
                            refreshed.refreshToken().isPresent()));
                    installed = tokens;
                }
            } else if (cause instanceof SignInRequiredException rejected) {
                SessionEnded.Reason reason = rejected.reason().orElse(SessionEnded.Reason.REFRESH_REJECTED);
                if (state.compareAndSet(from, new SignedOut(reason))) {
                    fire(new SessionEnded(pool, from.tokens.username(), reason));
                }
            } else if (state.compareAndSet(from,
                    from.session.failedRefresh(cause, ticker.read() + backoff.delayAfter(from.session.failures + 1)))) {
                fire(new RefreshFailed(pool, from.tokens.username(), cause));
            }
        } catch (RuntimeException | Error unexpected) {
            cause = unexpected;
        } finally {
            Refreshing stuck = refreshingOf(refresh); // only if something above threw
            if (stuck != null) {
                state.compareAndSet(stuck, stuck.session);
            }
            if (installed != null) {
                refresh.complete(installed);
            } else {
                refresh.completeExceptionally(cause != null ? cause : SUPERSEDED);
            }
        }
    }

    /** The current state if it is {@code refresh}'s {@link Refreshing}, else {@code null}. */
    private Refreshing refreshingOf(CompletableFuture<Tokens> refresh) {
        return state.get() instanceof Refreshing refreshing && refreshing.refresh == refresh ? refreshing : null;
    }

    private void fire(Object event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "An observer of " + event.getClass().getSimpleName() + " for pool '"
                    + pool + "' failed; the session store carries on", e);
        }
    }
}
