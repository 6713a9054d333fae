package dev.cognitosecured.runtime.internal.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an integration may know of the pool it observes.
 *
 * @param name the pool's name, as in its configuration keys
 * @param learnedMargin the pool's learned {@code CallMargin} now (reads the pool's ticker)
 * @param beans the application's beans, e.g. its {@code MeterRegistry}: one qualified
 *     {@code @AuthFlow(pool)} if it has one, else its {@code @Default} one
 */
public record ObservedPool(String name, Supplier<Duration> learnedMargin, BeanLookup beans) {

    public ObservedPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(learnedMargin, "learnedMargin");
        Objects.requireNonNull(beans, "beans");
    }

    /** Finds the application's bean of a type. */
    @FunctionalInterface
    public interface BeanLookup {

        /** The application's bean of {@code type}, if it has one. */
        <T> Optional<T> find(Class<T> type);
    }
}
