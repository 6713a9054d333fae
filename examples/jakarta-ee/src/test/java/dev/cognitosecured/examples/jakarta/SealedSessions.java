package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.runtime.spi.SessionCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sessions' tokens sealed with AES-GCM before the server writes them to its data grid or to disk, with a
 * 256-bit key every node of the cluster shares ({@code example.session-key}, base64). Packaged into the WAR of
 * the cluster test, which replicates its sessions through it.
 */
@ApplicationScoped
public class SealedSessions implements SessionCodec {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SealedSessions(@ConfigProperty(name = "example.session-key") String key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(key), "AES");
    }

    /** For CDI's client proxy. */
    protected SealedSessions() {
        this.key = null;
    }

    @Override
    public byte[] encode(byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    @Override
    public byte[] decode(byte[] encoded) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, encoded, 0, IV_BYTES));
            return cipher.doFinal(encoded, IV_BYTES, encoded.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not sealed with this key", e);
        }
    }
}
