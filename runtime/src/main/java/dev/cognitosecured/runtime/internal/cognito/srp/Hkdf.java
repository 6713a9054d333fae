package dev.cognitosecured.runtime.internal.cognito.srp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), for outputs of at most one block (32 bytes). */
final class Hkdf {

    /** The info Cognito's SRP derives its 16-byte key with. */
    static final byte[] CALDERA_DERIVED_KEY = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int BLOCK = 32;

    private Hkdf() {}

    /**
     * {@code HKDF-Expand(HKDF-Extract(salt, ikm), info, length)}, which for one block is
     * {@code HMAC(HMAC(salt, ikm), info | 0x01)} cut to {@code length} bytes.
     *
     * @param salt a non-empty salt (RFC 5869's default of zeros is not needed here)
     */
    static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > BLOCK) {
            throw new IllegalArgumentException("one HMAC-SHA256 block gives 1 to 32 bytes, not " + length);
        }
        byte[] pseudoRandomKey = null;
        byte[] block = null;
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(salt, HMAC_SHA256));
            pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC_SHA256));
            mac.update(info);
            mac.update((byte) 1);
            block = mac.doFinal();
            return Arrays.copyOf(block, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available on this Java platform", e);
        } finally {
            if (pseudoRandomKey != null) {
                Arrays.fill(pseudoRandomKey, (byte) 0);
            }
            if (block != null) {
                Arrays.fill(block, (byte) 0);
            }
        }
    }
}
