package dev.cognitosecured.testing.cognito.srp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The formulas of Cognito's SRP-6a, server's view. Cognito hashes an integer as its shortest
 * two's-complement big-endian bytes ({@link BigInteger#toByteArray()}: the hex digits with a
 * {@code 00} in front when the top bit is set), and uses SHA-256 throughout.
 */
final class SrpMath {

    /** {@code N}: the 3072-bit prime of RFC 3526 group 15, which RFC 5054 lists for SRP. */
    static final BigInteger PRIME_3072 = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
            16);

    static final BigInteger GENERATOR = BigInteger.TWO;

    /** {@code k = H(N | g)}. */
    static final BigInteger MULTIPLIER = sha256(PRIME_3072.toByteArray(), GENERATOR.toByteArray());

    private static final byte[] KEY_INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_LENGTH = 16;
    private static final String HMAC = "HmacSHA256";

    private SrpMath() {}

    /** {@code x = H(salt | H(poolName | userId | ":" | password))}, the password as UTF-8. */
    static BigInteger passwordExponent(String poolName, String userId, char[] password, BigInteger salt) {
        MessageDigest inner = digest();
        inner.update((poolName + userId + ":").getBytes(StandardCharsets.UTF_8));
        byte[] passwordUtf8 = utf8(password);
        inner.update(passwordUtf8);
        Arrays.fill(passwordUtf8, (byte) 0);
        return sha256(salt.toByteArray(), inner.digest());
    }

    /** {@code u = H(A | B)}. */
    static BigInteger scrambler(BigInteger clientPublic, BigInteger serverPublic) {
        return sha256(clientPublic.toByteArray(), serverPublic.toByteArray());
    }

    /** The 16-byte HKDF-SHA256 key of premaster secret {@code S}, salt {@code u}, info "Caldera Derived Key". */
    static byte[] passwordKey(BigInteger premasterSecret, BigInteger scrambler) {
        byte[] extracted = hmac(scrambler.toByteArray(), premasterSecret.toByteArray());
        byte[] expanded = hmac(extracted, KEY_INFO);
        byte[] key = Arrays.copyOf(expanded, KEY_LENGTH);
        Arrays.fill(extracted, (byte) 0);
        Arrays.fill(expanded, (byte) 0);
        return key;
    }

    /** The {@code PASSWORD_CLAIM_SIGNATURE} a client with the right password sends, before base64. */
    static byte[] claimSignature(byte[] key, String poolName, String userId, byte[] secretBlock, String timestamp) {
        byte[] pool = poolName.getBytes(StandardCharsets.UTF_8);
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        byte[] time = timestamp.getBytes(StandardCharsets.UTF_8);
        ByteBuffer message = ByteBuffer.allocate(pool.length + user.length + secretBlock.length + time.length);
        message.put(pool).put(user).put(secretBlock).put(time);
        return hmac(key, message.array());
    }

    static BigInteger sha256(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return new BigInteger(1, digest.digest());
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available on this Java platform", e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available on this Java platform", e);
        }
    }

    private static byte[] utf8(char[] password) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not valid Unicode text (it holds a lone surrogate)");
        }
    }
}
