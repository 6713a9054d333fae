package dev.cognitosecured.benchmarks.support;

/**
 * A ratio measured in pairs: each pair is a measurement of one side and of its baseline taken side by
 * side (one right after the other, or in the same round), so that a change in the machine's load
 * falls on both. Each pair gives one ratio; the figure is their median, and the interquartile range
 * of the ratios says how much they spread. A disturbance that hits one side of a few pairs moves
 * those pairs' ratios, not the median.
 *
 * @param pairs how many pairs
 * @param median the median of the pairs' ratios
 * @param lowerQuartile the first quartile of the ratios
 * @param upperQuartile the third quartile of the ratios
 */
public record PairedRatios(int pairs, double median, double lowerQuartile, double upperQuartile) {

    /** The ratios {@code values[i] / baselines[i]}, pair by pair. */
    public static PairedRatios of(double[] values, double[] baselines) {
        if (values.length != baselines.length) {
            throw new IllegalArgumentException(values.length + " values but " + baselines.length + " baselines");
        }
        double[] ratios = new double[values.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = values[i] / baselines[i];
        }
        return of(ratios);
    }

    /** Ratios already computed, one per pair. */
    public static PairedRatios of(double[] ratios) {
        Quantiles quantiles = Quantiles.of(ratios);
        return new PairedRatios(quantiles.count(), quantiles.at(0.5), quantiles.at(0.25), quantiles.at(0.75));
    }
}
