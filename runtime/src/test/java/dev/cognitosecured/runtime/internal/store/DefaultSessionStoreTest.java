package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static dev.cognitosecured.runtime.internal.store.TestTokens.refreshedWithoutRotation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.store.TokenState.Active;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The store's rules, one thread at a time: expiry, refresh-if-current, rotation, sign-in and end. */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DefaultSessionStoreTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    /** Without prefetch, so that a token stays untouched until a caller needs a fresher one. */
    private final StoreFixture fixture = new StoreFixture(Duration.ZERO);
    private final DefaultSessionStore store = fixture.store;
    private final FakeTicker ticker = fixture.ticker;
    private final FakeIdentityProvider provider = fixture.provider;

    @Test
    void theFastPathReturnsTheSameTokensWithoutRefreshing() {
        Tokens signedIn = fixture.signIn(issued(1, HOUR));

        assertSame(signedIn, store.tokens(SKEW));
        ticker.advance(Duration.ofMinutes(50));
        assertSame(signedIn, store.tokens(SKEW));
        assertSame(signedIn, store.tokensAsync(SKEW).toCompletableFuture().join());
        assertEquals(0, provider.refreshCalls());
        assertTrue(store.isSignedIn());
        assertEquals(StoreFixture.POOL, store.pool());
    }

    @Nested
    class Expiry {

        @Test
        void isTheSendInstantPlusTheLifetimeMinusOneSecond() {
            long sentAt = ticker.read();
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            long expiry = localExpiry(sentAt, HOUR);

            ticker.moveTo(expiry - 1);
            assertSame(signedIn, store.tokens(Duration.ZERO));
            assertEquals(0, provider.refreshCalls());

            ticker.moveTo(expiry);
            CompletableFuture<Tokens> caller = store.tokensAsync(Duration.ZERO).toCompletableFuture();
            assertFalse(caller.isDone(), "the expired tokens must not be handed out");
            assertEquals(1, provider.refreshCalls());
            assertSame(signedIn, provider.refreshedFrom(0));

            Tokens refreshed = issued(2, HOUR);
            provider.response(0).complete(refreshed);
            assertSame(refreshed, caller.join());
        }

        @Test
        void leavesTheCallerItsMinValidity() {
            long sentAt = ticker.read();
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            long expiry = localExpiry(sentAt, HOUR);

            ticker.moveTo(expiry - SKEW.toNanos() - 1);
            assertSame(signedIn, store.tokens(SKEW));
            assertEquals(0, provider.refreshCalls());

            ticker.moveTo(expiry - SKEW.toNanos());
            assertFalse(store.tokensAsync(SKEW).toCompletableFuture().isDone());
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void isNotExtendedByASlowSignInAnswer() {
            long sentAt = ticker.read();
            Tokens signedIn = store.signIn(() -> {
                ticker.advance(Duration.ofSeconds(5)); // the answer takes five seconds to arrive
                return CompletableFuture.completedFuture(issued(1, HOUR));
            });
            long expiry = localExpiry(sentAt, HOUR);

            ticker.moveTo(expiry - 1);
            assertSame(signedIn, store.tokens(Duration.ZERO));
            ticker.moveTo(expiry);
            assertFalse(store.tokensAsync(Duration.ZERO).toCompletableFuture().isDone(),
                    "expiry counts from before the request, not from the late answer");
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void ofRefreshedTokensCountsFromTheRefreshRequest() {
            long signInAt = ticker.read();
            fixture.signIn(issued(1, HOUR));
            long refreshSentAt = localExpiry(signInAt, HOUR);
            ticker.moveTo(refreshSentAt);
            CompletableFuture<Tokens> caller = store.tokensAsync(Duration.ZERO).toCompletableFuture();

            ticker.advance(Duration.ofSeconds(3)); // the refresh's answer takes three seconds
            Duration lifetime = Duration.ofMinutes(20);
            Tokens refreshed = issued(2, lifetime);
            provider.response(0).complete(refreshed);
            assertSame(refreshed, caller.join());

            long expiry = localExpiry(refreshSentAt, lifetime);
            ticker.moveTo(expiry - 1);
            assertSame(refreshed, store.tokens(Duration.ZERO));
            ticker.moveTo(expiry);
            assertFalse(store.tokensAsync(Duration.ZERO).toCompletableFuture().isDone());
            assertEquals(2, provider.refreshCalls());
        }

        @Test
        void isJudgedOnTickerDifferencesSoAWrappingTickerIsFine() {
            StoreFixture wrapping = new StoreFixture(Duration.ZERO, Long.MAX_VALUE - Duration.ofMinutes(10).toNanos());
            long sentAt = wrapping.ticker.read();
            Tokens signedIn = wrapping.signIn(issued(1, HOUR));
            long expiry = localExpiry(sentAt, HOUR); // wrapped around to a negative reading
            assertTrue(expiry < sentAt);

            wrapping.ticker.moveTo(expiry - 1);
            assertSame(signedIn, wrapping.store.tokens(Duration.ZERO));
            wrapping.ticker.moveTo(expiry);
            assertFalse(wrapping.store.tokensAsync(Duration.ZERO).toCompletableFuture().isDone());
            assertEquals(1, wrapping.provider.refreshCalls());
        }

        @Test
        void ofTokensThatCannotOutliveTheRequestDoesNotLoop() {
            fixture.signIn(issued(1, Duration.ofSeconds(1))); // locally expired on arrival

            CompletableFuture<Tokens> caller = store.tokensAsync(Duration.ZERO).toCompletableFuture();
            Tokens refreshed = issued(2, Duration.ofSeconds(1));
            provider.response(0).complete(refreshed);

            assertSame(refreshed, caller.join(), "a caller that waited for a refresh takes its result");
            assertEquals(1, provider.refreshCalls());
        }
    }

    @Nested
    class RefreshIfCurrent {

        @Test
        void refreshesTheRejectedTokensWhenTheyAreCurrent() {
            Tokens signedIn = fixture.signIn(issued(1, HOUR));

            CompletableFuture<Tokens> replay = store.refreshIfCurrentAsync(signedIn).toCompletableFuture();
            assertFalse(replay.isDone());
            assertEquals(1, provider.refreshCalls());
            Tokens refreshed = issued(2, HOUR);
            provider.response(0).complete(refreshed);

            assertSame(refreshed, replay.join());
            assertSame(refreshed, store.tokens(SKEW));
        }

        @Test
        void givesStaleTokensTheCurrentOnesWithoutRefreshing() {
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            Tokens refreshed = issued(2, HOUR);
            provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(refreshed));
            assertSame(refreshed, store.refreshIfCurrent(signedIn));
            assertEquals(1, provider.refreshCalls());

            assertSame(refreshed, store.refreshIfCurrent(signedIn));
            CompletionStage<Tokens> async = store.refreshIfCurrentAsync(signedIn);
            assertTrue(async.toCompletableFuture().isDone(), "no refresh to wait for");
            assertSame(refreshed, async.toCompletableFuture().join());
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void joinsTheRefreshAlreadyInFlight() {
            long sentAt = ticker.read();
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            ticker.moveTo(localExpiry(sentAt, HOUR));
            CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();

            CompletableFuture<Tokens> replay = store.refreshIfCurrentAsync(signedIn).toCompletableFuture();
            assertEquals(1, provider.refreshCalls());
            Tokens refreshed = issued(2, HOUR);
            provider.response(0).complete(refreshed);

            assertSame(refreshed, waiting.join());
            assertSame(refreshed, replay.join());
        }
    }

    @Nested
    class Rotation {

        @Test
        void aRefreshWithoutANewRefreshTokenKeepsTheCurrentOne() {
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(
                    refreshedWithoutRotation(provider.refreshCalls() + 1, HOUR)));

            Tokens refreshed = store.refreshIfCurrent(signedIn);
            assertEquals("access-2", refreshed.accessToken());
            assertEquals(Optional.of("refresh-1"), refreshed.refreshToken());
            assertEquals(List.of(new TokensRefreshed(StoreFixture.POOL, TestTokens.USER, HOUR, false)),
                    fixture.events.of(TokensRefreshed.class));

            store.refreshIfCurrent(refreshed);
            assertEquals(Optional.of("refresh-1"), provider.refreshedFrom(1).refreshToken(),
                    "the next refresh uses the refresh token that was kept");
        }

        @Test
        void aNewRefreshTokenReplacesTheCurrentOne() {
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(
                    issued(provider.refreshCalls() + 1, HOUR)));

            Tokens refreshed = store.refreshIfCurrent(signedIn);
            assertEquals(Optional.of("refresh-2"), refreshed.refreshToken());
            assertEquals(List.of(new TokensRefreshed(StoreFixture.POOL, TestTokens.USER, HOUR, true)),
                    fixture.events.of(TokensRefreshed.class));

            store.refreshIfCurrent(refreshed);
            assertEquals(Optional.of("refresh-2"), provider.refreshedFrom(1).refreshToken(),
                    "the rotated refresh token is the one used next");
        }
    }

    @Nested
    class SignIn {

        @Test
        void installsTheSessionAndFiresSignedIn() {
            assertFalse(store.isSignedIn());
            Tokens signedIn = fixture.signIn(issued(1, HOUR));

            assertTrue(store.isSignedIn());
            assertSame(signedIn, store.tokens(SKEW));
            assertEquals(List.of(new SignedIn(StoreFixture.POOL, TestTokens.USER)), fixture.events.all());
        }

        @Test
        void propagatesAFailedRequestUnwrappedAndKeepsThePreviousSession() {
            Tokens previous = fixture.signIn(issued(1, HOUR));
            WrongAnswerException wrong = new WrongAnswerException("Incorrect user name or password", true, null);

            assertSame(wrong, assertThrows(WrongAnswerException.class,
                    () -> store.signIn(() -> CompletableFuture.failedFuture(wrong))));
            assertSame(wrong, assertThrows(WrongAnswerException.class,
                    () -> store.signIn(() -> CompletableFuture.<Tokens>failedFuture(wrong).thenApply(t -> t))),
                    "a CompletionException from a dependent stage is unwrapped");
            assertSame(wrong, assertThrows(WrongAnswerException.class, () -> store.signIn(() -> {
                throw wrong;
            })));

            assertSame(previous, store.tokens(SKEW));
            assertEquals(1, fixture.events.of(SignedIn.class).size());
        }

        @Test
        void duringARefreshOfThePreviousSessionIsNotOverwrittenByIt() {
            long sentAt = ticker.read();
            fixture.signIn(issued(1, HOUR));
            ticker.moveTo(localExpiry(sentAt, HOUR));
            CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();
            assertEquals(1, provider.refreshCalls());

            Tokens newSession = fixture.signIn(issued(7, HOUR));
            assertSame(newSession, waiting.join(), "a caller waiting for the old refresh gets the new session");

            provider.response(0).complete(issued(2, HOUR));
            assertSame(newSession, store.tokens(SKEW));
            assertTrue(fixture.events.of(TokensRefreshed.class).isEmpty());
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void isNotEndedByARejectionOfThePreviousSessionsRefresh() {
            long sentAt = ticker.read();
            fixture.signIn(issued(1, HOUR));
            ticker.moveTo(localExpiry(sentAt, HOUR));
            store.tokensAsync(SKEW);

            Tokens newSession = fixture.signIn(issued(7, HOUR));
            provider.response(0).completeExceptionally(new SignInRequiredException("Refresh Token has expired"));

            assertTrue(store.isSignedIn());
            assertSame(newSession, store.tokens(SKEW));
            assertTrue(fixture.events.of(SessionEnded.class).isEmpty());
            assertTrue(fixture.events.of(RefreshFailed.class).isEmpty());
        }
    }

    @Nested
    class End {

        @Test
        void clearsTheSessionAndFiresSessionEndedOnce() {
            Tokens signedIn = fixture.signIn(issued(1, HOUR));

            assertEquals(Optional.of(signedIn), store.end(SessionEnded.Reason.SIGNED_OUT), "the ended tokens, to revoke");
            assertEquals(Optional.empty(), store.end(SessionEnded.Reason.SIGNED_OUT), "ended once: nothing to revoke");

            assertFalse(store.isSignedIn());
            assertEquals(Optional.of(SessionEnded.Reason.SIGNED_OUT),
                    assertInstanceOf(TokenState.SignedOut.class, store.state()).endedBy());
            assertEquals(List.of(new SessionEnded(StoreFixture.POOL, TestTokens.USER, SessionEnded.Reason.SIGNED_OUT)),
                    fixture.events.of(SessionEnded.class));
            SignInRequiredException e = assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));
            assertTrue(e.getMessage().contains("signed out"), e.getMessage());
        }

        @Test
        void firesNothingWithoutASession() {
            assertEquals(Optional.empty(), store.end(SessionEnded.Reason.SIGNED_OUT));
            assertTrue(fixture.events.all().isEmpty());
            assertSame(TokenState.SignedOut.NEVER_SIGNED_IN, store.state());
        }

        @Test
        void failsTheCallersWaitingForARefreshAndTheRefreshCannotRevive() {
            long sentAt = ticker.read();
            Tokens signedIn = fixture.signIn(issued(1, HOUR));
            ticker.moveTo(localExpiry(sentAt, HOUR));
            CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();
            CompletableFuture<Tokens> replaying = store.refreshIfCurrentAsync(signedIn).toCompletableFuture();
            assertInstanceOf(TokenState.Refreshing.class, store.state());

            assertEquals(Optional.of(signedIn), store.end(SessionEnded.Reason.SIGNED_OUT));
            assertInstanceOf(TokenState.SignedOut.class, store.state());
            assertTrue(causeOf(waiting) instanceof SignInRequiredException);
            assertTrue(causeOf(replaying) instanceof SignInRequiredException);

            provider.response(0).complete(issued(2, HOUR));
            assertFalse(store.isSignedIn());
            assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));
        }
    }

    @Nested
    class SignInWithTokensOfAnEarlierRequest {

        @Test
        void measuresExpiryFromTheRequestsSendInstant() {
            long sentAt = ticker.read();
            ticker.advance(Duration.ofSeconds(5)); // the request took 5 s
            Tokens tokens = issued(1, HOUR);

            assertSame(tokens, store.signIn(tokens, Duration.ofSeconds(5)));

            assertEquals(List.of(new SignedIn(StoreFixture.POOL, TestTokens.USER)), fixture.events.of(SignedIn.class));
            Active active = assertInstanceOf(Active.class, store.state());
            assertEquals(localExpiry(sentAt, HOUR), active.expiresAt);
            ticker.moveTo(localExpiry(sentAt, HOUR) - 1);
            assertSame(tokens, store.tokens(Duration.ZERO));
            assertEquals(0, provider.refreshCalls());
            ticker.advanceNanos(1);
            store.tokensAsync(Duration.ZERO);
            assertEquals(1, provider.refreshCalls(), "expired exactly lifetime - 1 s after the request was sent");
        }

        @Test
        void replacesTheSessionAndSupersedesItsRefresh() {
            long sentAt = ticker.read();
            fixture.signIn(issued(1, HOUR));
            ticker.moveTo(localExpiry(sentAt, HOUR));
            CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();

            Tokens newSession = store.signIn(issued(7, HOUR), Duration.ZERO);

            assertSame(newSession, waiting.join(), "the waiter started over with the new session");
            assertInstanceOf(Active.class, store.state());
        }

        @Test
        void rejectsANegativeAgeAndNulls() {
            assertThrows(IllegalArgumentException.class, () -> store.signIn(issued(1, HOUR), Duration.ofSeconds(-1)));
            assertThrows(NullPointerException.class, () -> store.signIn(null, Duration.ZERO));
            assertThrows(NullPointerException.class, () -> store.signIn(issued(1, HOUR), null));
            assertFalse(store.isSignedIn());
        }
    }

    @Test
    void withoutASessionCallersAreToldToSignIn() {
        SignInRequiredException e = assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));
        assertTrue(e.getMessage().contains("Nobody is signed in to pool 'default'"), e.getMessage());

        CompletionStage<Tokens> async = store.tokensAsync(SKEW);
        assertTrue(causeOf(async.toCompletableFuture()) instanceof SignInRequiredException,
                "the async variant fails its stage rather than throwing");
        assertThrows(SignInRequiredException.class, () -> store.refreshIfCurrent(issued(1, HOUR)));
        assertEquals(0, provider.refreshCalls());
    }

    @Test
    void anObserverThatThrowsDoesNotBreakTheStore() {
        FakeIdentityProvider provider = new FakeIdentityProvider();
        DefaultSessionStore touchy = new DefaultSessionStore("touchy", provider, ticker, Duration.ZERO, event -> {
            throw new IllegalStateException("observer failed");
        });

        Tokens signedIn = touchy.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
        CompletableFuture<Tokens> replay = touchy.refreshIfCurrentAsync(signedIn).toCompletableFuture();
        Tokens refreshed = issued(2, HOUR);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, replay.join());

        CompletableFuture<Tokens> failing = touchy.refreshIfCurrentAsync(refreshed).toCompletableFuture();
        provider.response(1).completeExceptionally(new IllegalStateException("throttled"));
        assertEquals("throttled", causeOf(failing).getMessage());
        assertInstanceOf(TokenState.Active.class, touchy.state());

        touchy.end(SessionEnded.Reason.SIGNED_OUT);
        assertFalse(touchy.isSignedIn());
    }

    @Test
    void toStringShowsNoToken() {
        long sentAt = ticker.read();
        fixture.signIn(issued(1, HOUR));
        ticker.moveTo(localExpiry(sentAt, HOUR));
        store.tokensAsync(SKEW);

        String text = store.toString();
        assertTrue(text.contains("pool=default"), text);
        assertTrue(text.contains("state=Refreshing"), text);
        for (String secret : List.of("access-1", "id-1", "refresh-1")) {
            assertFalse(text.contains(secret), text);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DefaultSessionStore(
                "p", provider, ticker, Duration.ofSeconds(-1), event -> { }));
        fixture.signIn(issued(1, HOUR));
        assertThrows(IllegalArgumentException.class, () -> store.tokens(Duration.ofSeconds(-1)));
        assertTrue(causeOf(store.tokensAsync(Duration.ofSeconds(-1)).toCompletableFuture())
                instanceof IllegalArgumentException);
        assertThrows(NullPointerException.class, () -> store.tokens(null));
    }

    @Test
    void anEnormousMinValidityIsServedWithoutOverflowOrLoop() {
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        assertSame(signedIn, store.tokens(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(0, provider.refreshCalls(), "no refresh could satisfy it, so fresh tokens do");
    }

    /** The exception {@code future} completed with, unwrapped from the {@link CompletionException} of join. */
    static Throwable causeOf(CompletableFuture<?> future) {
        assertTrue(future.isDone(), "the stage should have completed");
        return assertThrows(CompletionException.class, future::join).getCause();
    }
}
