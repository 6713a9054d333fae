package dev.cognitosecured.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
