package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Any text as a configured duration: {@link DurationText#parse} answers a duration that is not negative, or
 * empty; it never throws. What it shows reads back as the same duration. The build replays
 * {@code DurationTextFuzzTestInputs/}; {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class DurationTextFuzzTest {

    @FuzzTest
    void anyText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Optional<Duration> parsed = DurationText.parse(text);
        if (parsed.isPresent()) {
            Duration duration = parsed.get();
            assertFalse(duration.isNegative(), "a negative duration was accepted");
            if (duration.getNano() % 1_000_000 == 0 && duration.toSeconds() < 100_000_000L) { // 12 digits of ms
                assertEquals(parsed, DurationText.parse(DurationText.shown(duration)), "shown then parsed");
            }
        }
    }

    /** The same for {@code graphql.max-answer-size}: {@link SizeText#parse} answers a size that is not negative, or empty. */
    @FuzzTest
    void anySize(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        SizeText.parse(text).ifPresent(size -> {
            assertFalse(size < 0, "a negative size was accepted");
            // No wrap-around: the number written is the size in its unit, exactly.
            // The number as written: the leading digits (input digits-then-line-breaks: not up to the line's end).
            long written = Long.parseLong(text.strip().replaceAll("(?s)[^0-9].*$", ""));
            assertTrue(written == 0 ? size == 0
                    : size % written == 0 && Long.bitCount(size / written) == 1 && size / written <= 1L << 30,
                    "the size wrapped around");
        });
    }
}
