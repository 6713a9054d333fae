package dev.cognitosecured.testing.cognito.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Random identifiers and opaque strings in the shapes Cognito uses. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {}

    /** A user pool id: {@code <region>_<9 letters or digits>}. */
    static String poolId(String region) {
        return region + "_" + random(ALPHANUMERIC, 9);
    }

    /** An app client id: 26 lower-case letters or digits. */
    static String clientId() {
        return random(LOWER_ALPHANUMERIC, 26);
    }

    /** An app client secret: 51 lower-case letters or digits. */
    static String clientSecret() {
        return random(LOWER_ALPHANUMERIC, 51);
    }

    /** A UUID, for {@code sub}, {@code jti}, {@code origin_jti}, {@code event_id}. */
    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** An opaque, unguessable string of {@code bytes} random bytes, URL-safe Base64. */
    static String opaque(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** {@code length} random letters or digits. */
    static String alphanumeric(int length) {
        return random(ALPHANUMERIC, length);
    }

    /** {@code digits} random decimal digits. */
    static String digits(int digits) {
        return random("0123456789", digits);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
