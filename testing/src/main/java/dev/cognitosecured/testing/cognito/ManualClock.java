package dev.cognitosecured.testing.cognito;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when the test moves it. Give the same clock to {@link LocalCognito} (it stamps
 * tokens, expires sessions and codes by it) and to the code under test, then {@link #advance(Duration)}
 * instead of sleeping.
 *
 * <p>{@link #nanoTime()} reads the same time as a monotonic counter, for code that measures durations the way
 * {@link System#nanoTime()} does ({@code clock::nanoTime} fits a {@code LongSupplier}-shaped ticker).
 * Thread-safe.
 */
public final class ManualClock implements InstantSource {

    private final AtomicReference<Instant> now;

    private ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * {@return a clock standing at {@code start}}
     *
     * @param start the clock's first time
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward by {@code duration}.
     *
     * @param duration how far; not negative
     * @return the new time
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Moves the clock to {@code instant}, which must not be earlier than now.
     *
     * @param instant the new time
     * @throws IllegalArgumentException if {@code instant} is earlier than now
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a clock only moves forward: " + instant + " is before " + t);
            }
            return instant;
        });
    }

    /** {@return the time as nanoseconds since the epoch; only differences between two readings matter} */
    public long nanoTime() {
        Instant t = now.get();
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
