package dev.cognitosecured.benchmarks.support;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The figures of one run, each printed as it is known, one line each: {@code bench: <name> <value> <unit>}
 * (a ratio adds its pairs and their spread in parentheses).
 * Notes (what was skipped and why) are printed as lines starting with {@code #}.
 */
public final class Figures {

    private final PrintStream out;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public Figures(PrintStream out) {
        this.out = out;
    }

    /** A figure with three significant digits (at least), e.g. {@code 25.3 ns/op} or {@code 1.02 ratio}. */
    public void add(String name, double value, String unit) {
        print("bench: " + name + " " + format(value) + " " + unit);
    }

    /** A count, e.g. {@code 1 refreshes}. */
    public void count(String name, long value, String unit) {
        print("bench: " + name + " " + value + " " + unit);
    }

    /**
     * A ratio measured in pairs: the median of the pairs' ratios, then how many pairs and the
     * interquartile range of their ratios, e.g. {@code 1.01 ratio (pairs 12, IQR 0.970-1.04)}.
     */
    public void ratio(String name, PairedRatios ratios) {
        print("bench: " + name + " " + format(ratios.median()) + " ratio (pairs " + ratios.pairs() + ", IQR "
                + format(ratios.lowerQuartile()) + "-" + format(ratios.upperQuartile()) + ")");
    }

    /** A line that is not a figure: why something was skipped, what a figure means. */
    public void note(String text) {
        print("# " + text);
    }

    /** Every line printed so far, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    private void print(String line) {
        lines.add(line);
        out.println(line);
        out.flush();
    }

    /** Three significant digits, trailing zeros kept ({@code 1.00}, {@code 0.0600}), whole numbers from 100 up. */
    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // the digits of the value as rounded, so that 0.99996 prints as 1.00, not 1.000
        double rounded = new BigDecimal(value).round(new MathContext(3)).doubleValue();
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(rounded))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
