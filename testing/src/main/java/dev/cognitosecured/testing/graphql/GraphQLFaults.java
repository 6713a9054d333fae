package dev.cognitosecured.testing.graphql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults a test injected into a {@link LocalGraphQL}; each request takes the first that has uses left. */
final class GraphQLFaults {

    private static final int FOREVER = -1;

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    void add(GraphQLFault fault, int times) {
        rules.add(new Rule(Objects.requireNonNull(fault, "fault"), new AtomicInteger(times)));
    }

    void addForever(GraphQLFault fault) {
        add(fault, FOREVER);
    }

    void clear() {
        rules.clear();
    }

    /** The fault for the request arriving now, if any; uses it up once. */
    Optional<GraphQLFault> take() {
        for (Rule rule : rules) {
            if (rule.tryUse()) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private record Rule(GraphQLFault fault, AtomicInteger remaining) {
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
