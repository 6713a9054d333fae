package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.DefaultSessionStoreTest.causeOf;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A refresh always completes: a failure keeps the old tokens and lets the first caller after the back-off try again; a
 * rejected refresh token ends the session once.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionStoreFailureTest {

    private static final Duration PREFETCH = Duration.ofMinutes(2);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(PREFETCH);
    private final DefaultSessionStore store = fixture.store;
    private final FakeTicker ticker = fixture.ticker;
    private final FakeIdentityProvider provider = fixture.provider;
    private Tokens signedIn;
    private long expiry;

    @BeforeEach
    void signIn() {
        long sentAt = ticker.read();
        signedIn = fixture.signIn(issued(1, HOUR));
        expiry = localExpiry(sentAt, HOUR);
    }

    @Test
    void aProviderThatThrowsAtOnceFailsTheCallerAndTheFirstCallerAfterTheBackOffRefreshesAgain() {
        IllegalStateException down = new IllegalStateException("identity provider is down");
        provider.answerRefreshesWith(current -> {
            throw down;
        });
        ticker.moveTo(expiry);

        assertSame(down, assertThrows(IllegalStateException.class, () -> store.tokens(SKEW)));
        assertInstanceOf(TokenState.Active.class, store.state(), "the refresh completed");
        assertTrue(store.isSignedIn());
        assertEquals(List.of(new RefreshFailed(StoreFixture.POOL, TestTokens.USER, down)),
                fixture.events.of(RefreshFailed.class));

        provider.answerRefreshesWith(current -> provider.pending());
        TransportException heldBack = assertInstanceOf(TransportException.class,
                causeOf(store.tokensAsync(SKEW).toCompletableFuture()), "during the back-off");
        assertSame(down, heldBack.getCause());
        assertEquals(1, provider.refreshCalls(), "no second refresh during the back-off");

        ticker.advance(RefreshBackoff.FIRST);
        CompletableFuture<Tokens> next = store.tokensAsync(SKEW).toCompletableFuture();
        assertEquals(2, provider.refreshCalls());
        Tokens refreshed = issued(2, HOUR);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, next.join());
    }

    @Test
    void aFailedBackgroundRefreshFailsOnlyTheCallersThatNeededFresherTokens() {
        ticker.moveTo(expiry - Duration.ofMinutes(1).toNanos());
        assertSame(signedIn, store.tokens(SKEW)); // starts the background refresh
        CompletableFuture<Tokens> demanding = store.tokensAsync(Duration.ofMinutes(5)).toCompletableFuture();
        CompletableFuture<Tokens> alsoDemanding = store.tokensAsync(Duration.ofMinutes(2)).toCompletableFuture();

        TransportException unreachable = new TransportException("Cognito could not be reached", null);
        provider.response(0).completeExceptionally(unreachable);

        assertSame(unreachable, causeOf(demanding));
        assertSame(unreachable, causeOf(alsoDemanding));
        assertEquals(1, fixture.events.of(RefreshFailed.class).size());
        assertTrue(store.isSignedIn());

        assertSame(signedIn, store.tokens(SKEW), "the old tokens still satisfy this caller");
        assertEquals(1, provider.refreshCalls(), "no background refresh during the back-off");
        ticker.advance(RefreshBackoff.FIRST);
        assertSame(signedIn, store.tokens(SKEW));
        assertEquals(2, provider.refreshCalls(), "after it, a caller starts the next background refresh");
    }

    @Test
    void aFailureWrappedByTheProvidersStageReachesCallersUnwrapped() {
        TransportException throttled = new TransportException("Cognito throttled the refresh", 400, null);
        provider.answerRefreshesWith(current -> provider.pending().thenApply(tokens -> tokens));
        ticker.moveTo(expiry);

        CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        waiting.whenComplete((tokens, failure) -> seen.set(failure));
        provider.response(0).completeExceptionally(throttled);

        assertSame(throttled, seen.get(), "the caller's own stage holds the cause itself");
        assertSame(throttled, fixture.events.of(RefreshFailed.class).get(0).cause());
    }

    @Test
    void aProviderThatReturnsNoStageStillCompletesTheRefresh() {
        provider.answerRefreshesWith(current -> null);
        ticker.moveTo(expiry - Duration.ofMinutes(1).toNanos());

        assertThrows(NullPointerException.class, () -> store.tokens(Duration.ofMinutes(5)));
        assertInstanceOf(TokenState.Active.class, store.state());
        assertSame(signedIn, store.tokens(SKEW), "the old tokens are kept for a caller they satisfy");
        assertEquals(1, fixture.events.of(RefreshFailed.class).size(), "no background refresh during the back-off");
        ticker.advance(RefreshBackoff.FIRST);
        assertSame(signedIn, store.tokens(SKEW));
        assertEquals(2, fixture.events.of(RefreshFailed.class).size(), "that caller's background refresh failed too");
        assertInstanceOf(TokenState.Active.class, store.state());
    }

    @Test
    void aRefreshThatCompletesWithoutTokensStillCompletes() {
        provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(null));
        ticker.moveTo(expiry - Duration.ofMinutes(1).toNanos());

        assertThrows(NullPointerException.class, () -> store.tokens(Duration.ofMinutes(5)));
        assertInstanceOf(TokenState.Active.class, store.state());
        assertTrue(store.isSignedIn());
        assertEquals(1, fixture.events.of(RefreshFailed.class).size());
    }

    @Test
    void aRejectedRefreshTokenEndsTheSessionForEveryCallerAndFiresOnce() throws InterruptedException {
        ticker.moveTo(expiry);
        CompletableFuture<Tokens> first = store.tokensAsync(SKEW).toCompletableFuture();
        CompletableFuture<Tokens> second = store.tokensAsync(Duration.ZERO).toCompletableFuture();
        CompletableFuture<Tokens> replaying = store.refreshIfCurrentAsync(signedIn).toCompletableFuture();
        AtomicReference<Throwable> blockedCallerSaw = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                store.tokens(SKEW);
            } catch (RuntimeException e) {
                blockedCallerSaw.set(e);
            }
        });
        blocked.start();
        while (store.waitingCallers() < 4) {
            Thread.yield(); // until the thread waits too; the class timeout guards against a hang
        }
        assertEquals(1, provider.refreshCalls());

        SignInRequiredException rejected = new SignInRequiredException("Refresh Token has been revoked");
        provider.response(0).completeExceptionally(rejected);
        blocked.join();

        assertSame(rejected, causeOf(first));
        assertSame(rejected, causeOf(second));
        assertSame(rejected, causeOf(replaying));
        assertSame(rejected, blockedCallerSaw.get());
        assertFalse(store.isSignedIn());
        assertEquals(Optional.of(SessionEnded.Reason.REFRESH_REJECTED),
                assertInstanceOf(TokenState.SignedOut.class, store.state()).endedBy());
        assertEquals(List.of(new SessionEnded(StoreFixture.POOL, TestTokens.USER, SessionEnded.Reason.REFRESH_REJECTED)),
                fixture.events.of(SessionEnded.class));
        assertTrue(fixture.events.of(RefreshFailed.class).isEmpty());

        SignInRequiredException later = assertThrows(SignInRequiredException.class, () -> store.tokens(SKEW));
        assertTrue(later.getMessage().contains("rejected the refresh token"), later.getMessage());
        assertInstanceOf(SignInRequiredException.class, causeOf(store.tokensAsync(SKEW).toCompletableFuture()));
        assertEquals(Optional.empty(), store.end(SessionEnded.Reason.SIGNED_OUT), "nothing left to revoke");
        assertEquals(1, fixture.events.of(SessionEnded.class).size(), "the session ended once");
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void aRejectionThrownAtOnceAlsoEndsTheSession() {
        SignInRequiredException rejected = new SignInRequiredException("no refresh token");
        provider.answerRefreshesWith(current -> {
            throw rejected;
        });

        assertSame(rejected, assertThrows(SignInRequiredException.class, () -> store.refreshIfCurrent(signedIn)));
        assertFalse(store.isSignedIn());
        assertEquals(1, fixture.events.of(SessionEnded.class).size());
    }
}
