package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when told to: expiry without waiting for it. Thread-safe. */
public final class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
        return nanos.get();
    }

    /** Moves the ticker forward by {@code duration}. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public String toString() {
        return "ManualTicker[" + nanos.get() + " ns]";
    }
}
