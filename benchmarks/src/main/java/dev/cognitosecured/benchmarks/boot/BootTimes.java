package dev.cognitosecured.benchmarks.boot;

import dev.cognitosecured.benchmarks.support.ChildJvm;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import dev.cognitosecured.benchmarks.support.Quantiles;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Container start times, with and without the library, always measured in alternation and in pairs
 * (the ratio of a pair is that of two starts one right after the other), so that a change in the
 * machine's load (this machine is shared) falls on both alike:
 *
 * <ul>
 *   <li><b>cold</b>: the first start in a new JVM, what an application's users wait for. Each start
 *       runs in a JVM of its own, alternately with and without the library;</li>
 *   <li><b>warm</b>: many starts in one new JVM, after as many warm-up starts, alternating with and
 *       without the library (and which of the two goes first) from one start to the next. This is
 *       the library's own start-up work with the class loading and JIT compilation gone, so the
 *       difference shows more, relatively, than in a cold start.</li>
 * </ul>
 *
 * <p>{@link BootBenchmark} measures warm starts with JMH, one configuration after the other, for a
 * cross-check on a quiet machine.
 */
public final class BootTimes {

    private static final String PREFIX = "boot-ms ";
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private BootTimes() {
    }

    /**
     * Start times in milliseconds, with and without the library, pair by pair: {@code library[i]} and
     * {@code withoutLibrary[i]} were measured one right after the other.
     */
    public record Pairs(double[] library, double[] withoutLibrary) {

        /** The median start time with the library. */
        public double libraryMedian() {
            return Quantiles.median(library);
        }

        /** The median start time without the library. */
        public double withoutLibraryMedian() {
            return Quantiles.median(withoutLibrary);
        }

        /** Each pair's ratio, with over without the library. */
        public PairedRatios ratios() {
            return PairedRatios.of(library, withoutLibrary);
        }
    }

    /**
     * In a new JVM: {@code cold <variant> <clients>} prints the first start's milliseconds;
     * {@code warm <clients> <warm-ups> <starts>} prints the milliseconds of each measured start, as
     * pairs: with the library, then without.
     */
    public static void main(String[] args) {
        WELD_LOG.setLevel(Level.WARNING);
        BootScenario.configure();
        if (args[0].equals("cold")) {
            System.out.println(PREFIX + format(startOnce(BootScenario.of(
                    BootScenario.Variant.valueOf(args[1]), Integer.parseInt(args[2])))));
            return;
        }
        int clients = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int starts = Integer.parseInt(args[3]);
        BootScenario library = BootScenario.of(BootScenario.Variant.LIBRARY, clients);
        BootScenario without = BootScenario.of(BootScenario.Variant.WITHOUT_LIBRARY, clients);
        for (int i = 0; i < warmups + starts; i++) {
            double withLibrary;
            double withoutLibrary;
            if (i % 2 == 0) {
                withLibrary = startOnce(library);
                withoutLibrary = startOnce(without);
            } else {
                withoutLibrary = startOnce(without);
                withLibrary = startOnce(library);
            }
            if (i >= warmups) {
                System.out.println(PREFIX + format(withLibrary) + " " + format(withoutLibrary));
            }
        }
    }

    /** {@code pairs} cold starts with the library and as many without, alternately, each in a new JVM. */
    public static Pairs cold(int clients, int pairs) throws IOException, InterruptedException {
        double[] library = new double[pairs];
        double[] without = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            library[i] = jvm("cold", BootScenario.Variant.LIBRARY.name(), Integer.toString(clients)).get(0)[0];
            without[i] = jvm("cold", BootScenario.Variant.WITHOUT_LIBRARY.name(), Integer.toString(clients)).get(0)[0];
        }
        return new Pairs(library, without);
    }

    /** {@code starts} warm starts each way, after {@code warmups}, in pairs, in one new JVM. */
    public static Pairs warm(int clients, int warmups, int starts) throws IOException, InterruptedException {
        List<double[]> pairs = jvm("warm", Integer.toString(clients), Integer.toString(warmups), Integer.toString(starts));
        return new Pairs(pairs.stream().mapToDouble(pair -> pair[0]).toArray(),
                pairs.stream().mapToDouble(pair -> pair[1]).toArray());
    }

    private static List<double[]> jvm(String... args) throws IOException, InterruptedException {
        return ChildJvm.run(BootTimes.class, PREFIX, args);
    }

    private static double startOnce(BootScenario scenario) {
        long start = System.nanoTime();
        WeldContainer container = scenario.start();
        long took = System.nanoTime() - start;
        container.shutdown();
        return took / 1e6;
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
