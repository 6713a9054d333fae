package dev.cognitosecured.runtime.internal.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Values read from system properties, then from environment variables under the names MicroProfile
 * Config would look for (see {@link EnvironmentNames}).
 */
final class SystemConfigValues implements ConfigValues {

    private final Function<String, String> properties;
    private final Map<String, String> environment;

    /**
     * Values from these sources.
     *
     * @param properties the system properties by name ({@code null} when unset)
     * @param environment the environment variables
     */
    SystemConfigValues(Function<String, String> properties, Map<String, String> environment) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.environment = Map.copyOf(environment);
    }

    /** The system properties and environment of this JVM, read at each lookup. */
    static SystemConfigValues ofThisProcess() {
        return new SystemConfigValues(System::getProperty, System.getenv());
    }

    @Override
    public Optional<String> value(String key) {
        Optional<String> property = nonBlank(properties.apply(key));
        if (property.isPresent()) {
            return property;
        }
        for (String name : EnvironmentNames.candidates(key)) {
            Optional<String> variable = nonBlank(environment.get(name));
            if (variable.isPresent()) {
                return variable;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "system properties and environment variables";
    }
}
