package dev.cognitosecured.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The learned margin, on a ticker the test moves: the slowest recent attempt plus a quarter, capped, forgotten. */
class CallMarginTest {

    private static final Duration SKEW = Duration.ofSeconds(5);

    private final FakeTicker ticker = new FakeTicker(Long.MAX_VALUE - 30_000_000_000L); // wraps around in the tests
    private final CallMargin margin = new CallMargin(ticker);

    /** An attempt that takes {@code span} on the ticker. */
    private long attempt(Duration span) {
        long startedAt = margin.now();
        ticker.advance(span);
        return margin.recordSince(startedAt);
    }

    @Test
    void isTheSkewUntilAnAttemptIsSlowerThanIt() {
        assertEquals(Duration.ZERO, margin.learned());
        assertSame(SKEW, margin.forSkew(SKEW));

        assertEquals(Duration.ofSeconds(2).toNanos(), attempt(Duration.ofSeconds(2)));
        assertEquals(Duration.ofMillis(2500), margin.learned());
        assertSame(SKEW, margin.forSkew(SKEW), "never less than the skew");
    }

    @Test
    void coversTheSlowestAttemptWithAQuarterOfHeadroom() {
        attempt(Duration.ofSeconds(6));
        attempt(Duration.ofSeconds(4));

        assertEquals(Duration.ofMillis(7500), margin.learned());
        assertEquals(Duration.ofMillis(7500), margin.forSkew(SKEW));
        assertSame(margin.forSkew(SKEW), margin.forSkew(SKEW), "the same instance while nothing changes");
    }

    @Test
    void stopsAtTheCap() {
        attempt(Duration.ofMinutes(5));
        assertEquals(CallMargin.DEFAULT_CAP, margin.learned());

        CallMargin capped = new CallMargin(ticker, Duration.ofSeconds(8));
        long startedAt = capped.now();
        ticker.advance(Duration.ofSeconds(7));
        capped.recordSince(startedAt);
        assertEquals(Duration.ofSeconds(8), capped.learned());
        assertEquals(Duration.ofSeconds(8), capped.cap());
        assertEquals(CallMargin.DEFAULT_CAP, margin.cap());
        Duration longSkew = Duration.ofSeconds(30);
        assertSame(longSkew, capped.forSkew(longSkew), "a skew above the cap still counts");
    }

    @Test
    void remembersAnAttemptForOneToTwoWindowsThenForgetsIt() {
        attempt(Duration.ofSeconds(6));
        ticker.advance(CallMargin.MEMORY); // the next window: still remembered
        assertEquals(Duration.ofMillis(7500), margin.learned());

        attempt(Duration.ofSeconds(3));
        ticker.advance(CallMargin.MEMORY); // two windows after the slow one: only the 3 s attempt is left
        assertEquals(Duration.ofMillis(3750), margin.learned());

        ticker.advance(CallMargin.MEMORY.multipliedBy(2));
        assertEquals(Duration.ZERO, margin.learned());
        assertSame(SKEW, margin.forSkew(SKEW));
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CallMargin(ticker, Duration.ofSeconds(-1)));
    }

    @Test
    void itsTextShowsTheLearnedMarginAndTheCap() {
        attempt(Duration.ofSeconds(4));
        assertEquals("CallMargin[learned=PT5S, cap=PT1M]", margin.toString());
    }

    @Test
    void timesEveryAttemptOfAWindowUntilItIsBusyThenASample() {
        for (int i = 0; i < CallMargin.TIMED_IN_FULL; i++) {
            assertTrue(margin.timesNextAttempt(), "attempt " + i);
            attempt(Duration.ofMillis(10));
        }
        int timed = 0;
        for (int i = 0; i < 2_000; i++) {
            timed += margin.timesNextAttempt() ? 1 : 0;
        }
        assertEquals(2_000 / CallMargin.TIMED_ONE_IN, timed, "one in " + CallMargin.TIMED_ONE_IN + " timed");

        ticker.advance(CallMargin.MEMORY);
        attempt(Duration.ofMillis(10)); // the first attempt of the next window moves the memory on
        assertTrue(margin.timesNextAttempt(), "a new window is timed in full again");
    }

    @Test
    void anUntimedRejectionIsNamedSoInTheMessage() {
        Operation<String> op = Operation.query("Api.op", "query Op { op }").rootField("op").variables()
                .policy(CallPolicy.accessToken().replays(1)).returning(String.class);
        UnauthorizedException expired = new UnauthorizedException("HTTP 401: Token has expired.", 401, true, null);
        RejectedAttempts both = RejectedAttempts.after(RejectedAttempts.after(null, RejectedAttempts.NOT_TIMED),
                Duration.ofSeconds(3).toNanos());

        String message = both.surface(op, expired, margin).getMessage();
        assertTrue(message.contains("(the attempts took (not timed) and 3.0 s)"), message);
    }
}
