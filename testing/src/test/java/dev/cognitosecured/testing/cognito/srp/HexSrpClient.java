package dev.cognitosecured.testing.cognito.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Cognito SRP client for the tests, reduced to the formulas and written in the hex-string form
 * the protocol is usually described in ({@code padHex}, {@code hexHash}), apart from the server's
 * byte-array code, so that the two check each other. Only the published prime is shared.
 */
final class HexSrpClient {

    private static final BigInteger N = SrpMath.PRIME_3072;
    private static final BigInteger G = BigInteger.TWO;
    private static final HexFormat HEX = HexFormat.of();

    private final BigInteger a;
    private final BigInteger largeA;

    HexSrpClient(BigInteger a) {
        this.a = a;
        this.largeA = G.modPow(a, N);
    }

    String srpA() {
        return largeA.toString(16);
    }

    /** The base64 {@code PASSWORD_CLAIM_SIGNATURE} over {@code timestamp}. */
    String signature(String poolName, String userId, String password, String srpB, String salt,
            String secretBlock, String timestamp) {
        BigInteger largeB = new BigInteger(srpB, 16);
        BigInteger k = new BigInteger(hexHash(padHex(N) + padHex(G)), 16);
        BigInteger u = new BigInteger(hexHash(padHex(largeA) + padHex(largeB)), 16);
        String userHash = HEX.formatHex(sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        BigInteger x = new BigInteger(hexHash(padHex(new BigInteger(salt, 16)) + userHash), 16);
        BigInteger s = largeB.subtract(k.multiply(G.modPow(x, N))).mod(N).modPow(a.add(u.multiply(x)), N);

        byte[] prk = hmac(HEX.parseHex(padHex(u)), HEX.parseHex(padHex(s)));
        byte[] info = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(hmac(prk, info), 16);

        byte[] message = (HEX.formatHex(poolName.getBytes(StandardCharsets.UTF_8))
                + HEX.formatHex(userId.getBytes(StandardCharsets.UTF_8))
                + HEX.formatHex(Base64.getDecoder().decode(secretBlock))
                + HEX.formatHex(timestamp.getBytes(StandardCharsets.UTF_8))).transform(HEX::parseHex);
        return Base64.getEncoder().encodeToString(hmac(key, message));
    }

    /** {@code u} for the given hex {@code SRP_A} and {@code SRP_B}. */
    static BigInteger scrambler(String srpA, String srpB) {
        return new BigInteger(hexHash(padHex(new BigInteger(srpA, 16)) + padHex(new BigInteger(srpB, 16))), 16);
    }

    /** Hex of even length, with "00" in front when the first digit has its top bit set. */
    static String padHex(BigInteger value) {
        String hex = value.toString(16);
        if (hex.length() % 2 == 1) {
            return "0" + hex;
        }
        return "89abcdef".indexOf(hex.charAt(0)) >= 0 ? "00" + hex : hex;
    }

    private static String hexHash(String hex) {
        return HEX.formatHex(sha256(HEX.parseHex(hex)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
