package dev.cognitosecured.testing.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a test injected into a stand-in, in the order it injected them: each request takes the
 * first that has uses left. Thread-safe.
 *
 * @param <F> the stand-in's kind of fault
 */
public final class FaultRules<F> {

    private static final int FOREVER = -1;

    private final List<Rule<F>> rules = new CopyOnWriteArrayList<>();

    /** Adds {@code fault} for the next {@code times} requests that reach it. */
    public void add(F fault, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        rules.add(new Rule<>(Objects.requireNonNull(fault, "fault"), new AtomicInteger(times)));
    }

    /** Adds {@code fault} for every request that reaches it, until {@link #clear()}. */
    public void addForever(F fault) {
        rules.add(new Rule<>(Objects.requireNonNull(fault, "fault"), new AtomicInteger(FOREVER)));
    }

    /** Removes every fault. */
    public void clear() {
        rules.clear();
    }

    /** The fault for the request arriving now, if any; uses it up once. */
    public Optional<F> take() {
        for (Rule<F> rule : rules) {
            if (rule.tryUse()) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private record Rule<F>(F fault, AtomicInteger remaining) {
        boolean tryUse() {
            while (true) {
                int left = remaining.get();
                if (left == FOREVER) {
                    return true;
                }
                if (left == 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }
    }
}
