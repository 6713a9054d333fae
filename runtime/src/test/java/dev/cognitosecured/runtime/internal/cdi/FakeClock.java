package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Replaces the monotonic clock for every pool ({@code @Default}); moves only when told. */
@ApplicationScoped
public class FakeClock implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
