package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizeTextTest {

    @Test
    void readsBytesAndBinaryUnits() {
        assertEquals(Optional.of(1024L), SizeText.parse("1024"));
        assertEquals(Optional.of(16L << 20), SizeText.parse(" 16 MiB "));
        assertEquals(Optional.of(4L << 10), SizeText.parse("4KiB"));
    }

    /**
     * Found by {@link DurationTextFuzzTest#anySize} (input {@code crash-gib-overflow}): {@code 111111111119g} was
     * shifted past a long's 63 bits and read as a negative size; other values wrapped to wrong positive ones.
     */
    @Test
    void aSizeThatDoesNotFitInALongIsNotASize() {
        assertEquals(Optional.empty(), SizeText.parse("111111111119g"));
        assertEquals(Optional.empty(), SizeText.parse("8589934592g")); // 2^33 GiB = 2^63 bytes
        assertEquals(Optional.of((8589934592L - 1) << 30), SizeText.parse("8589934591g"));
    }
}
