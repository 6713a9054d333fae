package dev.cognitosecured.testing.graphql;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long {@link LocalGraphQL} waits before it answers each request: nothing, a fixed delay, or a
 * delay drawn uniformly from a range. The server waits before it checks the token (the delay is on
 * its side, in its own threads), so tests see real concurrency; they should still assert outcomes,
 * never timings. It sleeps, unless the server was given another {@link LatencyWait} (one that waits
 * for a test's manual clock to move).
 *
 * @param min the shortest delay
 * @param max the longest delay, not shorter than {@code min}
 */
public record Latency(Duration min, Duration max) {

    /**
     * A latency between {@code min} and {@code max}.
     *
     * @param min the shortest delay
     * @param max the longest delay, not shorter than {@code min}
     * @throws IllegalArgumentException if a bound is negative or {@code max} is shorter than {@code min}
     */
    public Latency {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative: " + min + ".." + max);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the longest latency " + max + " is shorter than the shortest " + min);
        }
    }

    /** {@return no delay (the default)} */
    public static Latency none() {
        return new Latency(Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@return the same delay before every answer}
     *
     * @param delay the delay; not negative
     */
    public static Latency fixed(Duration delay) {
        return new Latency(delay, delay);
    }

    /**
     * {@return a delay drawn uniformly from {@code [min, max]} for each request}
     *
     * @param min the shortest delay; not negative
     * @param max the longest delay, not shorter than {@code min}
     */
    public static Latency between(Duration min, Duration max) {
        return new Latency(min, max);
    }

    /** The delay for the next request. */
    Duration next() {
        if (min.equals(max)) {
            return min;
        }
        long nanos = ThreadLocalRandom.current().nextLong(min.toNanos(), max.toNanos() + 1);
        return Duration.ofNanos(nanos);
    }
}
