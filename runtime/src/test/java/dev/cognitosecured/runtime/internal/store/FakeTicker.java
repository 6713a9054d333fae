package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when a test moves it. */
public final class FakeTicker implements Ticker {

    private final AtomicLong now;

    /** A ticker reading {@code start}: any value, since only differences mean anything. */
    public FakeTicker(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long read() {
        return now.get();
    }

    /** Moves the ticker forward by {@code span}; the reading wraps around as {@link System#nanoTime()} may. */
    public void advance(Duration span) {
        now.addAndGet(span.toNanos());
    }

    /** Sets the reading to {@code reading} (tests only ever move it forward). */
    public void moveTo(long reading) {
        now.set(reading);
    }

    /** Moves the ticker forward by {@code nanos}. */
    public void advanceNanos(long nanos) {
        now.addAndGet(nanos);
    }
}
