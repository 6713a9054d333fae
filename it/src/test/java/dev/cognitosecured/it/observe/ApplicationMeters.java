package dev.cognitosecured.it.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The README's sample (section "Health, metrics and tracing"): the application's registry, which the pools use. */
@ApplicationScoped
public class ApplicationMeters {

    @Produces
    @Singleton
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry(); // or your Prometheus, OTLP... registry
    }

    void close(@Disposes MeterRegistry registry) {
        registry.close();
    }
}
