package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import jakarta.enterprise.inject.Instance;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the application's replacement for a part of a pool ({@code IdentityProvider},
 * {@code GraphQLTransport}, {@code Ticker}): a bean of that type qualified {@code @AuthFlow(pool)},
 * else one with the {@code @Default} qualifier, which then serves every pool. The JAX-RS
 * {@code Client} is taken only with {@code @AuthFlow(pool)} ({@link #findForPool}).
 */
final class ReplaceableParts {

    private final Instance<Object> lookup;
    private final String pool;

    /**
     * @param lookup where to look, owned by the bean that uses the parts (dependent replacements
     *     are destroyed with it)
     */
    ReplaceableParts(Instance<Object> lookup, String pool) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /**
     * The application's bean of {@code type} for this pool, if it has one.
     *
     * @throws jakarta.enterprise.inject.AmbiguousResolutionException if it has several
     */
    <T> Optional<T> find(Class<T> type) {
        Instance<T> forPool = lookup.select(type, AuthFlow.Literal.of(pool));
        if (!forPool.isUnsatisfied()) {
            return Optional.of(forPool.get());
        }
        Instance<T> forAll = lookup.select(type);
        return forAll.isUnsatisfied() ? Optional.empty() : Optional.of(forAll.get());
    }

    /**
     * The application's bean of {@code type} qualified {@code @AuthFlow(pool)}, if it has one; a
     * {@code @Default} bean is not taken. For parts an application commonly has for its own use, such
     * as a JAX-RS {@code Client}, which the pool should use only when told to.
     *
     * @throws jakarta.enterprise.inject.AmbiguousResolutionException if it has several
     */
    <T> Optional<T> findForPool(Class<T> type) {
        Instance<T> forPool = lookup.select(type, AuthFlow.Literal.of(pool));
        return forPool.isUnsatisfied() ? Optional.empty() : Optional.of(forPool.get());
    }
}
