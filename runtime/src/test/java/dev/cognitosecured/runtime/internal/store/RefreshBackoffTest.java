package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.DefaultSessionStoreTest.causeOf;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.POOL;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.START;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a failed refresh the store holds refreshes back for a jittered, capped, growing delay: callers
 * that need a refresh get the last failure at once, callers the tokens satisfy carry on, and a
 * success or a sign-in starts over. Time is the fake ticker's; the jitter is fixed by the test.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RefreshBackoffTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final long MS = 1_000_000L;

    /** The jitter every delay draws: the top of its range unless a test says otherwise. */
    private double jitter = 0.999_999;

    private final FakeTicker ticker = new FakeTicker(START);
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final RecordedEvents events = new RecordedEvents();
    private final DefaultSessionStore store = new DefaultSessionStore(POOL, provider, ticker, Duration.ZERO,
            new RefreshBackoff(RefreshBackoff.FIRST, RefreshBackoff.CAP, () -> jitter), events);
    private Tokens signedIn;
    private long expiry;

    @BeforeEach
    void signIn() {
        long sentAt = ticker.read();
        signedIn = store.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
        expiry = localExpiry(sentAt, HOUR);
        provider.answerRefreshesWith(current -> provider.pending());
    }

    @Test
    void theDelayDoublesFromOneSecondUpToThirtyWithJitterInItsUpperHalf() {
        jitter = 0;
        RefreshBackoff backoff = new RefreshBackoff(RefreshBackoff.FIRST, RefreshBackoff.CAP, () -> jitter);
        assertEquals(500 * MS, backoff.delayAfter(1));
        assertEquals(1_000 * MS, backoff.delayAfter(2));
        assertEquals(2_000 * MS, backoff.delayAfter(3));
        assertEquals(15_000 * MS, backoff.delayAfter(7), "capped: 32 s halves to 15 s");
        assertEquals(15_000 * MS, backoff.delayAfter(Integer.MAX_VALUE), "no overflow");
        jitter = 0.5;
        assertEquals(750 * MS, backoff.delayAfter(1));
        jitter = 1;
        assertEquals(30_000 * MS, backoff.delayAfter(40));
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0));
    }

    @Test
    void duringTheBackOffACallerThatNeedsARefreshGetsTheLastFailureAtOnceAndSendsNothing() {
        ticker.moveTo(expiry);
        CompletableFuture<Tokens> first = store.tokensAsync(SKEW).toCompletableFuture();
        TransportException down = new TransportException("Cognito did not answer within cognito.timeout (2s).", null);
        provider.response(0).completeExceptionally(down);
        assertSame(down, causeOf(first));

        ticker.advance(Duration.ofMillis(400));
        TransportException sync = assertThrows(TransportException.class, () -> store.tokens(SKEW));
        TransportException async = assertInstanceOf(TransportException.class,
                causeOf(store.tokensAsync(SKEW).toCompletableFuture()));
        TransportException replay = assertThrows(TransportException.class,
                () -> store.refreshIfCurrent(signedIn, SKEW));
        for (TransportException e : new TransportException[] {sync, async, replay}) {
            assertSame(down, e.getCause());
            assertTrue(e.getMessage().contains("held back for 600 ms"), e.getMessage());
            assertTrue(e.getMessage().contains("Cognito did not answer within cognito.timeout (2s)."), e.getMessage());
            assertTrue(e.getMessage().contains("pool '" + POOL + "'"), e.getMessage());
        }
        assertEquals(1, provider.refreshCalls(), "none of them sent a refresh");
        assertEquals(1, events.of(RefreshFailed.class).size());
        assertTrue(store.isSignedIn());
        assertTrue(store.state().toString().contains("1 failed refreshes"), store.state().toString());
    }

    @Test
    void callersTheTokensSatisfyCarryOnAndStartNoBackgroundRefreshDuringTheBackOff() {
        DefaultSessionStore prefetching = new DefaultSessionStore(POOL, provider, ticker, Duration.ofMinutes(2),
                new RefreshBackoff(RefreshBackoff.FIRST, RefreshBackoff.CAP, () -> jitter), events);
        long sentAt = ticker.read();
        Tokens tokens = prefetching.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
        ticker.moveTo(localExpiry(sentAt, HOUR) - Duration.ofMinutes(1).toNanos());

        assertSame(tokens, prefetching.tokens(SKEW), "starts a background refresh");
        provider.response(0).completeExceptionally(new TransportException("Cognito failed", 500, null));
        assertSame(tokens, prefetching.tokens(SKEW));
        assertSame(tokens, prefetching.tokens(SKEW));
        assertEquals(1, provider.refreshCalls(), "no background refresh during the back-off");

        ticker.advance(RefreshBackoff.FIRST);
        assertSame(tokens, prefetching.tokens(SKEW));
        assertEquals(2, provider.refreshCalls(), "the first caller after it starts one");
    }

    @Test
    void eachFailureInARowDoublesTheDelayAndTheHeldBackFailureKeepsItsStatus() {
        ticker.moveTo(expiry);
        for (int failures = 1; failures <= 3; failures++) {
            CompletableFuture<Tokens> caller = store.tokensAsync(SKEW).toCompletableFuture();
            assertEquals(failures, provider.refreshCalls());
            provider.response(failures - 1).completeExceptionally(new TransportException("Cognito failed", 503, null));
            causeOf(caller);

            long ceiling = RefreshBackoff.FIRST.toNanos() << (failures - 1);
            ticker.advanceNanos(ceiling - 2 * MS);
            TransportException held = assertThrows(TransportException.class, () -> store.tokens(SKEW));
            assertEquals(503, held.status().orElseThrow());
            assertEquals(failures, provider.refreshCalls());
            ticker.advanceNanos(2 * MS);
        }
        CompletableFuture<Tokens> recovered = store.tokensAsync(SKEW).toCompletableFuture();
        Tokens refreshed = issued(2, HOUR);
        provider.response(3).complete(refreshed);
        assertSame(refreshed, recovered.join());
        assertEquals("Active", store.state().toString(), "a success clears the failures");
    }

    @Test
    void aSuccessfulRefreshOrASignInStartsTheBackOffOver() {
        ticker.moveTo(expiry);
        CompletableFuture<Tokens> caller = store.tokensAsync(SKEW).toCompletableFuture();
        provider.response(0).completeExceptionally(new TransportException("Cognito failed", 500, null));
        causeOf(caller);
        assertThrows(TransportException.class, () -> store.tokens(SKEW));

        Tokens again = store.signIn(() -> CompletableFuture.completedFuture(issued(2, HOUR)));
        assertSame(again, store.tokens(SKEW), "a sign-in ends the back-off");
        assertFalse(store.state().toString().contains("failed"));

        ticker.moveTo(ticker.read() + HOUR.toNanos());
        CompletableFuture<Tokens> next = store.tokensAsync(SKEW).toCompletableFuture();
        assertEquals(2, provider.refreshCalls(), "the expired tokens are refreshed at once");
        provider.response(1).completeExceptionally(new TransportException("Cognito failed", 500, null));
        causeOf(next);
        TransportException held = assertThrows(TransportException.class, () -> store.tokens(SKEW));
        assertTrue(held.getMessage().contains("the last refresh failed"), "one failure, not two: " + held.getMessage());
    }
}
