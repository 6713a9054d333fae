package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The background refresh: it starts {@code minValidity + prefetch} before expiry, never before
 * half-life, exactly once, and no caller waits for it while the tokens still satisfy them.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionStorePrefetchTest {

    private static final Duration PREFETCH = Duration.ofMinutes(2);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(PREFETCH);
    private final DefaultSessionStore store = fixture.store;
    private final FakeTicker ticker = fixture.ticker;
    private final FakeIdentityProvider provider = fixture.provider;

    @Test
    void startsOneBackgroundRefreshWhileEveryCallerKeepsTheValidTokens() {
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        long windowStart = localExpiry(sentAt, HOUR) - SKEW.plus(PREFETCH).toNanos();

        ticker.moveTo(windowStart - 1);
        assertSame(signedIn, store.tokens(SKEW));
        assertEquals(0, provider.refreshCalls(), "not yet in the window");

        ticker.moveTo(windowStart);
        assertSame(signedIn, store.tokens(SKEW), "the caller that starts the refresh does not wait for it");
        assertEquals(1, provider.refreshCalls());
        assertInstanceOf(TokenState.Refreshing.class, store.state());

        ticker.advance(Duration.ofSeconds(90)); // still 30 s more than the skew left
        for (int i = 0; i < 5; i++) {
            assertSame(signedIn, store.tokens(SKEW));
            CompletableFuture<Tokens> async = store.tokensAsync(SKEW).toCompletableFuture();
            assertTrue(async.isDone());
            assertSame(signedIn, async.join());
        }
        assertEquals(1, provider.refreshCalls(), "exactly one background refresh");
        assertEquals(0, store.waitingCallers());

        Tokens refreshed = issued(2, HOUR);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, store.tokens(SKEW));
        assertInstanceOf(TokenState.Active.class, store.state());
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void aCallerThatNeedsMoreThanIsLeftWaitsForTheBackgroundRefresh() {
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        ticker.moveTo(localExpiry(sentAt, HOUR) - Duration.ofMinutes(1).toNanos());

        assertSame(signedIn, store.tokens(SKEW));
        CompletableFuture<Tokens> demanding = store.tokensAsync(Duration.ofMinutes(5)).toCompletableFuture();
        assertFalse(demanding.isDone());
        assertEquals(1, provider.refreshCalls(), "it joins the background refresh");

        Tokens refreshed = issued(2, HOUR);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, demanding.join());
    }

    @Test
    void isCappedAtHalfTheLifetimeOfShortLivedTokens() {
        Duration lifetime = Duration.ofSeconds(10); // 9 s of local validity: half-life at 4.5 s
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, lifetime));
        long halfLife = sentAt + Duration.ofMillis(4500).toNanos();

        ticker.moveTo(halfLife - 1);
        assertSame(signedIn, store.tokens(Duration.ZERO));
        assertEquals(0, provider.refreshCalls(), "a 2-minute prefetch does not cover a 10-second token");

        ticker.moveTo(halfLife);
        assertSame(signedIn, store.tokens(Duration.ZERO));
        assertEquals(1, provider.refreshCalls());

        long refreshSentAt = ticker.read();
        Tokens refreshed = issued(2, lifetime);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, store.tokens(Duration.ZERO));
        ticker.moveTo(refreshSentAt + Duration.ofMillis(4500).toNanos() - 1);
        assertSame(refreshed, store.tokens(Duration.ZERO));
        assertEquals(1, provider.refreshCalls(), "fresh tokens are not refreshed again at once");
    }

    @Test
    void tokensShorterLivedThanTheMinValidityAreServedAndRefreshedAtHalfLife() {
        Duration lifetime = Duration.ofSeconds(10); // shorter than the 30 s skew
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, lifetime));

        assertSame(signedIn, store.tokens(SKEW), "no refresh could give 30 s, so fresh tokens do");
        ticker.moveTo(sentAt + Duration.ofMillis(4500).toNanos() - 1);
        assertSame(signedIn, store.tokens(SKEW));
        assertEquals(0, provider.refreshCalls());

        ticker.moveTo(sentAt + Duration.ofMillis(4500).toNanos());
        assertSame(signedIn, store.tokens(SKEW), "background refresh at half-life");
        assertEquals(1, provider.refreshCalls());

        ticker.moveTo(sentAt + Duration.ofMillis(6750).toNanos()); // a quarter of the validity left
        CompletableFuture<Tokens> waiting = store.tokensAsync(SKEW).toCompletableFuture();
        assertFalse(waiting.isDone());
        Tokens refreshed = issued(2, lifetime);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, waiting.join());

        assertSame(refreshed, store.tokens(SKEW));
        assertEquals(1, provider.refreshCalls(), "no refresh loop");
    }

    @Test
    void aMinValidityBeyondHalfLifeGetsNoBackgroundRefresh() {
        Duration need = Duration.ofMinutes(40);
        long sentAt = ticker.read();
        Tokens signedIn = fixture.signIn(issued(1, HOUR));
        long expiry = localExpiry(sentAt, HOUR);

        ticker.moveTo(expiry - need.toNanos() - 1);
        assertSame(signedIn, store.tokens(need));
        assertEquals(0, provider.refreshCalls());

        ticker.moveTo(expiry - need.toNanos());
        assertFalse(store.tokensAsync(need).toCompletableFuture().isDone());
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void aZeroPrefetchStartsNoBackgroundRefresh() {
        StoreFixture noPrefetch = new StoreFixture(Duration.ZERO);
        long sentAt = noPrefetch.ticker.read();
        Tokens signedIn = noPrefetch.signIn(issued(1, HOUR));

        noPrefetch.ticker.moveTo(localExpiry(sentAt, HOUR) - SKEW.toNanos() - 1);
        assertSame(signedIn, noPrefetch.store.tokens(SKEW));
        assertEquals(0, noPrefetch.provider.refreshCalls());
    }
}
