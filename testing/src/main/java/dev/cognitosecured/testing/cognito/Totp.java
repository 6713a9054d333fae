package dev.cognitosecured.testing.cognito;

import dev.cognitosecured.testing.cognito.internal.Base32;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as Cognito's software tokens use them: HMAC-SHA1, 30-second steps,
 * 6 digits, secrets in Base32. A test plays the user's authenticator app with {@link #code(String, Instant)}.
 */
public final class Totp {

    /** The length of one time step, in seconds. */
    public static final int STEP_SECONDS = 30;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HMAC_SHA1 = "HmacSHA1";

    private Totp() {}

    /** {@return a new random secret (160 bits, 32 Base32 characters), like the {@code SecretCode} Cognito returns} */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return Base32.encode(key);
    }

    /**
     * {@return the 6-digit code an authenticator app holding {@code base32Secret} shows at {@code time}}
     *
     * @param base32Secret the secret, in Base32
     * @param time the time the code is shown at
     */
    public static String code(String base32Secret, Instant time) {
        Objects.requireNonNull(time, "time");
        return codeAtStep(base32Secret, stepOf(time));
    }

    /**
     * {@return the number of the time step {@code time} falls in}
     *
     * @param time an instant
     */
    public static long stepOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * {@return the 6-digit code of time step {@code step} (RFC 4226 with the step as the counter)}
     *
     * @param base32Secret the secret, in Base32
     * @param step the number of a time step, as {@link #stepOf(Instant)} gives it
     */
    public static String codeAtStep(String base32Secret, long step) {
        Objects.requireNonNull(base32Secret, "base32Secret");
        byte[] key = Base32.decode(base32Secret);
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key, HMAC_SHA1));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            // Every Java platform has HmacSHA1.
            throw new IllegalStateException("HmacSHA1 is not available on this Java platform", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
