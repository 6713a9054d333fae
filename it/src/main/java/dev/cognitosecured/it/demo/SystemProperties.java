package dev.cognitosecured.it.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * System properties set (or cleared) for the length of a run, then put back as they were: the demo's
 * configuration of the library, which reads {@code cognito-secured.*} from system properties when there
 * is no MicroProfile Config. Not thread-safe; one run at a time.
 */
public final class SystemProperties implements AutoCloseable {

    private final Map<String, Optional<String>> previous = new LinkedHashMap<>();

    /** Sets {@code key} to {@code value} until {@link #close()}. */
    public SystemProperties set(String key, String value) {
        remember(key);
        System.setProperty(key, Objects.requireNonNull(value, key));
        return this;
    }

    /** Sets every entry of {@code properties} until {@link #close()}. */
    public SystemProperties setAll(Map<String, String> properties) {
        properties.forEach(this::set);
        return this;
    }

    /** Removes {@code key} until {@link #close()}. */
    public SystemProperties clear(String key) {
        remember(key);
        System.clearProperty(key);
        return this;
    }

    private void remember(String key) {
        previous.putIfAbsent(key, Optional.ofNullable(System.getProperty(key)));
    }

    /** Puts every property touched back as it was. */
    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value.isPresent()) {
                System.setProperty(key, value.get());
            } else {
                System.clearProperty(key);
            }
        });
        previous.clear();
    }
}
