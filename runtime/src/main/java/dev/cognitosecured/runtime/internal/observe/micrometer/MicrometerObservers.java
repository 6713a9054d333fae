package dev.cognitosecured.runtime.internal.observe.micrometer;

import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Makes each pool's {@link PoolMeters} on the application's {@code MeterRegistry} bean (one qualified
 * {@code @AuthFlow(pool)}, else its default one), else on {@link Metrics#globalRegistry}.
 */
public final class MicrometerObservers implements ObserverFactory {

    @Override
    public PoolObserver observe(ObservedPool pool) {
        MeterRegistry registry = pool.beans().find(MeterRegistry.class).orElse(Metrics.globalRegistry);
        return new PoolMeters(registry, pool);
    }
}
