package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.StoreFixture.HOUR;
import static dev.cognitosecured.runtime.internal.store.StoreFixture.localExpiry;
import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A caller waits for a refresh at most as long as it says, and stops at once when interrupted; the
 * refresh carries on and serves the next caller. The bound is real time (a few milliseconds here):
 * the test asserts the outcome, not how long it took.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionStoreDeadlineTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StoreFixture fixture = new StoreFixture(Duration.ZERO);
    private final DefaultSessionStore store = fixture.store;
    private Tokens signedIn;

    @BeforeEach
    void signInAndExpire() {
        long sentAt = fixture.ticker.read();
        signedIn = fixture.signIn(issued(1, HOUR));
        fixture.ticker.moveTo(localExpiry(sentAt, HOUR));
    }

    @Test
    void aBoundedWaitEndsWithCallTimeoutAndTheRefreshCarriesOn() {
        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> store.tokens(SKEW, Duration.ofMillis(20)));
        assertEquals(Part.WAITING_FOR_REFRESH, e.part());
        assertEquals("cognito-secured.graphql.call-timeout", e.key());
        assertTrue(e.getMessage().contains("pool 'default'"), e.getMessage());

        CallTimeoutException replay = assertThrows(CallTimeoutException.class,
                () -> store.refreshIfCurrent(signedIn, SKEW, Duration.ZERO));
        assertEquals(Part.REPLAY, replay.part());
        assertEquals(1, fixture.provider.refreshCalls(), "both joined the one refresh");

        Tokens fresh = issued(2, HOUR);
        fixture.provider.response(0).complete(fresh);
        assertSame(fresh.accessToken(), store.tokens(SKEW, Duration.ZERO).accessToken(), "the refresh carried on");
        assertEquals(1, fixture.provider.refreshCalls());
    }

    @Test
    void tokensAtHandAreReturnedWithoutWaitingEvenWithNoTimeLeft() {
        Tokens fresh = issued(2, HOUR);
        assertThrows(CallTimeoutException.class, () -> store.tokens(SKEW, Duration.ZERO));
        fixture.provider.response(0).complete(fresh);
        assertSame(fresh.accessToken(), store.tokensAtHand(SKEW).orElseThrow().accessToken());
        assertSame(fresh.accessToken(), store.tokens(SKEW, Duration.ZERO).accessToken());
    }

    @Test
    void tokensAtHandIsEmptyWhileARefreshMustBeWaitedFor() {
        assertEquals(Optional.empty(), store.tokensAtHand(SKEW));
        assertEquals(1, fixture.provider.refreshCalls(), "it started the refresh the caller then waits for");
        assertThrows(CallTimeoutException.class, () -> store.tokens(SKEW, Duration.ofMillis(1)));
        assertEquals(1, fixture.provider.refreshCalls());
    }

    @Test
    void anInterruptedWaiterGetsCallInterruptedWithItsFlagSet() {
        Thread.currentThread().interrupt();
        try {
            CallInterruptedException e = assertThrows(CallInterruptedException.class, () -> store.tokens(SKEW));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted(), "the flag is set again");
        } finally {
            Thread.interrupted();
        }
        Thread.currentThread().interrupt();
        try {
            assertThrows(CallInterruptedException.class, () -> store.tokens(SKEW, Duration.ofHours(1)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, fixture.provider.refreshCalls());
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.tokens(SKEW, Duration.ofMillis(-1)));
    }
}
