package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "2m, PT2M",
        "1h, PT1H",
        "1d, PT24H",
        "0s, PT0S",
        "' 45S ', PT45S",
        "PT2M, PT2M",
        "pt1m30s, PT1M30S",
        "P1D, PT24H",
    })
    void readsUnitsAndIsoDurations(String text, String expected) {
        assertEquals(Optional.of(Duration.parse(expected)), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "2", "2 minutes", "-2m", "PT-2M", "2mm", "m", "P", "1.5s", "12345678901234s"})
    void refusesAnythingElse(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }
}
