package dev.cognitosecured.benchmarks;

import dev.cognitosecured.benchmarks.fastpath.InterleavedFastPath;
import dev.cognitosecured.benchmarks.loopback.LoopbackThroughput;
import dev.cognitosecured.benchmarks.steady.SteadyState;
import dev.cognitosecured.benchmarks.storm.RefreshStorm;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long each part runs: {@link #QUICK} for a check in under five minutes on two cores,
 * {@link #FULL} for the results table.
 */
enum RunMode {
    QUICK(
            new InterleavedFastPath.Settings(2, 4, 40, 100),
            Optional.empty(),
            20,
            new Boot(4, 30, 40),
            new RefreshStorm.Settings(List.of(10, 100, 1000), 10_000, 3, 20, Duration.ofMillis(20)),
            new SteadyState.Settings(Duration.ofMinutes(5), 20, Duration.ofSeconds(1), 4, 10),
            5_000,
            new LoopbackThroughput.Settings(8, 1000, 1)),
    FULL(
            new InterleavedFastPath.Settings(4, 10, 150, 100),
            Optional.of(new Jmh(3, 5, 2, 10, 2)),
            80,
            new Boot(15, 100, 200),
            new RefreshStorm.Settings(List.of(10, 100, 1000), 10_000, 20, 100, Duration.ofMillis(20)),
            new SteadyState.Settings(Duration.ofHours(1), 20, Duration.ofSeconds(1), 4, 10),
            20_000,
            new LoopbackThroughput.Settings(30, 2000, 2));

    /** The fast path's clients in alternation: every fast-path figure and ratio. */
    final InterleavedFastPath.Settings fastPath;
    /** The fast path with JMH, one client after the other: a cross-check of the absolute figures. */
    final Optional<Jmh> fastPathJmh;
    /** How many alternating pairs of batches bind the 1 MB answer (response reader, plain JSON-B). */
    final int bindingPairs;
    final Boot boot;
    final RefreshStorm.Settings storm;
    final SteadyState.Settings steady;
    final int memorySessions;
    /** Calls per second over loopback HTTP with 20 callers: rounds of one slice per client. */
    final LoopbackThroughput.Settings loopback;

    RunMode(InterleavedFastPath.Settings fastPath, Optional<Jmh> fastPathJmh, int bindingPairs, Boot boot,
            RefreshStorm.Settings storm, SteadyState.Settings steady, int memorySessions,
            LoopbackThroughput.Settings loopback) {
        this.loopback = loopback;
        this.fastPath = fastPath;
        this.fastPathJmh = fastPathJmh;
        this.bindingPairs = bindingPairs;
        this.boot = boot;
        this.storm = storm;
        this.steady = steady;
        this.memorySessions = memorySessions;
    }

    /** JMH iterations for a time-based benchmark: forks, warm-up and measurement counts and seconds. */
    record Jmh(int forks, int warmups, int warmupSeconds, int measurements, int measurementSeconds) {
    }

    /**
     * The boot benchmark, per number of clients: cold starts (pairs of new JVMs, one with the library and
     * one without) and warm starts (in one new JVM, pairs of warm-up starts, then pairs measured).
     */
    record Boot(int coldPairs, int warmups, int warmStarts) {
    }
}
