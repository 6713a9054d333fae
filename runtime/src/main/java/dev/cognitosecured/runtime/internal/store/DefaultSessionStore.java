package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session store: the tokens of one principal for one pool, with at most one refresh in flight.
 *
 * <p><b>State.</b> One {@link AtomicReference} to an immutable snapshot: the tokens, their local
 * expiry on the {@link Ticker}, and the refresh in flight if any. Every change is a compare-and-set;
 * there is no lock and no {@code synchronized}, and the only blocking wait is
 * {@link CompletableFuture#join()}, which parks without pinning a virtual thread.
 *
 * <p><b>Expiry.</b> Judged on the ticker only, never on the wall clock: the local expiry is the
 * ticker reading taken just before the token request was sent, plus {@link Tokens#lifetime()},
 * minus one second ({@code iat}/{@code exp} are whole seconds). Cognito issued the tokens after
 * that instant, so this never overestimates the true expiry, however slow the answer or wrong the
 * clock. Tokens with {@code r} nanoseconds of local validity left satisfy a caller asking for
 * {@code minValidity} when {@code r > minValidity}.
 *
 * <p><b>One refresh.</b> A caller whose tokens do not satisfy it installs a new
 * {@link CompletableFuture} with a compare-and-set; the winner alone calls
 * {@link IdentityProvider#refresh}, every other caller waits for that same future. A caller that
 * waited for a refresh takes its result as it is, without checking it again (a refresh that took
 * longer than the tokens' validity would not do better the second time).
 *
 * <p><b>Prefetch.</b> A caller that is still satisfied starts a background refresh (and returns the
 * current tokens at once) when fewer than {@code minValidity + prefetch} are left, so that the
 * refresh has {@code prefetch} to complete before any caller would wait for it. For short-lived
 * tokens the background refresh never starts before half of the tokens' validity has passed
 * (unless the caller's {@code minValidity} itself reaches past half-life, in which case that
 * caller gets no background refresh and waits at {@code minValidity}). So a 10-second token with a
 * 2-minute prefetch is refreshed about every 4.5 seconds, not continuously.
 *
 * <p><b>Tokens shorter-lived than the caller's minValidity.</b> If the tokens' whole local validity
 * ({@code lifetime − 1 s}) is not longer than a caller's {@code minValidity}, no refresh could ever
 * satisfy it; rather than refresh on every call, the store treats that caller as if it asked for a
 * quarter of the validity (so a background refresh starts at half-life and callers wait only when
 * it has not completed by three quarters).
 *
 * <p><b>Failures.</b> The refresh in flight always completes: with the new tokens, or with what the
 * provider threw or failed with (also when it throws at once or returns {@code null}).
 * <ul>
 *   <li>{@link SignInRequiredException}: the session ends in the same atomic step ({@link
 *       SessionEnded} with {@link SessionEnded.Reason#REFRESH_REJECTED}, fired once), and every
 *       waiting and later caller gets {@link SignInRequiredException};</li>
 *   <li>anything else: the old tokens stay, {@link RefreshFailed} is fired, callers that waited for
 *       the refresh get the failure, callers the old tokens still satisfy keep using them, and the
 *       next caller that needs a refresh (or enters the prefetch window) starts a new one. There is
 *       no back-off: at most one refresh is ever in flight.</li>
 * </ul>
 *
 * <p><b>Sign-in.</b> {@link #signIn} replaces any previous session (no {@code SessionEnded} is
 * fired for it). A refresh of the replaced session that completes later is discarded: the store
 * recognises its own refresh by identity, and a caller waiting for it starts over with the new
 * session.
 *
 * <p>Events go to the consumer given at construction (the CDI extension passes the bean manager's
 * event); an observer that throws is logged and otherwise ignored. Nothing here logs or prints a
 * token.
 */
public final class DefaultSessionStore implements SessionStore {

    private static final System.Logger LOG = System.getLogger(DefaultSessionStore.class.getName());

    /** The longest span handled exactly (about 73 years); longer ones count as this, so sums never overflow. */
    private static final long MAX_SPAN = Long.MAX_VALUE / 4;

    private static final long ONE_SECOND = 1_000_000_000L;

    /** Completes a refresh whose session was replaced; its waiters start over. Never reaches a caller. */
    private static final Superseded SUPERSEDED = new Superseded();

    private final String pool;
    private final IdentityProvider provider;
    private final Ticker ticker;
    private final long prefetch;
    private final Consumer<Object> events;
    private final AtomicReference<State> state = new AtomicReference<>(State.NOBODY);

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
        this.pool = Objects.requireNonNull(pool, "pool");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.prefetch = nanos(prefetch, "prefetch");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String pool() {
        return pool;
    }

    @Override
    public boolean isSignedIn() {
        return state.get().hasSession();
    }

    @Override
    public Tokens tokens(Duration minValidity) {
        long need = nanos(minValidity, "minValidity");
        State current = state.get();
        if (current.tokens != null && current.prefetchFrom - ticker.read() > need) {
            return current.tokens;
        }
        for (;;) {
            Tokens tokens = awaitUnlessSuperseded(acquire(need));
            if (tokens != null) {
                return tokens;
            }
        }
    }

    @Override
    public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
        long need;
        try {
            need = nanos(minValidity, "minValidity");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        State current = state.get();
        if (current.tokens != null && current.prefetchFrom - ticker.read() > need) {
            return CompletableFuture.completedFuture(current.tokens);
        }
        return tokensAsync(need);
    }

    private CompletableFuture<Tokens> tokensAsync(long need) {
        CompletableFuture<Tokens> answer;
        try {
            answer = acquire(need);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return relay(answer, () -> tokensAsync(need));
    }

    @Override
    public Tokens refreshIfCurrent(Tokens rejected) {
        Objects.requireNonNull(rejected, "rejected");
        for (;;) {
            Tokens tokens = awaitUnlessSuperseded(acquireReplacing(rejected));
            if (tokens != null) {
                return tokens;
            }
        }
    }

    @Override
    public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected) {
        if (rejected == null) {
            return CompletableFuture.failedFuture(new NullPointerException("rejected"));
        }
        return refreshIfCurrentAsyncOf(rejected);
    }

    private CompletableFuture<Tokens> refreshIfCurrentAsyncOf(Tokens rejected) {
        CompletableFuture<Tokens> answer;
        try {
            answer = acquireReplacing(rejected);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return relay(answer, () -> refreshIfCurrentAsyncOf(rejected));
    }

    @Override
    public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
        Objects.requireNonNull(request, "request");
        long sentAt = ticker.read();
        CompletionStage<Tokens> response = request.get();
        if (response == null) {
            throw new NullPointerException("the sign-in request returned no stage");
        }
        CompletableFuture<Tokens> answer = new CompletableFuture<>();
        response.whenComplete((tokens, failure) -> settle(answer, tokens, failure));
        Tokens tokens;
        try {
            tokens = answer.join();
        } catch (CompletionException e) {
            throw rethrowable(unwrap(e));
        }
        if (tokens == null) {
            throw new NullPointerException("the sign-in request completed without tokens");
        }
        State previous = state.getAndSet(State.session(tokens, sentAt, prefetch));
        if (previous.refresh != null) {
            previous.refresh.completeExceptionally(SUPERSEDED);
        }
        fire(new SignedIn(pool, tokens.username()));
        return tokens;
    }

    @Override
    public void end(SessionEnded.Reason reason) {
        Objects.requireNonNull(reason, "reason");
        for (;;) {
            State current = state.get();
            if (!current.hasSession()) {
                return;
            }
            if (state.compareAndSet(current, State.ended(reason))) {
                if (current.refresh != null) {
                    current.refresh.completeExceptionally(SUPERSEDED);
                }
                fire(new SessionEnded(pool, current.tokens.username(), reason));
                return;
            }
        }
    }

    /** How many callers wait for the refresh in flight: an estimate, for tests and monitoring. */
    int waitingCallers() {
        CompletableFuture<Tokens> refresh = state.get().refresh;
        return refresh == null ? 0 : refresh.getNumberOfDependents();
    }

    /** Whether a refresh is in flight. */
    boolean isRefreshing() {
        return state.get().refresh != null;
    }

    @Override
    public String toString() {
        State current = state.get();
        return "DefaultSessionStore[pool=" + pool + ", signedIn=" + current.hasSession()
                + ", refreshing=" + (current.refresh != null) + "]";
    }

    /**
     * What a caller that needs {@code minValidity} nanoseconds gets: the current tokens (a completed
     * future of its own) or the shared refresh to wait for. In the prefetch window it also starts a
     * background refresh, and still answers with the current tokens.
     */
    private CompletableFuture<Tokens> acquire(long minValidity) {
        for (;;) {
            State current = state.get();
            if (!current.hasSession()) {
                throw signInRequired(current);
            }
            long remaining = current.expiresAt - ticker.read();
            long required = current.required(minValidity);
            if (remaining > required) {
                if (current.refresh == null && remaining <= current.prefetchWindow(required, prefetch)) {
                    startRefresh(current); // if another caller won, its refresh is the background one
                }
                return CompletableFuture.completedFuture(current.tokens);
            }
            if (current.refresh != null) {
                return current.refresh;
            }
            CompletableFuture<Tokens> refresh = startRefresh(current);
            if (refresh != null) {
                return refresh;
            }
        }
    }

    /** As {@link #acquire}, after the server rejected {@code rejected}: refreshes only if they are current. */
    private CompletableFuture<Tokens> acquireReplacing(Tokens rejected) {
        for (;;) {
            State current = state.get();
            if (!current.hasSession()) {
                throw signInRequired(current);
            }
            if (current.tokens != rejected) {
                return acquire(0);
            }
            if (current.refresh != null) {
                return current.refresh;
            }
            CompletableFuture<Tokens> refresh = startRefresh(current);
            if (refresh != null) {
                return refresh;
            }
        }
    }

    /**
     * Installs a new refresh in place of {@code current} and asks the provider for tokens.
     *
     * @return the refresh, or {@code null} if the state changed first (the caller looks again)
     */
    private CompletableFuture<Tokens> startRefresh(State current) {
        CompletableFuture<Tokens> refresh = new CompletableFuture<>();
        if (!state.compareAndSet(current, current.refreshing(refresh))) {
            return null;
        }
        long sentAt = ticker.read();
        CompletionStage<Tokens> response;
        try {
            response = provider.refresh(current.tokens);
            if (response == null) {
                throw new NullPointerException("IdentityProvider.refresh returned no stage");
            }
            response.whenComplete((tokens, failure) -> finishRefresh(refresh, sentAt, tokens, failure));
        } catch (Throwable failure) {
            finishRefresh(refresh, sentAt, null, failure);
        }
        return refresh;
    }

    /** Applies the outcome of {@code refresh} (unless its session was replaced) and completes it. */
    private void finishRefresh(CompletableFuture<Tokens> refresh, long sentAt, Tokens refreshed, Throwable failure) {
        Throwable cause = failure != null ? unwrap(failure)
                : refreshed == null ? new NullPointerException("IdentityProvider.refresh completed without tokens")
                : null;
        Tokens installed = null;
        try {
            if (cause == null) {
                installed = install(refresh, sentAt, refreshed);
            } else if (cause instanceof SignInRequiredException) {
                endRejected(refresh);
            } else {
                keepTokensAfter(refresh, cause);
            }
        } catch (RuntimeException | Error unexpected) {
            cause = unexpected;
        } finally {
            detach(refresh);
            if (installed != null) {
                refresh.complete(installed);
            } else {
                refresh.completeExceptionally(cause != null ? cause : SUPERSEDED);
            }
        }
    }

    /** @return the tokens now current, or {@code null} if the refresh's session was replaced */
    private Tokens install(CompletableFuture<Tokens> refresh, long sentAt, Tokens refreshed) {
        for (;;) {
            State current = state.get();
            if (current.refresh != refresh) {
                return null;
            }
            Tokens tokens = current.tokens.refreshedBy(refreshed);
            if (state.compareAndSet(current, State.session(tokens, sentAt, prefetch))) {
                fire(new TokensRefreshed(pool, tokens.username(), tokens.lifetime(),
                        refreshed.refreshToken().isPresent()));
                return tokens;
            }
        }
    }

    private void endRejected(CompletableFuture<Tokens> refresh) {
        for (;;) {
            State current = state.get();
            if (current.refresh != refresh) {
                return;
            }
            if (state.compareAndSet(current, State.ended(SessionEnded.Reason.REFRESH_REJECTED))) {
                fire(new SessionEnded(pool, current.tokens.username(), SessionEnded.Reason.REFRESH_REJECTED));
                return;
            }
        }
    }

    private void keepTokensAfter(CompletableFuture<Tokens> refresh, Throwable cause) {
        for (;;) {
            State current = state.get();
            if (current.refresh != refresh) {
                return;
            }
            if (state.compareAndSet(current, current.refreshing(null))) {
                fire(new RefreshFailed(pool, current.tokens.username(), cause));
                return;
            }
        }
    }

    /** Makes sure the state no longer points at {@code refresh} (it does only if something above threw). */
    private void detach(CompletableFuture<Tokens> refresh) {
        for (;;) {
            State current = state.get();
            if (current.refresh != refresh || state.compareAndSet(current, current.refreshing(null))) {
                return;
            }
        }
    }

    private void fire(Object event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "An observer of " + event.getClass().getSimpleName() + " for pool '"
                    + pool + "' failed; the session store carries on", e);
        }
    }

    private SignInRequiredException signInRequired(State ended) {
        if (ended.endedBy == SessionEnded.Reason.REFRESH_REJECTED) {
            return new SignInRequiredException("Cognito rejected the refresh token of pool '" + pool
                    + "' (expired, revoked, or reused after rotation); sign in again with SignIn.start");
        }
        if (ended.endedBy == SessionEnded.Reason.SIGNED_OUT) {
            return new SignInRequiredException("The user of pool '" + pool
                    + "' signed out; sign in again with SignIn.start");
        }
        return new SignInRequiredException("Nobody is signed in to pool '" + pool
                + "'; sign in with SignIn.start first");
    }

    /** Waits for {@code answer}: its tokens, or {@code null} if its session was replaced (look again). */
    private static Tokens awaitUnlessSuperseded(CompletableFuture<Tokens> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause == SUPERSEDED) {
                return null;
            }
            throw rethrowable(cause);
        }
    }

    /**
     * A stage of the caller's own that completes as {@code answer} does, with the cause unwrapped;
     * if {@code answer}'s session was replaced, with what {@code again} then gives.
     */
    private static CompletableFuture<Tokens> relay(CompletableFuture<Tokens> answer,
            Supplier<CompletableFuture<Tokens>> again) {
        CompletableFuture<Tokens> result = new CompletableFuture<>();
        answer.whenComplete((tokens, failure) -> {
            if (failure != null && unwrap(failure) == SUPERSEDED) {
                again.get().whenComplete((retried, retryFailure) -> settle(result, retried, retryFailure));
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

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }

    /** {@code span} in nanoseconds, at most {@link #MAX_SPAN}. */
    private static long nanos(Duration span, String name) {
        Objects.requireNonNull(span, name);
        if (span.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + span);
        }
        return span.getSeconds() < MAX_SPAN / ONE_SECOND ? span.toNanos() : MAX_SPAN;
    }

    /**
     * One immutable snapshot of the session. Times are ticker readings, compared only by their
     * difference, so a ticker that wraps around is fine.
     *
     * @param tokens the current tokens; {@code null} when there is no session
     * @param expiresAt the tokens' local expiry
     * @param validity the tokens' local validity from the send instant: lifetime − 1 s (may be ≤ 0)
     * @param prefetchFrom {@code expiresAt} minus the prefetch (at most half the validity): a caller
     *     needing {@code m} with more than {@code m} left before this instant takes the fast path
     * @param refresh the refresh in flight, or {@code null}
     * @param endedBy why there is no session; {@code null} while there is one or before any sign-in
     */
    private record State(Tokens tokens, long expiresAt, long validity, long prefetchFrom,
            CompletableFuture<Tokens> refresh, SessionEnded.Reason endedBy) {

        static final State NOBODY = new State(null, 0, 0, 0, null, null);

        static State session(Tokens tokens, long sentAt, long prefetch) {
            long validity = nanos(tokens.lifetime(), "lifetime") - ONE_SECOND;
            long expiresAt = sentAt + validity;
            long prefetchFrom = expiresAt - Math.max(0, Math.min(prefetch, validity / 2));
            return new State(tokens, expiresAt, validity, prefetchFrom, null, null);
        }

        static State ended(SessionEnded.Reason reason) {
            return new State(null, 0, 0, 0, null, reason);
        }

        State refreshing(CompletableFuture<Tokens> next) {
            return new State(tokens, expiresAt, validity, prefetchFrom, next, endedBy);
        }

        boolean hasSession() {
            return tokens != null;
        }

        /**
         * The validity a caller asking for {@code minValidity} gets: that, or a quarter of the
         * tokens' validity if they could never give that much.
         */
        long required(long minValidity) {
            return minValidity < validity ? minValidity : Math.max(0, validity / 4);
        }

        /**
         * How long before expiry a caller that requires {@code required} starts a background
         * refresh: {@code required + prefetch}, but not before half-life unless {@code required}
         * itself is longer than half the validity.
         */
        long prefetchWindow(long required, long prefetch) {
            return Math.min(required + prefetch, Math.max(required, validity / 2));
        }

        @Override
        public String toString() {
            return "State[session=" + hasSession() + ", refreshing=" + (refresh != null) + "]";
        }
    }

    /** The marker a replaced session's refresh completes with. */
    private static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super("the session was replaced while this refresh was in flight", null, false, false);
        }
    }
}
