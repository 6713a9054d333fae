package dev.cognitosecured.benchmarks.fastpath;

import dev.cognitosecured.benchmarks.support.ChildJvm;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import dev.cognitosecured.benchmarks.support.Quantiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fast path's three clients measured in alternation, so that their ratios hold on a machine whose
 * load changes. JMH measures one benchmark after the other, and a ratio of two such scores is as much
 * the ratio of the machine's load at two moments as of the clients (2.33 on a busy machine, 0.88 on a
 * quiet one minutes later). Here, in a new JVM, the three clients of {@link FastPathBenchmark} run in
 * rounds of three batches of the same number of calls, one batch per client, which client goes first
 * rotating from round to round; a round lasts some tenths of a second, so a change of load falls on
 * all three. Each round gives one ratio of each pair, and the figure is the median of those ratios.
 *
 * <p>A batch is timed by the measuring thread's CPU time, not by the wall clock: the time the thread
 * spends descheduled while other processes run is not the client's cost, and on a busy machine it
 * dominates the wall-clock time of a batch (with a load average of 8 to 10 on two cores the rounds'
 * generated/hand-written ratios spread over 0.84-1.62 by the wall clock, 0.99-1.05 by CPU time, in
 * the same run). A collection's pause is not in the thread's CPU time either; what the clients
 * allocate is reported beside, in bytes per call. Absolute figures are CPU nanoseconds per call;
 * caches and frequency shared with other processes still slow them on a busy machine.
 *
 * <p>Each client has its own loop (a lambda of its own), so its call site sees one class only, as in
 * JMH's generated loop; results go to a JMH {@link Blackhole}. The batch length is set after the
 * warm-up so that a batch of the hand-written client takes {@code batchMillis} of CPU time.
 * Allocation per call comes from the thread's allocated-bytes counter (the median over the rounds).
 */
public final class InterleavedFastPath {

    /** How a run is sized: new JVMs, warm-up seconds, measured rounds per JVM and the batch length. */
    public record Settings(int forks, int warmupSeconds, int rounds, int batchMillis) {
    }

    /** CPU nanoseconds per call of one client, round by round, and its bytes per call. */
    public record Client(double[] nanosPerCall, double bytesPerCall) {

        /** The median of the rounds' CPU nanoseconds per call. */
        public double medianNanos() {
            return Quantiles.median(nanosPerCall);
        }
    }

    /** The three clients' measurements; index {@code i} of each is the same round. */
    public record Result(Client generated, Client handWritten, Client reflective) {

        /** Generated over hand-written, round by round. */
        public PairedRatios generatedVsHandWritten() {
            return PairedRatios.of(generated.nanosPerCall(), handWritten.nanosPerCall());
        }

        /** Reflective over generated, round by round. */
        public PairedRatios reflectiveVsGenerated() {
            return PairedRatios.of(reflective.nanosPerCall(), generated.nanosPerCall());
        }
    }

    private static final String ROUND = "fastpath-round ";
    private static final int CLIENTS = 3;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A batch of calls of one client. */
    @FunctionalInterface
    private interface Batch {
        void call(int times);
    }

    private InterleavedFastPath() {
    }

    /** Measures in {@code settings.forks()} new JVMs, one after the other, and joins their rounds. */
    public static Result measure(Settings settings) throws IOException, InterruptedException {
        List<double[]> rounds = new ArrayList<>();
        for (int fork = 0; fork < settings.forks(); fork++) {
            rounds.addAll(ChildJvm.run(InterleavedFastPath.class, ROUND, Integer.toString(settings.warmupSeconds()),
                    Integer.toString(settings.rounds()), Integer.toString(settings.batchMillis())));
        }
        return new Result(client(rounds, 0), client(rounds, 1), client(rounds, 2));
    }

    private static Client client(List<double[]> rounds, int index) {
        return new Client(rounds.stream().mapToDouble(round -> round[index]).toArray(),
                Quantiles.median(rounds.stream().mapToDouble(round -> round[CLIENTS + index]).toArray()));
    }

    /**
     * In the new JVM: {@code <warm-up seconds> <rounds> <batch millis>}. Prints one line per round: the
     * CPU nanoseconds per call of the generated, hand-written and reflective client, then their bytes per call.
     */
    public static void main(String[] args) {
        int warmupSeconds = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int batchMillis = Integer.parseInt(args[2]);
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not measure a thread's CPU time");
        }

        FastPathBenchmark benchmark = new FastPathBenchmark();
        benchmark.setUp();
        Blackhole hole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Batch[] clients = {
            times -> {
                for (int i = 0; i < times; i++) {
                    hole.consume(benchmark.generated());
                }
            },
            times -> {
                for (int i = 0; i < times; i++) {
                    hole.consume(benchmark.handWritten());
                }
            },
            times -> {
                for (int i = 0; i < times; i++) {
                    hole.consume(benchmark.reflective());
                }
            },
        };

        int calls = 10_000;
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        double handWrittenNanos = 0;
        for (int round = 0; System.nanoTime() < warmupEnd; round++) {
            handWrittenNanos = round(clients, round, calls)[1];
        }
        calls = (int) Math.max(1_000, TimeUnit.MILLISECONDS.toNanos(batchMillis) / handWrittenNanos);
        for (int round = 0; round < rounds; round++) {
            System.out.println(ROUND + format(round(clients, round, calls)));
        }
        benchmark.checkNoRefresh();
    }

    /**
     * One round: {@code calls} calls of each client, the first client rotating with {@code round}.
     *
     * @return the CPU nanoseconds per call of each client, then the bytes each allocated per call
     */
    private static double[] round(Batch[] clients, int round, int calls) {
        double[] perCall = new double[2 * CLIENTS];
        for (int k = 0; k < CLIENTS; k++) {
            int client = (round + k) % CLIENTS;
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            clients[client].call(calls);
            perCall[client] = (THREADS.getCurrentThreadCpuTime() - cpu) / (double) calls;
            perCall[CLIENTS + client] = (THREADS.getCurrentThreadAllocatedBytes() - bytes) / (double) calls;
        }
        return perCall;
    }

    private static String format(double[] values) {
        StringBuilder line = new StringBuilder();
        for (double value : values) {
            line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", value));
        }
        return line.toString();
    }
}
