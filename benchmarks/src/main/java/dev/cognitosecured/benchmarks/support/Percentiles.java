package dev.cognitosecured.benchmarks.support;

import java.util.Arrays;

/** Percentiles of a set of samples, by the nearest-rank method. */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The percentiles of {@code samples} (copied). */
    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The smallest sample that at least {@code percent} % of the samples do not exceed. */
    public long at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
