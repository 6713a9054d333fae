package dev.cognitosecured.runtime.internal.observe.otel;

import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.internal.observe.ResolvedOnce;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * Makes each pool's {@link PoolTracing} on the application's {@code OpenTelemetry} bean (one qualified
 * {@code @AuthFlow(pool)}, else its default one), else on {@link GlobalOpenTelemetry}; the tracer is
 * resolved at the first span, on a thread that runs application code ({@link ResolvedOnce}).
 */
public final class TracingObservers implements ObserverFactory {

    /** The instrumentation scope of every span. */
    static final String TRACER = "dev.cognitosecured";

    @Override
    public PoolObserver observe(ObservedPool pool) {
        return new PoolTracing(new ResolvedOnce<>("the OpenTelemetry tracer of the user pool '" + pool.name() + "'",
                () -> pool.beans().find(OpenTelemetry.class).orElseGet(GlobalOpenTelemetry::get).getTracer(TRACER)),
                pool.name());
    }
}
