package dev.cognitosecured.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Any text as {@code @CognitoSecured(refreshSkew)}: {@link RefreshSkew#parse} answers a duration that fits in a
 * long of milliseconds, or empty, and never throws; {@link RefreshSkew#unit} names a unit that holds the duration
 * exactly. The build replays {@code RefreshSkewFuzzTestInputs/}; {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class RefreshSkewFuzzTest {

    @FuzzTest
    void anyText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Optional<Duration> parsed = RefreshSkew.parse(text);
        if (parsed.isPresent()) {
            Duration duration = parsed.get();
            long millis = duration.toMillis();
            assertEquals(0, millis % RefreshSkew.unit(text, duration).getDuration().toMillis(),
                    "the unit does not hold the duration exactly");
        }
    }
}
