package dev.cognitosecured.runtime.internal.config;

import java.util.Optional;

/**
 * Where configuration values come from: MicroProfile Config when an implementation is on the class
 * path, otherwise system properties, otherwise environment variables.
 */
@FunctionalInterface
public interface ConfigValues {

    /** The value of {@code key}, if it is set and not blank. */
    Optional<String> value(String key);

    /**
     * The values of this application: MicroProfile Config if its API and an implementation are on
     * the class path, otherwise system properties and environment variables.
     *
     * @param applicationLoader the loader whose MicroProfile Config is read (usually the thread's
     *     context class loader)
     */
    static ConfigValues detect(ClassLoader applicationLoader) {
        if (MicroProfileConfigValues.isApiPresent()) {
            Optional<ConfigValues> microProfile = MicroProfileConfigValues.forLoader(applicationLoader);
            if (microProfile.isPresent()) {
                return microProfile.get();
            }
        }
        return SystemConfigValues.ofThisProcess();
    }
}
