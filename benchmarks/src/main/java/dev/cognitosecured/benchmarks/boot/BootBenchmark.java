package dev.cognitosecured.benchmarks.boot;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Weld SE container start, with 1, 10 or 100 clients, with the library (generated clients added by
 * its CDI extension, the pool's beans, configuration read at boot) and without it (the same
 * application with hand-written clients). Each invocation starts a container and makes the
 * application bean, which injects every client; the container is shut down outside the measurement.
 *
 * <p>These are warm starts with JMH, one configuration after the other, which drifts with the load
 * of a shared machine; the figures of the report come from {@link BootTimes}, which alternates the two
 * variants. For a cross-check on a quiet machine:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main BootBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BootBenchmark {

    @Param({"LIBRARY", "WITHOUT_LIBRARY"})
    public BootScenario.Variant variant;

    @Param({"1", "10", "100"})
    public int clients;

    /** Weld's informational lines, at every start, would fill the log; held so that the setting is kept. */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private BootScenario scenario;
    private WeldContainer container;

    @Setup(Level.Trial)
    public void prepare() {
        WELD_LOG.setLevel(java.util.logging.Level.WARNING);
        BootScenario.configure();
        scenario = BootScenario.of(variant, clients);
    }

    @Benchmark
    public WeldContainer boot() {
        container = scenario.start();
        return container;
    }

    @TearDown(Level.Invocation)
    public void shutDown() {
        if (container != null) {
            container.shutdown();
            container = null;
        }
    }
}
