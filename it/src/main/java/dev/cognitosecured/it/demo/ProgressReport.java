package dev.cognitosecured.it.demo;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints one progress line a second while the callers call; {@link #close()} stops it. */
public final class ProgressReport implements AutoCloseable {

    private final PrintStream out;
    private final CallCounts counts;
    private final WaitingCallers waitingCallers;
    private final ObservedCounts observed;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-progress");
        thread.setDaemon(true);
        return thread;
    });

    private ProgressReport(PrintStream out, CallCounts counts, WaitingCallers waitingCallers, ObservedCounts observed) {
        this.out = Objects.requireNonNull(out, "out");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.waitingCallers = Objects.requireNonNull(waitingCallers, "waitingCallers");
        this.observed = Objects.requireNonNull(observed, "observed");
    }

    /** Starts printing, the first line a second from now. */
    public static ProgressReport start(PrintStream out, CallCounts counts, WaitingCallers waitingCallers,
            ObservedCounts observed) {
        ProgressReport report = new ProgressReport(out, counts, waitingCallers, observed);
        report.timer.scheduleAtFixedRate(report::print, 1, 1, TimeUnit.SECONDS);
        return report;
    }

    private void print() {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        StringBuilder line = new StringBuilder(String.format("[%4ds] calls=%d refreshes=%d", elapsed, counts.calls(),
                observed.refreshes()));
        observed.serverUnauthorized().ifPresent(count -> line.append(" server_401s=").append(count));
        line.append(" unauthorized_surfaced=").append(counts.unauthorizedSurfaced())
                .append(" blocked_callers=").append(waitingCallers.blockedCalls());
        if (counts.otherFailures() > 0) {
            line.append(" other_failures=").append(counts.otherFailures());
        }
        out.println(line);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
