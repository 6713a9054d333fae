package dev.cognitosecured.benchmarks.support;

import java.util.Arrays;

/**
 * Quantiles of a set of measurements, by linear interpolation between the two nearest ranks (the
 * method of most statistics packages' default, "type 7"): the quantile {@code q} of {@code n} sorted
 * values lies at position {@code q * (n - 1)}, counted from 0. The median of an even number of values
 * is the mean of the middle two.
 */
public final class Quantiles {

    private final double[] sorted;

    private Quantiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** The quantiles of {@code values} (copied). */
    public static Quantiles of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Quantiles(copy);
    }

    /** The median of {@code values}. */
    public static double median(double... values) {
        return of(values).at(0.5);
    }

    /** The quantile {@code fraction} (0 the smallest value, 1 the largest, 0.5 the median). */
    public double at(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
        }
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** How many values there are. */
    public int count() {
        return sorted.length;
    }
}
