package dev.cognitosecured.runtime.internal.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the optional libraries the application has: Micrometer (metrics), the OpenTelemetry API
 * (tracing) and MicroProfile Health (readiness checks). Each is looked for with the class loader that
 * loaded cognito-secured, the one its integration classes would link against; a class that refers to
 * a library is loaded only when that library was found.
 */
public final class Integrations {

    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    static final String OPENTELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    static final String HEALTH = "org.eclipse.microprofile.health.HealthCheck";

    private static final String MICROMETER_FACTORY = Integrations.class.getPackageName() + ".micrometer.MicrometerObservers";
    private static final String OPENTELEMETRY_FACTORY = Integrations.class.getPackageName() + ".otel.TracingObservers";

    private Integrations() {
    }

    /** The observer factories of the libraries present, metrics first. */
    public static List<ObserverFactory> observerFactories() {
        List<ObserverFactory> factories = new ArrayList<>(2);
        if (present(MICROMETER)) {
            factories.add(instantiate(MICROMETER_FACTORY, ObserverFactory.class));
        }
        if (present(OPENTELEMETRY)) {
            factories.add(instantiate(OPENTELEMETRY_FACTORY, ObserverFactory.class));
        }
        return List.copyOf(factories);
    }

    /** Whether MicroProfile Health's API is present, so that readiness checks can be added. */
    public static boolean healthPresent() {
        return present(HEALTH);
    }

    /**
     * An instance of the integration class {@code name}, by its public no-argument constructor: call only
     * when its library is {@linkplain #present present}.
     */
    public static <T> T instantiate(String name, Class<T> type) {
        try {
            return type.cast(Class.forName(name, true, loader()).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cognito-secured's integration " + name + " cannot be loaded", e);
        }
    }

    /** Whether {@code className} can be loaded by the class loader of cognito-secured (without initializing it). */
    static boolean present(String className) {
        try {
            Class.forName(className, false, loader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ClassLoader loader() {
        return Integrations.class.getClassLoader();
    }
}
