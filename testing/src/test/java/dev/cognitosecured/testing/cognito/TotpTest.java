package dev.cognitosecured.testing.cognito;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.testing.cognito.internal.Base32;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238's test vectors, "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({
        // RFC 6238, Appendix B (SHA-1): the 8-digit codes' last 6 digits.
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130",
    })
    void matchesRfc6238(long epochSecond, String code) {
        assertEquals(code, Totp.code(RFC_SECRET, Instant.ofEpochSecond(epochSecond)));
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals(RFC_SECRET, Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6YQ", Base32.encode("foob".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("foob".getBytes(StandardCharsets.US_ASCII), Base32.decode("mzxw6yq="));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("not base32!"));
    }

    @Test
    void aNewSecretHas160Bits() {
        assertEquals(20, Base32.decode(Totp.newSecret()).length);
    }
}
