package dev.cognitosecured.runtime.internal.observe.otel;

import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * Makes each pool's {@link PoolTracing} on the application's {@code OpenTelemetry} bean (one qualified
 * {@code @AuthFlow(pool)}, else its default one), else on {@link GlobalOpenTelemetry}.
 */
public final class TracingObservers implements ObserverFactory {

    /** The instrumentation scope of every span. */
    static final String TRACER = "dev.cognitosecured";

    @Override
    public PoolObserver observe(ObservedPool pool) {
        OpenTelemetry openTelemetry = pool.beans().find(OpenTelemetry.class).orElseGet(GlobalOpenTelemetry::get);
        return new PoolTracing(openTelemetry.getTracer(TRACER), pool.name());
    }
}
