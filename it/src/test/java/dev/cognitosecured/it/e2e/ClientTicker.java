package dev.cognitosecured.it.e2e;

import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's monotonic clock, driven by the test's {@link ManualClock}: it moves exactly as
 * the stand-ins' clock does, from a reading offset by a constant (a monotonic clock's readings mean
 * nothing on their own, only their differences do).
 *
 * <p>{@link #advanceClockAfterNextRead} moves the shared clock right after the application's next
 * reading, which lets a test put time between the instant a caller took its token and the instant the
 * server checks it, deterministically.
 */
public final class ClientTicker implements Ticker {

    private final ManualClock clock;
    private final long offsetNanos;
    private final AtomicReference<Duration> afterNextRead = new AtomicReference<>();

    private ClientTicker(ManualClock clock, Duration offset) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.offsetNanos = offset.toNanos();
    }

    /** A ticker that reads {@code clock}. */
    public static ClientTicker following(ManualClock clock) {
        return new ClientTicker(clock, Duration.ZERO);
    }

    /** A ticker that reads {@code clock} plus {@code offset}. */
    public static ClientTicker offsetFrom(ManualClock clock, Duration offset) {
        return new ClientTicker(clock, offset);
    }

    @Override
    public long read() {
        long reading = clock.nanoTime() + offsetNanos;
        Duration pending = afterNextRead.getAndSet(null);
        if (pending != null) {
            clock.advance(pending);
        }
        return reading;
    }

    /** Moves the shared clock by {@code duration} just after the next reading (which still reads the time before). */
    public void advanceClockAfterNextRead(Duration duration) {
        afterNextRead.set(Objects.requireNonNull(duration, "duration"));
    }

    @Override
    public String toString() {
        return "ClientTicker[" + clock + ", offset=" + Duration.ofNanos(offsetNanos) + "]";
    }
}
