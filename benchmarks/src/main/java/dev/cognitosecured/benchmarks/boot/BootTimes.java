package dev.cognitosecured.benchmarks.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Container start times, with and without the library, always measured in alternation so that a
 * change in the machine's load (this machine is shared) falls on both alike:
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

    /** Median start times in milliseconds, with and without the library. */
    public record Medians(double library, double withoutLibrary) {
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

    /** The medians of {@code pairs} cold starts with the library and as many without, alternately. */
    public static Medians cold(int clients, int pairs) throws IOException, InterruptedException {
        double[] library = new double[pairs];
        double[] without = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            library[i] = jvm("cold", BootScenario.Variant.LIBRARY.name(), Integer.toString(clients)).get(0)[0];
            without[i] = jvm("cold", BootScenario.Variant.WITHOUT_LIBRARY.name(), Integer.toString(clients)).get(0)[0];
        }
        return new Medians(median(library), median(without));
    }

    /** The medians of {@code starts} warm starts each, after {@code warmups}, in one new JVM. */
    public static Medians warm(int clients, int warmups, int starts) throws IOException, InterruptedException {
        List<double[]> pairs = jvm("warm", Integer.toString(clients), Integer.toString(warmups), Integer.toString(starts));
        return new Medians(median(pairs.stream().mapToDouble(pair -> pair[0]).toArray()),
                median(pairs.stream().mapToDouble(pair -> pair[1]).toArray()));
    }

    private static double startOnce(BootScenario scenario) {
        long start = System.nanoTime();
        WeldContainer container = scenario.start();
        long took = System.nanoTime() - start;
        container.shutdown();
        return took / 1e6;
    }

    /** Runs {@link #main} with {@code args} in a new JVM; the numbers of each line it printed. */
    private static List<double[]> jvm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"), BootTimes.class.getName()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<double[]> results = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(PREFIX)) {
                    results.add(Arrays.stream(line.substring(PREFIX.length()).split(" "))
                            .mapToDouble(Double::parseDouble).toArray());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || results.isEmpty()) {
            throw new IllegalStateException("boot measurement " + String.join(" ", args) + " failed (exit " + exit
                    + "):\n" + output);
        }
        return results;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
