package dev.cognitosecured.benchmarks.binding;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ratio of {@link BindingBenchmark}, measured so that a loaded machine moves it little: both
 * sides alternate in short batches (A B, B A, A B...), each batch is timed in CPU time of the calling
 * thread (time the thread spent off the CPU because other processes ran does not count), and the
 * figure is the median of the per-pair ratios with its interquartile range. A cross-check of the JMH
 * figures, not a replacement: JMH's averages are what the documentation's tables give.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.cognitosecured.benchmarks.binding.InterleavedBinding
 * [pairs] [previous]}: with {@code previous}, the side measured against plain JSON-B is the reader's
 * previous way ({@link BindingBenchmark#treeThenJsonb}) instead of the response reader.
 */
public final class InterleavedBinding {

    private static final int WARM_UP_CALLS = 400;
    private static final int BATCH = 10;

    private InterleavedBinding() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        boolean previous = args.length > 1 && args[1].equals("previous");
        PairedRatios ratios = measure(pairs, previous);
        new Figures(System.out).ratio("binding." + (previous ? "tree_then_jsonb" : "reader") + "_vs_jsonb", ratios);
    }

    /**
     * The ratio of the response reader (or, with {@code previous}, of the reader's previous way) to plain
     * JSON-B over {@code pairs} alternating pairs of batches.
     */
    public static PairedRatios measure(int pairs, boolean previous) {
        BindingBenchmark sides = new BindingBenchmark();
        Supplier<List<Todo>> measured = previous ? sides::treeThenJsonb : sides::responseReader;
        sides.setUp();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < WARM_UP_CALLS / BATCH; i++) {
                batch(threads, i % 2 == 0 ? measured : sides::plainJsonb);
            }
            double[] values = new double[pairs];
            double[] baselines = new double[pairs];
            for (int pair = 0; pair < pairs; pair++) {
                boolean measuredFirst = pair % 2 == 0;
                long first = batch(threads, measuredFirst ? measured : sides::plainJsonb);
                long second = batch(threads, measuredFirst ? sides::plainJsonb : measured);
                values[pair] = measuredFirst ? first : second;
                baselines[pair] = measuredFirst ? second : first;
            }
            return PairedRatios.of(values, baselines);
        } finally {
            sides.tearDownQuietly();
        }
    }

    /** The CPU time of one batch of one side, in nanoseconds. */
    private static long batch(ThreadMXBean threads, Supplier<List<Todo>> side) {
        long start = threads.getCurrentThreadCpuTime();
        int bound = 0;
        for (int i = 0; i < BATCH; i++) {
            bound += side.get().size();
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        if (bound != BATCH * LargeAnswer.TODOS) {
            throw new IllegalStateException("a side bound " + bound + " to-dos in a batch");
        }
        return cpu;
    }
}
