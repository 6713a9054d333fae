package dev.cognitosecured.benchmarks;

import dev.cognitosecured.benchmarks.binding.InterleavedBinding;
import dev.cognitosecured.benchmarks.boot.BootTimes;
import dev.cognitosecured.benchmarks.fastpath.FastPathBenchmark;
import dev.cognitosecured.benchmarks.fastpath.InterleavedFastPath;
import dev.cognitosecured.benchmarks.memory.MemoryFootprint;
import dev.cognitosecured.benchmarks.loopback.LoopbackThroughput;
import dev.cognitosecured.benchmarks.steady.SteadyState;
import dev.cognitosecured.benchmarks.storm.RefreshStorm;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints one line per figure, {@code bench: <name> <value> <unit>}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar quick|full [fastpath] [binding] [storm] [steady] [boot] [memory] [loopback]
 * </pre>
 *
 * With no part named, all run. Every ratio is measured in pairs, side by side, and printed as the
 * median of the pairs' ratios with their interquartile range (see {@link PairedRatios}). JMH's own
 * reports go to {@code bench-logs/} beside the jar (or the folder named by {@code -Dbench.logs=...}).
 */
public final class Main {

    private static final List<String> PARTS = List.of("fastpath", "binding", "storm", "steady", "boot", "memory", "loopback");

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /** Weld's informational lines would drown the figures; held here so that the setting is kept. */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("quick") || args[0].equals("full"))) {
            System.err.println("usage: java -jar benchmarks.jar quick|full [" + String.join("] [", PARTS) + "]");
            System.exit(2);
        }
        RunMode mode = RunMode.valueOf(args[0].toUpperCase(Locale.ROOT));
        Set<String> parts = new LinkedHashSet<>(args.length > 1 ? Arrays.asList(args).subList(1, args.length) : PARTS);
        if (!PARTS.containsAll(parts)) {
            System.err.println("unknown part in " + parts + "; the parts are " + PARTS);
            System.exit(2);
        }
        WELD_LOG.setLevel(Level.WARNING);
        // LocalCognito serves HTTP with the JDK's server, which leaves Nagle's algorithm on unless told;
        // with delayed ACKs that adds about 40 ms to every answer, which would swamp the refresh latency.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        Path logs = logFolder();
        Files.createDirectories(logs);

        Figures figures = new Figures(System.out);
        figures.note("mode " + mode.name().toLowerCase(Locale.ROOT) + ", JDK " + Runtime.version() + " ("
                + System.getProperty("java.vm.name") + "), " + Runtime.getRuntime().availableProcessors()
                + " processors, JMH logs in " + logs);
        long start = System.nanoTime();
        JmhRuns jmh = new JmhRuns(logs);
        for (String part : parts) {
            long partStart = System.nanoTime();
            switch (part) {
                case "fastpath" -> fastPath(jmh, mode, figures);
                case "binding" -> figures.ratio("binding.reader_vs_jsonb",
                        InterleavedBinding.measure(mode.bindingPairs, false));
                case "storm" -> new RefreshStorm(mode.storm).run(figures);
                case "steady" -> new SteadyState(mode.steady).run(figures);
                case "boot" -> boot(mode, figures);
                case "memory" -> new MemoryFootprint(mode.memorySessions).run(figures);
                case "loopback" -> new LoopbackThroughput(mode.loopback).run(figures);
                default -> throw new IllegalStateException(part);
            }
            figures.note(part + " took " + seconds(partStart) + " s");
        }
        figures.note("all took " + seconds(start) + " s");
        System.exit(0);
    }

    /** {@code -Dbench.logs}, else {@code bench-logs/} beside the jar (in {@code target/}), else in the working folder. */
    private static Path logFolder() throws URISyntaxException {
        String configured = System.getProperty("bench.logs");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path beside = Files.isRegularFile(code) ? code.getParent() : Path.of("");
        return beside.resolve("bench-logs").toAbsolutePath();
    }

    private static void fastPath(JmhRuns jmh, RunMode mode, Figures figures) throws Exception {
        InterleavedFastPath.Settings settings = mode.fastPath;
        figures.note("fastpath: " + settings.forks() + " JVMs x " + settings.rounds() + " rounds of the 3 clients in"
                + " alternation, " + settings.batchMillis() + " ms batches, timed by the thread's CPU time");
        InterleavedFastPath.Result result = InterleavedFastPath.measure(settings);
        Map<String, InterleavedFastPath.Client> clients = Map.of("generated", result.generated(),
                "handwritten", result.handWritten(), "reflective", result.reflective());
        for (String client : List.of("generated", "handwritten", "reflective")) {
            figures.add("fastpath." + client, clients.get(client).medianNanos(), "ns/op");
        }
        figures.ratio("fastpath.generated_vs_handwritten", result.generatedVsHandWritten());
        figures.ratio("fastpath.reflective_vs_generated", result.reflectiveVsGenerated());
        for (String client : List.of("generated", "handwritten", "reflective")) {
            figures.add("fastpath." + client + ".alloc", clients.get(client).bytesPerCall(), "B/op");
        }
        if (mode.fastPathJmh.isPresent()) {
            fastPathWithJmh(jmh, mode.fastPathJmh.get(), figures);
        }
    }

    /**
     * The same clients with JMH, one after the other (and the {@code operationVariables} diagnostic): a
     * cross-check of the absolute figures on a quiet machine. No ratio: those come from the alternation.
     */
    private static void fastPathWithJmh(JmhRuns jmh, RunMode.Jmh settings, Figures figures) throws Exception {
        JmhRuns.Scores scores = jmh.run(jmh.options(FastPathBenchmark.class, "fastpath")
                .forks(settings.forks())
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
                .measurementIterations(settings.measurements())
                .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
                .addProfiler(GCProfiler.class));
        Map<String, String> none = Map.of();
        for (String method : List.of("generated", "handWritten", "reflective", "operationVariables")) {
            String name = "fastpath.jmh." + (method.equals("operationVariables") ? "operation_variables" : method.toLowerCase(Locale.ROOT));
            figures.add(name, scores.score(method, none), "ns/op");
            scores.secondary(method, none, "gc.alloc.rate.norm").ifPresent(bytes -> figures.add(name + ".alloc", bytes, "B/op"));
        }
    }

    private static void boot(RunMode mode, Figures figures) throws Exception {
        RunMode.Boot settings = mode.boot;
        for (int clients : List.of(1, 10, 100)) {
            report(figures, "boot.cold.clients_" + clients, BootTimes.cold(clients, settings.coldPairs()));
        }
        for (int clients : List.of(1, 10, 100)) {
            report(figures, "boot.warm.clients_" + clients,
                    BootTimes.warm(clients, settings.warmups(), settings.warmStarts()));
        }
    }

    private static void report(Figures figures, String name, BootTimes.Pairs pairs) {
        figures.add(name + ".library", pairs.libraryMedian(), "ms");
        figures.add(name + ".without_library", pairs.withoutLibraryMedian(), "ms");
        figures.ratio(name + ".library_vs_without", pairs.ratios());
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
