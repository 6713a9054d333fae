package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the application's replacement for a part of a pool ({@code IdentityProvider},
 * {@code GraphQLTransport}, {@code Ticker}, {@code SessionCodec}, the wall clock {@code InstantSource}): a bean of
 * that type qualified {@code @AuthFlow(pool)}, else one with the {@code @Default} qualifier, which then serves
 * every pool. The JAX-RS {@code Client} is taken only with {@code @AuthFlow(pool)} ({@link #findForPool}). Looked
 * up from the library's beans first; where the container hides the application's beans from them (see
 * {@link ReplacementBeans}), among the beans the extension saw discovered.
 */
final class ReplaceableParts {

    private final Instance<Object> lookup;
    private final String pool;
    private final ReplacementBeans discovered;

    /**
     * @param lookup where to look, owned by the bean that uses the parts (dependent replacements
     *     are destroyed with it)
     * @param discovered the beans of the replaceable types the extension saw
     */
    ReplaceableParts(Instance<Object> lookup, String pool, ReplacementBeans discovered) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.discovered = Objects.requireNonNull(discovered, "discovered");
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
        if (!forAll.isUnsatisfied()) {
            return Optional.of(forAll.get());
        }
        Optional<T> hidden = amongDiscovered(type, AuthFlow.Literal.of(pool));
        return hidden.isPresent() ? hidden : amongDiscovered(type, Default.Literal.INSTANCE);
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
        return forPool.isUnsatisfied() ? amongDiscovered(type, AuthFlow.Literal.of(pool)) : Optional.of(forPool.get());
    }

    private <T> Optional<T> amongDiscovered(Class<T> type, Annotation qualifier) {
        List<Bean<?>> candidates = discovered.of(type).stream()
                .filter(bean -> bean.getQualifiers().contains(qualifier))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            throw new AmbiguousResolutionException("The user pool '" + pool + "' has " + candidates.size() + " beans of "
                    + type.getName() + " qualified " + qualifier + ": " + candidates + "; keep one");
        }
        BeanManager beans = lookup.select(BeanManager.class).get();
        Bean<?> bean = candidates.get(0);
        return Optional.of(type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean))));
    }
}
