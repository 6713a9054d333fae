package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.internal.observe.health.PoolReadiness;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds a pool's {@code @Readiness} {@link HealthCheck} bean ({@link PoolReadiness}), also qualified
 * {@code @AuthFlow(pool)}. Loaded by name, only when MicroProfile Health's API is present.
 */
public final class ReadinessBeans implements PoolBeans.Contributor {

    private static final String ID_PREFIX = "dev.cognitosecured.runtime.internal.cdi#Readiness#";

    @Override
    public void add(AfterBeanDiscovery discovery, String pool, boolean sessionScoped) {
        AuthFlow flow = AuthFlow.Literal.of(pool);
        discovery.<HealthCheck>addBean()
                .beanClass(PoolReadiness.class)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, flow, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id(ID_PREFIX + pool)
                .produceWith(lookup -> new PoolReadiness(pool, sessionScoped,
                        lookup.select(PoolRuntime.class, flow).get().status()));
    }
}
