package dev.cognitosecured.testing.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** System properties set for one test, and what they were before, to put back after it. */
final class SystemPropertiesOverride {

    private final Map<String, Optional<String>> previous;

    private SystemPropertiesOverride(Map<String, Optional<String>> previous) {
        this.previous = previous;
    }

    /** Sets every property of {@code values}, remembering the values they replace. */
    static SystemPropertiesOverride set(Map<String, String> values) {
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        values.forEach((key, value) -> previous.put(key, Optional.ofNullable(System.setProperty(key, value))));
        return new SystemPropertiesOverride(previous);
    }

    /** Puts back what was there before {@link #set}: the old value, or no property. */
    void restore() {
        previous.forEach((key, value) -> {
            if (value.isPresent()) {
                System.setProperty(key, value.get());
            } else {
                System.clearProperty(key);
            }
        });
    }
}
