package dev.cognitosecured.testing.cognito;

import dev.cognitosecured.testing.cognito.internal.RequestInterceptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests per action and applies the faults a test injected. */
final class FaultInjector implements RequestInterceptor {

    private static final int FOREVER = -1;

    private final Map<Action, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Action, List<Rule>> rules = new ConcurrentHashMap<>();

    void add(Action action, Fault fault, int times) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fault, "fault");
        rules.computeIfAbsent(action, a -> new CopyOnWriteArrayList<>()).add(new Rule(fault, new AtomicInteger(times)));
    }

    void addForever(Action action, Fault fault) {
        add(action, fault, FOREVER);
    }

    void clear() {
        rules.clear();
    }

    long count(Action action) {
        AtomicLong count = counts.get(action);
        return count == null ? 0 : count.get();
    }

    void resetCounts() {
        counts.clear();
    }

    @Override
    public Interception before(String wireName) throws InterruptedException {
        Optional<Action> known = Action.ofWireName(wireName);
        if (known.isEmpty()) {
            return Interception.PROCEED;
        }
        Action action = known.get();
        counts.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
        Optional<Fault> fault = take(action);
        if (fault.isEmpty()) {
            return Interception.PROCEED;
        }
        Fault f = fault.get();
        if (f instanceof Fault.Delay delay) {
            Thread.sleep(delay.duration().toMillis());
            return Interception.PROCEED;
        } else if (f instanceof Fault.Hold hold) {
            hold.gate().pass();
            return Interception.PROCEED;
        } else if (f instanceof Fault.Throttling) {
            return Interception.THROTTLE;
        } else if (f instanceof Fault.ServerError) {
            return Interception.SERVER_ERROR;
        } else if (f instanceof Fault.ServiceUnavailable) {
            return Interception.SERVICE_UNAVAILABLE;
        } else if (f instanceof Fault.ResetMidResponse) {
            return Interception.RESET_MID_RESPONSE;
        } else if (f instanceof Fault.Silent) {
            new CountDownLatch(1).await(); // until the server closes and interrupts this thread
            return Interception.CLOSE_CONNECTION;
        } else {
            return Interception.CLOSE_CONNECTION;
        }
    }

    private Optional<Fault> take(Action action) {
        List<Rule> forAction = rules.get(action);
        if (forAction == null) {
            return Optional.empty();
        }
        for (Rule rule : forAction) {
            if (rule.tryUse()) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private record Rule(Fault fault, AtomicInteger remaining) {
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
