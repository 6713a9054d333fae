package dev.cognitosecured.runtime.internal.observe.micrometer;

import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.internal.observe.ResolvedOnce;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Makes each pool's {@link PoolMeters} on the application's {@code MeterRegistry} bean (one qualified
 * {@code @AuthFlow(pool)}, else its default one), else on {@link Metrics#globalRegistry}; the registry
 * is resolved and the meters registered at the first thing to count ({@link ResolvedOnce}).
 */
public final class MicrometerObservers implements ObserverFactory {

    @Override
    public PoolObserver observe(ObservedPool pool) {
        return new LazyPoolMeters(new ResolvedOnce<>("the MeterRegistry of the user pool '" + pool.name() + "'",
                () -> new PoolMeters(pool.beans().find(MeterRegistry.class).orElse(Metrics.globalRegistry), pool)));
    }
}
