package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.rethrowable;
import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * <p><b>Sign-in challenges.</b> A sign-in that Cognito answers with challenges is driven by
 * {@link dev.cognitosecured.runtime.SignIn} through {@link #startSignIn} and {@link #answerChallenge}.
 * Their state is a second {@link AtomicReference}, apart from the tokens': the challenge waiting for
 * an answer (Cognito's {@link Challenge} with its session, the {@link SignInStep} the user was shown,
 * and the ticker reading taken just before the request that obtained the session was sent), and the
 * {@link ChallengeClaim} of the request in flight, if any. A request of a sign-in is sent only under a
 * claim, taken with a compare-and-set, so a second answer while one is in flight fails with
 * {@link ChallengeInProgressException} before anything is sent; every response's session is swapped
 * in under the claim, so an answer always goes out with the session of the latest response, and never
 * twice. A challenge older than the challenge validity (Cognito's {@code AuthSessionValidity}, 3
 * minutes unless configured otherwise) is dropped at the next answer, which fails with
 * {@link ChallengeExpiredException} without a request. When the claim's work fails, the challenge stays
 * answerable with the same session only if nothing reached Cognito, or if the failure was a wrong
 * answer Cognito lets the user retry ({@link WrongAnswerException#canRetry()}) or a
 * {@link TransportException}, and no newer session had been swapped in; otherwise the sign-in is
 * dropped and must start again. A sign-in that ends with tokens starts the session as {@link #signIn}
 * does, its expiry measured from the send instant of the request that returned them.
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
    private final long challengeValidity;
    private final AtomicReference<State> state = new AtomicReference<>(State.NOBODY);
    private final AtomicReference<SignInSlot> signInState = new AtomicReference<>(SignInSlot.IDLE);

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
        this(pool, provider, ticker, prefetch, PoolConfig.DEFAULT_CHALLENGE_VALIDITY, events);
    }

    /**
     * A store with no session, whose sign-in challenges expire after {@code challengeValidity}.
     *
     * @param challengeValidity how long Cognito accepts the session of a challenge (the app client's
     *     {@code AuthSessionValidity}); must be positive
     * @see #DefaultSessionStore(String, IdentityProvider, Ticker, Duration, Consumer)
     */
    public DefaultSessionStore(String pool, IdentityProvider provider, Ticker ticker, Duration prefetch,
            Duration challengeValidity, Consumer<Object> events) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.prefetch = nanos(prefetch, "prefetch");
        this.challengeValidity = nanos(challengeValidity, "challengeValidity");
        if (this.challengeValidity == 0) {
            throw new IllegalArgumentException("challengeValidity must be positive");
        }
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
        return startSession(tokens, sentAt);
    }

    /** Replaces any session with one holding {@code tokens}, obtained by a request sent at {@code sentAt}. */
    private Tokens startSession(Tokens tokens, long sentAt) {
        State previous = state.getAndSet(State.session(tokens, sentAt, prefetch));
        if (previous.refresh != null) {
            previous.refresh.completeExceptionally(SUPERSEDED);
        }
        fire(new SignedIn(pool, tokens.username()));
        return tokens;
    }

    @Override
    public void end(SessionEnded.Reason reason) {
        endWithTokens(reason);
    }

    /**
     * As {@link #end}, returning the tokens the session held (for a sign-out to revoke), in the same
     * atomic step.
     *
     * @return the ended session's tokens, or empty if there was no session
     */
    public Optional<Tokens> endWithTokens(SessionEnded.Reason reason) {
        Objects.requireNonNull(reason, "reason");
        for (;;) {
            State current = state.get();
            if (!current.hasSession()) {
                return Optional.empty();
            }
            if (state.compareAndSet(current, State.ended(reason))) {
                if (current.refresh != null) {
                    current.refresh.completeExceptionally(SUPERSEDED);
                }
                fire(new SessionEnded(pool, current.tokens.username(), reason));
                return Optional.of(current.tokens);
            }
        }
    }

    /**
     * Starts a sign-in: takes the claim on the sign-in state (abandoning a challenge that waits for an
     * answer) and runs {@code exchange} under it, which sends the first request(s) with
     * {@link ChallengeClaim#send} and reports what they obtained.
     *
     * @return what {@code exchange} returns
     * @throws ChallengeInProgressException if a request of a sign-in is in flight; nothing is sent
     */
    public <R> R startSignIn(Function<? super ChallengeClaim, ? extends R> exchange) {
        Objects.requireNonNull(exchange, "exchange");
        for (;;) {
            SignInSlot current = signInState.get();
            if (current.owner != null) {
                throw inProgress();
            }
            Claim claim = new Claim(SignInSlot.IDLE);
            if (signInState.compareAndSet(current, SignInSlot.starting(claim))) {
                return run(claim, exchange);
            }
        }
    }

    /**
     * Answers the challenge that waits for an answer: takes the claim on it and runs {@code exchange}
     * under it, which sends the answer with the challenge's session ({@link ChallengeClaim#challenge()})
     * and reports what it obtained.
     *
     * @return what {@code exchange} returns
     * @throws IllegalStateException if no challenge waits for an answer; nothing is sent
     * @throws ChallengeInProgressException if a request of the sign-in is in flight; nothing is sent
     * @throws ChallengeExpiredException if the challenge is older than the challenge validity; it is
     *     dropped, and nothing is sent
     */
    public <R> R answerChallenge(Function<? super ChallengeClaim, ? extends R> exchange) {
        Objects.requireNonNull(exchange, "exchange");
        for (;;) {
            SignInSlot current = signInState.get();
            if (current.owner != null) {
                throw inProgress();
            }
            if (current.challenge == null) {
                throw new IllegalStateException("No sign-in challenge of pool '" + pool
                        + "' is waiting for an answer: call SignIn.start first.");
            }
            if (ticker.read() - current.sentAt >= challengeValidity) {
                if (signInState.compareAndSet(current, SignInSlot.IDLE)) {
                    throw new ChallengeExpiredException("The sign-in challenge " + current.challenge.name()
                            + " of pool '" + pool + "' is older than its validity ("
                            + Duration.ofNanos(challengeValidity) + "), so Cognito would refuse any answer to it."
                            + " Start the sign-in again with SignIn.start.");
                }
                continue;
            }
            Claim claim = new Claim(current);
            if (signInState.compareAndSet(current, current.claimedBy(claim))) {
                return run(claim, exchange);
            }
        }
    }

    /**
     * The step shown for the challenge that waits for an answer (or is being answered), if any.
     */
    public Optional<SignInStep> challengeStep() {
        return Optional.ofNullable(signInState.get().step);
    }

    /**
     * Abandons the sign-in in progress: a challenge waiting for an answer is dropped, and a request in
     * flight has its outcome discarded when it returns (its caller gets {@link SignInRequiredException}).
     */
    public void abandonSignIn() {
        signInState.set(SignInSlot.IDLE);
    }

    /** Whether a request of a sign-in is in flight (for tests). */
    boolean isAnsweringChallenge() {
        return signInState.get().owner != null;
    }

    private <R> R run(Claim claim, Function<? super ChallengeClaim, ? extends R> exchange) {
        R result;
        try {
            result = exchange.apply(claim);
        } catch (RuntimeException | Error failure) {
            claim.fail(failure);
            throw failure;
        }
        claim.release();
        return result;
    }

    private ChallengeInProgressException inProgress() {
        return new ChallengeInProgressException("A request of the sign-in to pool '" + pool
                + "' is already on its way to Cognito; wait for its result. (Answering twice would spend the"
                + " challenge's session.)");
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
        SignInSlot signIn = signInState.get();
        return "DefaultSessionStore[pool=" + pool + ", signedIn=" + current.hasSession()
                + ", refreshing=" + (current.refresh != null) + ", challenge="
                + (signIn.owner != null ? "answering" : signIn.challenge != null ? "waiting" : "none") + "]";
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

    /**
     * The claim on a store's sign-in state that one request (or one short series of requests) of a
     * sign-in holds while in flight: the only way such a request is sent. Used by
     * {@link dev.cognitosecured.runtime.SignIn}'s implementation, on the thread that took the claim.
     */
    public interface ChallengeClaim {

        /** The challenge being answered, with the session to answer with; empty when a sign-in starts. */
        Optional<Challenge> challenge();

        /** The step the user was shown for {@link #challenge()}; empty when a sign-in starts. */
        Optional<SignInStep> step();

        /**
         * Sends {@code request} and waits for its outcome, reading the ticker just before: the instant
         * from which what it obtains (a session, tokens) is aged.
         *
         * @throws SignInRequiredException if the sign-in was abandoned; nothing is sent
         * @throws RuntimeException what the request failed with, unwrapped
         */
        <T> T send(Supplier<? extends CompletionStage<T>> request);

        /**
         * The last request obtained {@code next}, which is not shown to the user yet (it needs another
         * request first): its session replaces the one answered.
         */
        void swap(Challenge next);

        /** The last request obtained {@code next}, which the user answers next, shown as {@code step}. */
        void awaitAnswer(Challenge next, SignInStep step);

        /** The last request signed the user in: starts the session with {@code tokens}. */
        Tokens signedIn(Tokens tokens);
    }

    /** One claim, held by the thread that runs its exchange. */
    private final class Claim implements ChallengeClaim {

        /** The challenge answered (with no owner), or {@link SignInSlot#IDLE} when starting. */
        private final SignInSlot answered;
        private long lastSentAt;
        private boolean sent;
        private boolean swapped;
        private boolean shown;
        private boolean signedIn;

        Claim(SignInSlot answered) {
            this.answered = answered;
        }

        @Override
        public Optional<Challenge> challenge() {
            return Optional.ofNullable(answered.challenge);
        }

        @Override
        public Optional<SignInStep> step() {
            return Optional.ofNullable(answered.step);
        }

        @Override
        public <T> T send(Supplier<? extends CompletionStage<T>> request) {
            Objects.requireNonNull(request, "request");
            if (signInState.get().owner != this) {
                throw abandoned();
            }
            long sentAt = ticker.read();
            lastSentAt = sentAt;
            sent = true;
            CompletionStage<T> response = request.get();
            if (response == null) {
                throw new NullPointerException("the sign-in request returned no stage");
            }
            CompletableFuture<T> outcome = new CompletableFuture<>();
            response.whenComplete((value, failure) -> {
                if (failure == null) {
                    outcome.complete(value);
                } else {
                    outcome.completeExceptionally(unwrap(failure));
                }
            });
            try {
                return outcome.join();
            } catch (CompletionException e) {
                throw rethrowable(unwrap(e));
            }
        }

        @Override
        public void swap(Challenge next) {
            Objects.requireNonNull(next, "next");
            replace(current -> new SignInSlot(next, current.step, lastSentAt, this));
            swapped = true;
            shown = false;
        }

        @Override
        public void awaitAnswer(Challenge next, SignInStep step) {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(step, "step");
            replace(current -> new SignInSlot(next, step, lastSentAt, this));
            swapped = true;
            shown = true;
        }

        @Override
        public Tokens signedIn(Tokens tokens) {
            Objects.requireNonNull(tokens, "tokens");
            replace(current -> SignInSlot.starting(this));
            signedIn = true;
            return startSession(tokens, lastSentAt);
        }

        /**
         * After the exchange returned: the challenge it was shown for waits for an answer; after a
         * sign-in, none; if it sent nothing, the one answered still waits.
         */
        void release() {
            SignInSlot current = signInState.get();
            if (current.owner != this) {
                return; // abandoned
            }
            SignInSlot next;
            boolean unfinished = false;
            if (signedIn) {
                next = SignInSlot.IDLE;
            } else if (shown) {
                next = new SignInSlot(current.challenge, current.step, current.sentAt, null);
            } else if (!sent && !swapped) {
                next = answered;
            } else {
                next = SignInSlot.IDLE;
                unfinished = true;
            }
            if (signInState.compareAndSet(current, next) && unfinished) {
                throw new IllegalStateException("the sign-in exchange sent a request and returned without a step"
                        + " to answer or tokens; the sign-in is dropped");
            }
        }

        /** After the exchange failed: the answered challenge stays answerable if it still can be. */
        void fail(Throwable failure) {
            SignInSlot current = signInState.get();
            if (current.owner != this) {
                return; // abandoned
            }
            boolean retryable = !swapped && !signedIn && (!sent || canRetryAfter(failure));
            SignInSlot next = retryable && answered.challenge != null ? answered : SignInSlot.IDLE;
            signInState.compareAndSet(current, next);
        }

        private void replace(Function<SignInSlot, SignInSlot> change) {
            for (;;) {
                SignInSlot current = signInState.get();
                if (current.owner != this) {
                    throw abandoned();
                }
                if (signInState.compareAndSet(current, change.apply(current))) {
                    return;
                }
            }
        }

        private SignInRequiredException abandoned() {
            return new SignInRequiredException("The sign-in to pool '" + pool + "' was abandoned (the user signed"
                    + " out) while a request of it was on its way; its outcome is discarded. Start again with"
                    + " SignIn.start.");
        }

        @Override
        public String toString() {
            return "ChallengeClaim[pool=" + pool + ", challenge="
                    + (answered.challenge == null ? "none" : answered.challenge.name()) + "]";
        }
    }

    private static boolean canRetryAfter(Throwable failure) {
        return failure instanceof WrongAnswerException wrong && wrong.canRetry()
                || failure instanceof TransportException;
    }

    /**
     * The sign-in state: the challenge waiting for an answer (or the latest one of the request in
     * flight), and the claim of the request in flight.
     *
     * @param challenge the challenge, with its session; {@code null} if none
     * @param step what the user was shown for it; {@code null} if none yet
     * @param sentAt the ticker reading just before the request that obtained the challenge was sent
     * @param owner the claim of the request in flight; {@code null} if none
     */
    private record SignInSlot(Challenge challenge, SignInStep step, long sentAt, Claim owner) {

        static final SignInSlot IDLE = new SignInSlot(null, null, 0, null);

        static SignInSlot starting(Claim owner) {
            return new SignInSlot(null, null, 0, owner);
        }

        SignInSlot claimedBy(Claim claim) {
            return new SignInSlot(challenge, step, sentAt, claim);
        }

        @Override
        public String toString() {
            return "SignInSlot[challenge=" + (challenge == null ? "none" : challenge.name())
                    + ", claimed=" + (owner != null) + "]";
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
