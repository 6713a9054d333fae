package dev.cognitosecured.it.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls a workload made: how many succeeded, and how many failed with which exception
 * (keeping the first of each kind, for the message of a failing assertion). Thread-safe.
 */
public final class CallTally {

    private final LongAdder succeeded = new LongAdder();
    private final Map<Class<?>, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<Class<?>, Throwable> firstFailures = new ConcurrentHashMap<>();

    /** Runs one call and counts its outcome. */
    public void run(Runnable call) {
        try {
            call.run();
            succeeded();
        } catch (RuntimeException | AssertionError e) {
            failed(e);
        }
    }

    public void succeeded() {
        succeeded.increment();
    }

    /** Counts a failure; a {@link CompletionException} counts as its cause. */
    public void failed(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        failures.computeIfAbsent(cause.getClass(), type -> new AtomicLong()).incrementAndGet();
        firstFailures.putIfAbsent(cause.getClass(), cause);
    }

    public long succeededCount() {
        return succeeded.sum();
    }

    /** How many calls failed with exactly {@code type}. */
    public long failedWith(Class<? extends Throwable> type) {
        AtomicLong count = failures.get(type);
        return count == null ? 0 : count.get();
    }

    public long failedCount() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long calls() {
        return succeededCount() + failedCount();
    }

    /** The first failure of {@code type}, if any, to see its stack trace. */
    public java.util.Optional<Throwable> firstFailure(Class<? extends Throwable> type) {
        return java.util.Optional.ofNullable(firstFailures.get(type));
    }

    /** The failures by exception, with the first message of each, for assertion messages. */
    public String describeFailures() {
        Map<String, String> described = new TreeMap<>();
        failures.forEach((type, count) -> described.put(type.getSimpleName(),
                count.get() + " (first: " + firstFailures.get(type) + ")"));
        return described.toString();
    }

    @Override
    public String toString() {
        return "CallTally[succeeded=" + succeededCount() + ", failed=" + describeFailures() + "]";
    }
}
