package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The states of {@link DefaultSessionStore}'s token machine. Each is immutable; the store holds the
 * current one in an {@code AtomicReference} and changes it only by compare-and-set.
 *
 * <pre>
 * from        event                                      to                       fired / returned
 * ----------  -----------------------------------------  -----------------------  --------------------------------
 * any         signIn (a request's tokens)                Active                   SignedIn; a refresh in flight
 *                                                                                 completes SUPERSEDED
 * Active      a caller needs a refresh, or prefetches,   Refreshing               IdentityProvider.refresh called
 *             and no back-off holds it (now ≥ retryAt)
 * Active      refreshIfCurrent(the current tokens)       Refreshing               the replay waits for the refresh
 * Active      refreshIfCurrent(older tokens), the        Refreshing               the replay waits for the refresh
 *             current ones too short for the replay
 * Active      a caller needs a refresh before retryAt    Active (unchanged)       TransportException at once: the
 *             (backing off after failed refreshes)                                last failure, when to try again
 * Active      prefetch window before retryAt             Active (unchanged)       the current tokens; no refresh
 * Refreshing  refresh answers tokens                     Active (newer tokens,    TokensRefreshed; waiters get them
 *                                                        no failures)
 * Refreshing  refresh fails                              Active (same tokens,     RefreshFailed; waiters get it
 *                                                        failures + 1, retryAt =
 *                                                        now + RefreshBackoff)
 * Refreshing  refresh token rejected                     SignedOut(its reason)    SessionEnded; SignInRequired
 * Active,     end(reason)                                SignedOut(reason)        SessionEnded; the ended tokens;
 * Refreshing                                                                      a refresh completes SUPERSEDED
 * any         close() (the scope ended)                  CLOSED (for good)        SessionEnded(SCOPE_ENDED) if
 *                                                                                 signed in; a refresh completes
 *                                                                                 SUPERSEDED, its waiters get
 *                                                                                 SignInRequiredException
 * SignedOut   tokens / refreshIfCurrent                  SignedOut                SignInRequiredException
 * CLOSED      signIn                                     CLOSED                   SignInRequiredException
 * </pre>
 *
 * <p>The fast path reads two final fields of whatever state is current, {@link #tokens} and
 * {@link #prefetchFrom}, with no type test. What belongs to this JVM only is {@link Refreshing#refresh};
 * everything else (the tokens and, on the store's ticker, their expiry) is the persistent part, and
 * {@link Refreshing#session} is the {@link Active} state a refresh started from and falls back to
 * (with one more failure, {@link Active#lastFailure} and {@link Active#retryAt}, when it fails).
 * Times are ticker readings, compared only by their difference, so a ticker that wraps around is fine.
 */
abstract sealed class TokenState permits TokenState.SignedOut, TokenState.Active, TokenState.Refreshing {

    /** The longest span handled exactly (about 73 years); longer ones count as this, so sums never overflow. */
    static final long MAX_SPAN = Long.MAX_VALUE / 4;

    static final long ONE_SECOND = 1_000_000_000L;

    /** Completes a refresh whose session was replaced; its waiters decide again. Never reaches a caller. */
    static final RuntimeException SUPERSEDED = new Superseded();

    /** The current tokens; {@code null} only in {@link SignedOut}. */
    final Tokens tokens;

    /**
     * The tokens' expiry minus the prefetch (at most half their validity): a caller needing {@code m}
     * with more than {@code m} left before this instant takes the fast path. 0 in {@link SignedOut}.
     */
    final long prefetchFrom;

    private TokenState(Tokens tokens, long prefetchFrom) {
        this.tokens = tokens;
        this.prefetchFrom = prefetchFrom;
    }

    /**
     * The session this state holds: itself if {@link Active}, the one being refreshed if
     * {@link Refreshing}, {@code null} if {@link SignedOut}.
     */
    abstract Active sessionOrNull();

    /** This state was replaced: a refresh in flight completes with {@link #SUPERSEDED}, so its waiters decide again. */
    void supersede() {
    }

    /** {@code span} in nanoseconds, at most {@link #MAX_SPAN}. */
    static long nanos(Duration span, String name) {
        Objects.requireNonNull(span, name);
        if (span.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + span);
        }
        return span.getSeconds() < MAX_SPAN / ONE_SECOND ? span.toNanos() : MAX_SPAN;
    }

    /** No session: before any sign-in, or after one ended. */
    static final class SignedOut extends TokenState {

        /** Before any sign-in. */
        static final SignedOut NEVER_SIGNED_IN = new SignedOut(null, false);

        /** After {@link DefaultSessionStore#close()}: the scope that held the store ended; nothing signs in again. */
        static final SignedOut CLOSED = new SignedOut(SessionEnded.Reason.SCOPE_ENDED, true);

        private final SessionEnded.Reason endedBy;
        private final boolean closed;

        SignedOut(SessionEnded.Reason endedBy) {
            this(endedBy, false);
        }

        private SignedOut(SessionEnded.Reason endedBy, boolean closed) {
            super(null, 0);
            this.endedBy = endedBy;
            this.closed = closed;
        }

        /** Why the last session ended; empty before any sign-in. */
        Optional<SessionEnded.Reason> endedBy() {
            return Optional.ofNullable(endedBy);
        }

        /** Whether the store was closed: its scope ended, and no session starts in it again. */
        boolean isClosed() {
            return closed;
        }

        /** What a caller that needs tokens of pool {@code pool} gets now: why, and what to do. */
        SignInRequiredException signInRequired(String pool) {
            if (closed) {
                return new SignInRequiredException("The scope that held the session store of pool '" + pool
                        + "' ended (its HTTP session was invalidated or expired, or the container shut down), and"
                        + " the store was closed with it: this reference to it is stale. Use the store of a live"
                        + " scope, and sign in there with SignIn.start", SessionEnded.Reason.SCOPE_ENDED);
            }
            if (endedBy == null) {
                return new SignInRequiredException("Nobody is signed in to pool '" + pool
                        + "'; sign in with SignIn.start first");
            }
            String why = switch (endedBy) {
                case SIGNED_OUT -> "the user signed out";
                case SIGNED_OUT_EVERYWHERE -> "the user signed out on every device (GlobalSignOut)";
                case REFRESH_REJECTED -> "Cognito rejected the refresh token (expired, revoked, or reused after rotation)";
                case REFRESH_TOKEN_EXPIRED -> "the refresh token expired";
                case REFRESH_TOKEN_REVOKED -> "the refresh token was revoked (a sign-out on every device, or RevokeToken)";
                case REFRESH_TOKEN_REUSED -> "a refresh token replaced by rotation was used again";
                case USER_DISABLED -> "the user is disabled";
                case USER_DELETED -> "the user no longer exists";
                case SCOPE_ENDED -> "its scope ended";
            };
            return new SignInRequiredException("The session of pool '" + pool + "' ended (" + endedBy + "): " + why
                    + "; sign in again with SignIn.start", endedBy);
        }

        @Override
        Active sessionOrNull() {
            return null;
        }

        @Override
        public String toString() {
            return "SignedOut[" + (endedBy == null ? "never signed in" : endedBy) + (closed ? ", closed" : "") + "]";
        }
    }

    /** A session with tokens and no refresh in flight. */
    static final class Active extends TokenState {

        /** The tokens' local expiry. */
        final long expiresAt;

        /** The tokens' local validity from the send instant: lifetime − 1 s (may be ≤ 0). */
        final long validity;

        /** How many refreshes of these tokens failed in a row; 0 if none did. */
        final int failures;

        /** When {@link #failures} {@code > 0}: the ticker reading before which no refresh starts. */
        final long retryAt;

        /** When {@link #failures} {@code > 0}: what the last refresh failed with; else {@code null}. */
        final Throwable lastFailure;

        private Active(Tokens tokens, long expiresAt, long validity, long prefetchFrom,
                int failures, long retryAt, Throwable lastFailure) {
            super(tokens, prefetchFrom);
            this.expiresAt = expiresAt;
            this.validity = validity;
            this.failures = failures;
            this.retryAt = retryAt;
            this.lastFailure = lastFailure;
        }

        /** The session of {@code tokens}, obtained by a request sent at ticker reading {@code sentAt}. */
        static Active of(Tokens tokens, long sentAt, long prefetch) {
            long validity = nanos(tokens.lifetime(), "lifetime") - ONE_SECOND;
            long expiresAt = sentAt + validity;
            long prefetchFrom = expiresAt - Math.max(0, Math.min(prefetch, validity / 2));
            return new Active(tokens, expiresAt, validity, prefetchFrom, 0, 0, null);
        }

        /** This session after one more failed refresh, {@code failure}: no refresh before {@code retryAt}. */
        Active failedRefresh(Throwable failure, long retryAt) {
            return new Active(tokens, expiresAt, validity, prefetchFrom, failures + 1, retryAt, failure);
        }

        /** Whether refreshes are held back at ticker reading {@code now}, after failed ones. */
        boolean backingOffAt(long now) {
            return failures > 0 && now - retryAt < 0;
        }

        /**
         * The validity a caller asking for {@code minValidity} gets: that, or a quarter of the
         * tokens' validity if they could never give that much. If the tokens' whole local validity
         * ({@code lifetime − 1 s}) is not longer than a caller's {@code minValidity}, no refresh
         * could ever satisfy it; rather than refresh on every call, the caller is treated as if it
         * asked for a quarter of the validity (so a background refresh starts at half-life and
         * callers wait only when it has not completed by three quarters).
         */
        long required(long minValidity) {
            return minValidity < validity ? minValidity : Math.max(0, validity / 4);
        }

        /**
         * The validity a replay asking for {@code minValidity} gets: that, or three quarters of the
         * tokens' validity if they could never give that much. A replay that needs more than any
         * token lasts (its rejected attempt took nearly a token's life) is best served by tokens as
         * fresh as a refresh gives; three quarters asks for those without making every replaying
         * caller refresh again after the first one did. Unlike {@link #required}, it does not fall
         * to a quarter: a replay sent with a quarter of the validity left would expire in flight the
         * way its attempt did.
         */
        long requiredForReplay(long minValidity) {
            return minValidity < validity ? minValidity : Math.max(0, validity - validity / 4);
        }

        /**
         * How long before expiry a caller that requires {@code required} starts a background
         * refresh: {@code required + prefetch}, so that the refresh has {@code prefetch} to complete
         * before any caller would wait for it; but not before half-life unless {@code required}
         * itself is longer than half the validity (then that caller gets no background refresh and
         * waits at {@code required}). So a 10-second token with a 2-minute prefetch is refreshed
         * about every 4.5 seconds, not continuously.
         */
        long prefetchWindow(long required, long prefetch) {
            return Math.min(required + prefetch, Math.max(required, validity / 2));
        }

        Refreshing refreshing(CompletableFuture<Tokens> refresh) {
            return new Refreshing(this, refresh);
        }

        @Override
        Active sessionOrNull() {
            return this;
        }

        @Override
        public String toString() {
            return failures == 0 ? "Active" : "Active[" + failures + " failed refreshes]";
        }
    }

    /** A session whose one refresh is in flight; callers it does not satisfy wait for {@link #refresh}. */
    static final class Refreshing extends TokenState {

        /** The session being refreshed, which stays current if the refresh fails. */
        final Active session;

        /** The refresh every waiting caller shares; it always completes. */
        final CompletableFuture<Tokens> refresh;

        private Refreshing(Active session, CompletableFuture<Tokens> refresh) {
            super(session.tokens, session.prefetchFrom);
            this.session = session;
            this.refresh = refresh;
        }

        @Override
        Active sessionOrNull() {
            return session;
        }

        @Override
        void supersede() {
            refresh.completeExceptionally(SUPERSEDED);
        }

        @Override
        public String toString() {
            return "Refreshing";
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
