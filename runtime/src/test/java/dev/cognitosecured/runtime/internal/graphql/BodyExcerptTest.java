package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyExcerptTest {

    private static final String SENT = "opaque-token-value-1234";

    @Test
    void keepsAShortBodyOnOneLine() {
        assertEquals("<h1>502</h1> Bad Gateway", BodyExcerpt.of("  <h1>502</h1>\r\n\t Bad\u2028Gateway\n", SENT));
    }

    @Test
    void namesAnEmptyBody() {
        assertEquals("(empty body)", BodyExcerpt.of(" \n ", SENT));
    }

    @Test
    void cutsALongBodyToTheLimit() {
        String excerpt = BodyExcerpt.of("x".repeat(1000), SENT);

        assertEquals(BodyExcerpt.MAX_LENGTH, excerpt.length());
        assertTrue(excerpt.endsWith("..."));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String excerpt = BodyExcerpt.of("x".repeat(BodyExcerpt.MAX_LENGTH - 4) + "😀".repeat(10), SENT);

        assertFalse(Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 4)), excerpt);
        assertTrue(excerpt.length() <= BodyExcerpt.MAX_LENGTH);
    }

    @Test
    void replacesTheSentTokenWhateverItsShape() {
        assertEquals("echo: [token]!", BodyExcerpt.of("echo: " + SENT + "!", SENT));
    }

    @Test
    void replacesAnythingShapedLikeAJwt() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz_-";
        assertEquals("a [token] b", BodyExcerpt.of("a " + jwt + " b", SENT));
        assertEquals("Bearer [token]", BodyExcerpt.of("Bearer " + jwt, SENT));
        assertEquals("cut [token]", BodyExcerpt.of("cut eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi", SENT));
        assertEquals("raw [token] end", BodyExcerpt.of("raw abcdefghij0123.klmnopqrst4567.uvwxyzABCD89 end", SENT));
    }

    @Test
    void keepsHostNamesAndVersionNumbers() {
        String text = "upstream api.example.com:443 via nginx/1.25.3 (x-amzn-RequestId: 5e1c3a9b-2f0d-4c1e)";
        assertEquals(text, BodyExcerpt.of(text, SENT));
    }
}
