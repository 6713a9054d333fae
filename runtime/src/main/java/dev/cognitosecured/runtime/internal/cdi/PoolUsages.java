package dev.cognitosecured.runtime.internal.cdi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The user pools the deployment uses, found at its injection points. A pool injected by the
 * application must be configured at boot; a pool only referenced by generated clients that nothing
 * injects still gets its beans, which report missing configuration when first created. Safe for
 * the concurrent delivery of container events.
 */
final class PoolUsages {

    private final Map<String, Usage> byPool = new ConcurrentHashMap<>();

    /** A pool that a generated client is written against. */
    void referencedByClient(String pool) {
        usage(pool);
    }

    /**
     * A pool that the application injects.
     *
     * @param injectionPoint where, e.g. {@code com.example.TodoService.todos}
     * @param graphqlNeeded whether the injected bean sends GraphQL operations
     */
    void injected(String pool, String injectionPoint, boolean graphqlNeeded) {
        Usage usage = usage(pool);
        usage.injectionPoints.add(injectionPoint);
        if (graphqlNeeded) {
            usage.graphqlInjectionPoints.add(injectionPoint);
        }
    }

    /** Every pool in use, by name. */
    Map<String, Usage> byPool() {
        return new TreeMap<>(byPool);
    }

    private Usage usage(String pool) {
        return byPool.computeIfAbsent(Objects.requireNonNull(pool, "pool"), Usage::new);
    }

    /** How one pool is used. */
    static final class Usage {
        private final String pool;
        private final Set<String> injectionPoints = new ConcurrentSkipListSet<>();
        private final Set<String> graphqlInjectionPoints = new ConcurrentSkipListSet<>();

        private Usage(String pool) {
            this.pool = pool;
        }

        String pool() {
            return pool;
        }

        /** Whether the application injects the pool's beans, so that its keys must be set at boot. */
        boolean requiredAtBoot() {
            return !injectionPoints.isEmpty();
        }

        /** Whether the application injects a bean that sends GraphQL operations. */
        boolean graphqlNeeded() {
            return !graphqlInjectionPoints.isEmpty();
        }

        /** Where the application injects the pool's beans, sorted. */
        List<String> injectionPoints() {
            return List.copyOf(injectionPoints);
        }
    }
}
