package dev.cognitosecured.runtime.internal.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long {@link DefaultSessionStore} holds refreshes back after failed ones: capped exponential
 * back-off with jitter. After the {@code n}-th failure in a row the next refresh may start after a
 * delay drawn evenly from {@code [c/2, c)}, where {@code c = min(CAP, FIRST × 2^(n−1))}: 0.5–1 s after
 * the first failure, 1–2 s after the second, … and 15–30 s from the sixth on. The jitter spreads the
 * sessions of many users (each store backs off on its own) so that they do not come back to Cognito
 * at the same instant; the lower half keeps every delay at least half its ceiling.
 */
public final class RefreshBackoff {

    /** The ceiling of the delay after the first failure. */
    public static final Duration FIRST = Duration.ofSeconds(1);

    /** The largest ceiling: refreshes of a session in an outage are at least 15 s apart. */
    public static final Duration CAP = Duration.ofSeconds(30);

    private final long first;
    private final long cap;
    private final DoubleSupplier random;

    /**
     * @param first the ceiling after the first failure
     * @param cap the largest ceiling
     * @param random uniform numbers in {@code [0, 1)}: the jitter
     */
    public RefreshBackoff(Duration first, Duration cap, DoubleSupplier random) {
        this.first = TokenState.nanos(first, "first");
        this.cap = TokenState.nanos(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (this.first <= 0 || this.cap < this.first) {
            throw new IllegalArgumentException("need 0 < first <= cap: " + first + ", " + cap);
        }
    }

    /** {@link #FIRST}, {@link #CAP}, and jitter from {@link ThreadLocalRandom}. */
    public static RefreshBackoff standard() {
        return new RefreshBackoff(FIRST, CAP, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The delay, in nanoseconds, before a refresh may start after {@code failures} failures in a row (≥ 1). */
    public long delayAfter(int failures) {
        long ceiling = first;
        for (int i = 1; i < failures && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        long floor = ceiling / 2;
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return floor + (long) (r * (ceiling - floor));
    }

    @Override
    public String toString() {
        return "RefreshBackoff[first=" + Duration.ofNanos(first) + ", cap=" + Duration.ofNanos(cap) + "]";
    }
}
