package dev.cognitosecured.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshSkewTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, 500",
            "30s, 30000",
            "5m, 300000",
            "1h, 3600000",
            "0s, 0",
            "-30s, -30000",
            "PT30S, 30000",
            "pt1m, 60000",
            "PT0.25S, 250",
            "P1DT1H, 90000000",
            "PT-30S, -30000"})
    void readsShortAndIsoForms(String text, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), RefreshSkew.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30", "30 s", " 30s", "30S", "30sec", "1.5s", "s", "1d", "P",
            "9999999999999999h", "PT9999999999999999H"})
    void rejectsEverythingElse(String text) {
        assertEquals(Optional.empty(), RefreshSkew.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500ms | java.time.Duration.ofMillis(500)",
            "30s | java.time.Duration.ofSeconds(30)",
            "90s | java.time.Duration.ofSeconds(90)",
            "60s | java.time.Duration.ofSeconds(60)",
            "5m | java.time.Duration.ofMinutes(5)",
            "1h | java.time.Duration.ofHours(1)",
            "PT30S | java.time.Duration.ofSeconds(30)",
            "PT1M | java.time.Duration.ofMinutes(1)",
            "PT1M30S | java.time.Duration.ofSeconds(90)",
            "P1DT1H | java.time.Duration.ofHours(25)",
            "PT0.25S | java.time.Duration.ofMillis(250)",
            "0s | java.time.Duration.ZERO"})
    void generatedCodeWritesTheSkewInTheUnitTheUserWrote(String text, String code) {
        assertEquals(code, ClientWriter.duration(text, RefreshSkew.parse(text).orElseThrow()).toString());
    }
}
