package dev.cognitosecured.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs JMH from code, its report going to a log file, and reads the scores back. */
final class JmhRuns {

    private final Path logs;

    JmhRuns(Path logs) {
        this.logs = logs;
    }

    /** Options for the benchmarks of {@code type}, logging to {@code <logs>/<log>.log}. */
    ChainedOptionsBuilder options(Class<?> type, String log) {
        return new OptionsBuilder()
                .include(type.getName().replace(".", "\\.") + "\\.")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(logs.resolve(log + ".log").toString())
                .jvmArgsAppend("-Xms1g", "-Xmx1g");
    }

    Scores run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        return new Scores(new ArrayList<>(results));
    }

    /** The results of one JMH run. */
    static final class Scores {
        private final List<RunResult> results;

        Scores(List<RunResult> results) {
            this.results = results;
        }

        /** The primary score of the benchmark method {@code method} with these parameters. */
        double score(String method, Map<String, String> params) {
            return find(method, params).getPrimaryResult().getScore();
        }

        /** The median of the primary result's samples (for single-shot benchmarks, of the single shots). */
        double median(String method, Map<String, String> params) {
            return find(method, params).getPrimaryResult().getStatistics().getPercentile(50);
        }

        /** A secondary score (a profiler's) whose label ends with {@code suffix}, if there is one. */
        @SuppressWarnings("rawtypes") // JMH's RunResult.getSecondaryResults() returns raw Results
        Optional<Double> secondary(String method, Map<String, String> params, String suffix) {
            RunResult result = find(method, params);
            for (var entry : result.getSecondaryResults().entrySet()) {
                if (entry.getKey().endsWith(suffix)) {
                    return Optional.of(entry.getValue().getScore());
                }
            }
            return Optional.empty();
        }

        private RunResult find(String method, Map<String, String> params) {
            for (RunResult result : results) {
                String benchmark = result.getParams().getBenchmark();
                if (!benchmark.endsWith("." + method)) {
                    continue;
                }
                boolean matches = params.entrySet().stream()
                        .allMatch(param -> param.getValue().equals(result.getParams().getParam(param.getKey())));
                if (matches) {
                    return result;
                }
            }
            throw new IllegalStateException("no JMH result for " + method + " " + params);
        }
    }
}
