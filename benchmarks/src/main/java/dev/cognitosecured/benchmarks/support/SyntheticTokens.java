package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Token sets of the sizes Cognito issues, with distinct characters each time, for benchmarks that
 * need many sessions and no Cognito. The store never parses tokens, so only their size matters:
 * an access token of about 1,070 characters, an ID token of about 1,150 and an opaque (JWE)
 * refresh token of about 1,780, as seen from real user pools with a few attributes and groups.
 */
public final class SyntheticTokens {

    /** Characters of each token. */
    public static final int ACCESS_LENGTH = 1070;
    public static final int ID_LENGTH = 1150;
    public static final int REFRESH_LENGTH = 1780;

    private static final char[] BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private SyntheticTokens() {
    }

    /**
     * A new token set valid for {@code lifetime}, for {@code username}. Its lifetime is a {@code Duration}
     * of its own, as when it is read from a token's claims.
     */
    public static Tokens of(String username, Duration lifetime) {
        return Tokens.of(text(ACCESS_LENGTH), text(ID_LENGTH), Optional.of(text(REFRESH_LENGTH)),
                Duration.ofSeconds(lifetime.getSeconds(), lifetime.getNano()), username);
    }

    /** Characters that look like a base64url-encoded token: distinct strings, Latin-1 (one byte per character). */
    public static String text(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE64URL[random.nextInt(BASE64URL.length)];
        }
        return new String(chars);
    }
}
