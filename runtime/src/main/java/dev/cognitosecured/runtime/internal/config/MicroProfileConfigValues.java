package dev.cognitosecured.runtime.internal.config;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Values read through MicroProfile Config. The API is an optional dependency: this class is loaded
 * only after {@link #isApiPresent()} said that it can be linked.
 */
final class MicroProfileConfigValues implements ConfigValues {

    /** A class of the MicroProfile Config API, probed by name so that its absence links nothing. */
    static final String API_CLASS = "org.eclipse.microprofile.config.ConfigProvider";

    private final Config config;

    MicroProfileConfigValues(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Whether the API is visible to the loader that would link this class. */
    static boolean isApiPresent() {
        try {
            Class.forName(API_CLASS, false, ConfigValues.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** The application's MicroProfile Config, or empty when the API has no implementation here. */
    static Optional<ConfigValues> forLoader(ClassLoader applicationLoader) {
        try {
            return Optional.of(new MicroProfileConfigValues(ConfigProvider.getConfig(applicationLoader)));
        } catch (IllegalStateException | ServiceConfigurationError noImplementation) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> value(String key) {
        try {
            return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
        } catch (NoSuchElementException unresolvable) {
            // e.g. an expression ${...} whose reference is not set: as good as missing.
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "MicroProfile Config";
    }
}
