package dev.cognitosecured.runtime.internal.cognito.srp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The arithmetic of SRP-6a (RFC 2945, RFC 5054) for one choice of group, hash function and integer
 * encoding, as the client computes it. {@link #COGNITO} is Cognito's choice; tests also build the
 * SHA-1, 1024-bit, padded suite of RFC 5054 appendix B to check the same code on published values.
 */
final class SrpSuite {

    /** Cognito's: the 3072-bit group, SHA-256, integers as their shortest signed bytes. */
    static final SrpSuite COGNITO = new SrpSuite(SrpGroup.RFC_5054_3072, "SHA-256", IntegerBytes.SHORTEST_SIGNED);

    private final SrpGroup group;
    private final String hashAlgorithm;
    private final IntegerBytes integerBytes;
    private final BigInteger multiplier;

    SrpSuite(SrpGroup group, String hashAlgorithm, IntegerBytes integerBytes) {
        this.group = group;
        this.hashAlgorithm = hashAlgorithm;
        this.integerBytes = integerBytes;
        newDigest(); // fail now, not at the first sign-in, if the platform lacks the algorithm
        this.multiplier = hashOf(bytes(group.prime()), bytes(group.generator()));
    }

    SrpGroup group() {
        return group;
    }

    /** The bytes that stand for {@code value} wherever it is hashed. */
    byte[] bytes(BigInteger value) {
        return integerBytes.of(value, group);
    }

    /** {@code k = H(N | g)}, each encoded by this suite's rule. */
    BigInteger multiplier() {
        return multiplier;
    }

    /** {@code u = H(A | B)}. */
    BigInteger scrambler(BigInteger clientPublic, BigInteger serverPublic) {
        return hashOf(bytes(clientPublic), bytes(serverPublic));
    }

    /**
     * {@code x = H(salt | H(identity | ":" | password))}, the password encoded as UTF-8. The bytes
     * of the password exist only inside this call and are zeroed before it returns.
     *
     * @param salt the salt's bytes as this deployment hashes them
     * @throws IllegalArgumentException if the password is not well-formed UTF-16 (a lone surrogate)
     */
    BigInteger privateKey(byte[] salt, byte[] identity, char[] password) {
        MessageDigest inner = newDigest();
        inner.update(identity);
        inner.update((byte) ':');
        byte[] passwordBytes = utf8(password);
        try {
            inner.update(passwordBytes);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        byte[] identityHash = inner.digest();
        BigInteger x = hashOf(salt, identityHash);
        Arrays.fill(identityHash, (byte) 0);
        return x;
    }

    /** {@code A = g^a mod N}. */
    BigInteger publicValue(BigInteger secret) {
        return group.power(secret);
    }

    /** The client's premaster secret {@code S = (B - k * g^x) ^ (a + u * x) mod N}. */
    BigInteger clientSecret(BigInteger clientSecret, BigInteger serverPublic, BigInteger privateKey, BigInteger scrambler) {
        BigInteger prime = group.prime();
        BigInteger base = serverPublic.subtract(multiplier.multiply(group.power(privateKey))).mod(prime);
        return base.modPow(clientSecret.add(scrambler.multiply(privateKey)), prime);
    }

    /** {@code H(parts...)} read as a non-negative integer. */
    BigInteger hashOf(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return new BigInteger(1, digest.digest());
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hashAlgorithm + " is not available on this Java platform", e);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not valid Unicode text (it holds a lone surrogate)");
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
