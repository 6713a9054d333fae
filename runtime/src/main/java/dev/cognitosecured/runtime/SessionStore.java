package dev.cognitosecured.runtime;

import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The tokens of one principal for one user pool, and the only place they are refreshed.
 *
 * <p>One store exists per pool and scope: per application ({@code session-scope=application}) or
 * per HTTP session ({@code session-scope=session}); inject it with
 * {@code @Inject @AuthFlow SessionStore store}. Generated clients and {@link SignIn} use it; an
 * application rarely needs to. It holds tokens only: the state of a sign-in in progress (the session
 * of the challenge waiting for an answer) belongs to the {@link SignIn} of the same scope, which
 * signs in to the store through {@link #signIn(Tokens, Duration)} and out through {@link #end}. So
 * the sign-in flow needs nothing of a store beyond this interface.
 *
 * <p>A session is in one of three states: signed out (before any sign-in, or after it ended),
 * active (tokens, no refresh in flight) or refreshing (tokens, and the one refresh every caller
 * that needs newer ones waits for). {@code docs/ARCHITECTURE.md} lists the transitions.
 *
 * <p>The store keeps these promises:
 * <ul>
 *   <li>a call gets tokens valid for at least the time it asks for, or waits for the one refresh
 *       every concurrent caller shares: N callers at expiry cause one request to Cognito;</li>
 *   <li>shortly before expiry (the {@code prefetch} window) one caller starts a refresh in the
 *       background while every caller keeps using the valid tokens, so in steady state no caller
 *       waits;</li>
 *   <li>expiry is judged on a monotonic clock from the instant the token request was sent, so a
 *       wrong wall clock cannot make it send an expired token;</li>
 *   <li>a failed refresh keeps the tokens it had; a refresh token that Cognito rejects ends the
 *       session, and callers get {@link SignInRequiredException}, whose
 *       {@link SignInRequiredException#reason() reason} is the one {@link SessionEnded} reported;</li>
 *   <li>when the scope that holds the store ends (the HTTP session, or the container), the container
 *       closes it: the tokens are dropped, a refresh in flight is never installed, and callers still
 *       holding the store get {@link SignInRequiredException} with
 *       {@link SessionEnded.Reason#SCOPE_ENDED}. The application never closes a store itself.</li>
 * </ul>
 */
public interface SessionStore {

    /** {@return the name of the pool whose tokens this store holds} */
    String pool();

    /** {@return whether the store holds a session (it may still need a refresh before the next call)} */
    boolean isSignedIn();

    /**
     * Tokens that stay valid for at least {@code minValidity}, refreshing them first if need be. The
     * wait for a refresh is interruptible ({@link CallInterruptedException}) but has no time bound of
     * its own: see {@link #tokens(Duration, Duration)}.
     *
     * @param minValidity the validity the caller needs (its operation's skew, or the learned margin); not negative
     * @return tokens that stay valid at least that long
     * @throws SignInRequiredException if nobody is signed in, or Cognito rejected the refresh token
     */
    Tokens tokens(Duration minValidity);

    /**
     * As {@link #tokens(Duration)}, completing the stage instead of blocking.
     *
     * @param minValidity the validity the caller needs; not negative
     * @return a stage completing with the tokens, or with the exception {@link #tokens(Duration)} would throw
     */
    CompletionStage<Tokens> tokensAsync(Duration minValidity);

    /**
     * The tokens a caller needing {@code minValidity} gets without waiting, if there are such tokens: the
     * current ones, when they last long enough (a refresh inside the prefetch window may start in the
     * background, as with {@link #tokens(Duration)}); else empty, and a refresh the caller would wait for
     * may have started, which {@link #tokens(Duration, Duration)} then joins. Generated clients call this
     * first, so that a call that waits for nothing reads no clock and allocates nothing for its bound.
     *
     * <p>The default asks {@link #tokensAsync(Duration)} and gives its tokens if the stage is complete
     * already; a store whose stage completes later (or fails) gives empty, and the caller falls back to
     * {@link #tokens(Duration, Duration)}, which waits with a bound and reports the failure. A store
     * that can tell more cheaply overrides it.
     *
     * @param minValidity the validity the caller needs; not negative
     * @return the tokens, or empty if the caller would have to wait for them
     * @throws SignInRequiredException if nobody is signed in (the default gives empty instead)
     */
    default Optional<Tokens> tokensAtHand(Duration minValidity) {
        CompletableFuture<Tokens> stage;
        try {
            stage = tokensAsync(minValidity).toCompletableFuture();
        } catch (UnsupportedOperationException notAFuture) {
            return Optional.empty();
        }
        return stage.isDone() && !stage.isCompletedExceptionally() ? Optional.ofNullable(stage.join())
                : Optional.empty();
    }

    /**
     * As {@link #tokens(Duration)}, waiting at most {@code maxWait} for a refresh (tokens at hand are
     * returned at once). A caller that gives up leaves the refresh running for the others; the store
     * keeps its tokens. Generated clients call this with what is left of the call's
     * {@code graphql.call-timeout}. The default waits for {@link #tokensAsync(Duration)} with that bound.
     *
     * @param minValidity the validity the caller needs; not negative
     * @param maxWait the longest the caller waits, on the real time; not negative
     * @return tokens that stay valid at least {@code minValidity}
     * @throws CallTimeoutException if {@code maxWait} passed first ({@link CallTimeoutException.Part#WAITING_FOR_REFRESH})
     * @throws CallInterruptedException if the thread was interrupted while it waited; its interrupt flag is set
     * @throws SignInRequiredException if nobody is signed in, or Cognito rejected the refresh token
     */
    default Tokens tokens(Duration minValidity, Duration maxWait) {
        return boundedWait(CallTimeoutException.Part.WAITING_FOR_REFRESH, tokensAsync(minValidity), maxWait);
    }

    /**
     * Tokens to replay a call with after the server rejected {@code rejected}: refreshed if
     * {@code rejected} are still the current tokens; else the current ones (another caller already
     * refreshed them) if they have more than {@code minValidity} left, else refreshed. A caller that
     * measured the rejected attempt asks for what it took plus its skew, so that the replay cannot
     * expire in flight the way the attempt did.
     *
     * <p>As with {@link #tokens(Duration)}, concurrent callers share one refresh. If tokens could
     * never last {@code minValidity} (it is not shorter than their whole validity), the replay is
     * satisfied with three quarters of that validity: tokens as fresh as a refresh gives, without a
     * refresh per replaying caller.
     *
     * @param rejected the tokens the server rejected
     * @param minValidity the validity the replay needs; not negative
     * @return the tokens to replay with, newer than {@code rejected}
     * @throws SignInRequiredException if nobody is signed in, or Cognito rejected the refresh token
     */
    Tokens refreshIfCurrent(Tokens rejected, Duration minValidity);

    /**
     * As {@link #refreshIfCurrent(Tokens, Duration)}, completing the stage instead of blocking.
     *
     * @param rejected the tokens the server rejected
     * @param minValidity the validity the replay needs; not negative
     * @return a stage completing with the tokens to replay with, or with the exception the blocking form would throw
     */
    CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected, Duration minValidity);

    /**
     * As {@link #refreshIfCurrent(Tokens, Duration)}, waiting at most {@code maxWait} for the refresh,
     * as {@link #tokens(Duration, Duration)} does. The default waits for
     * {@link #refreshIfCurrentAsync(Tokens, Duration)} with that bound.
     *
     * @param rejected the tokens the server rejected
     * @param minValidity the validity the replay needs; not negative
     * @param maxWait the longest the caller waits, on the real time; not negative
     * @return the tokens to replay with, newer than {@code rejected}
     * @throws CallTimeoutException if {@code maxWait} passed first ({@link CallTimeoutException.Part#REPLAY})
     * @throws CallInterruptedException if the thread was interrupted while it waited; its interrupt flag is set
     */
    default Tokens refreshIfCurrent(Tokens rejected, Duration minValidity, Duration maxWait) {
        return boundedWait(CallTimeoutException.Part.REPLAY, refreshIfCurrentAsync(rejected, minValidity), maxWait);
    }

    private <T> T boundedWait(CallTimeoutException.Part part, CompletionStage<T> stage, Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        long startedAt = BoundedWait.now();
        return new BoundedWait("A caller of pool '" + pool() + "'", part,
                PoolKeys.of(pool()).full(PoolKeys.GRAPHQL_CALL_TIMEOUT))
                .await(stage, startedAt, startedAt + BoundedWait.nanos(maxWait));
    }

    /**
     * As {@link #refreshIfCurrent(Tokens, Duration)} for a replay that needs no more than tokens
     * that have not expired (a caller that did not measure the rejected attempt).
     *
     * @param rejected the tokens the server rejected
     * @return the tokens to replay with, newer than {@code rejected}
     */
    default Tokens refreshIfCurrent(Tokens rejected) {
        return refreshIfCurrent(rejected, Duration.ZERO);
    }

    /**
     * As {@link #refreshIfCurrent(Tokens)}, completing the stage instead of blocking.
     *
     * @param rejected the tokens the server rejected
     * @return a stage completing with the tokens to replay with, or with the exception the blocking form would throw
     */
    default CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected) {
        return refreshIfCurrentAsync(rejected, Duration.ZERO);
    }

    /**
     * Starts a session with the tokens that {@code request} obtains. The store reads its clock before
     * calling {@code request}, so the tokens' expiry is measured from before they were asked for.
     * Used by {@link SignIn}.
     *
     * @param request sends the sign-in's last request; its stage completes with the tokens
     * @return the tokens, once {@code request} completes
     */
    Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request);

    /**
     * Starts a session with tokens already obtained by a request sent {@code age} ago, measured on a
     * monotonic clock: their expiry is measured from that instant, as with
     * {@link #signIn(Supplier)}, so the time the request took is never counted as validity. Replaces
     * any previous session. Used by {@link SignIn} when the last answer of a challenge chain returns
     * tokens.
     *
     * <p>The store counts {@code age} back from its own clock's reading, so the caller measures it
     * just before calling: what passes between the two readings (nanoseconds, on one thread) is
     * the only time not counted.
     *
     * @param tokens the tokens the request returned
     * @param age how long ago the request was sent; not negative
     * @return {@code tokens}
     */
    Tokens signIn(Tokens tokens, Duration age);

    /**
     * Ends the session locally (no call to Cognito) and fires {@code SessionEnded}, if there was one.
     * Ending and taking the tokens are one atomic step: of several concurrent calls exactly one gets
     * the tokens, and a sign-out revokes each refresh token once.
     *
     * @param reason why the session ends, as {@code SessionEnded} and later callers'
     *     {@link SignInRequiredException} report it
     * @return the tokens the ended session held (for a sign-out to revoke), or empty if there was
     *     no session
     */
    Optional<Tokens> end(SessionEnded.Reason reason);
}
