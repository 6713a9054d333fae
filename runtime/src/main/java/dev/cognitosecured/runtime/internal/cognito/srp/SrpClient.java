package dev.cognitosecured.runtime.internal.cognito.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One SRP sign-in attempt as the client makes it: {@link #start(SecureRandom)} draws the ephemeral
 * secret {@code a}; {@link #srpA()} is sent with {@code InitiateAuth USER_SRP_AUTH};
 * {@link #passwordClaim} answers the {@code PASSWORD_VERIFIER} challenge that comes back. Use a new
 * instance for every attempt. Neither the secret nor anything derived from the password is kept or
 * shown by {@link #toString()}.
 */
public final class SrpClient {

    /** Bits of the ephemeral secret: twice the strength of the 3072-bit group, as RFC 5054 asks at least 256. */
    private static final int SECRET_BITS = 512;
    private static final int KEY_BYTES = 16;
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final SrpSuite suite;
    private final BigInteger secret;
    private final BigInteger publicValue;

    SrpClient(SrpSuite suite, BigInteger secret) {
        if (secret.signum() <= 0) {
            throw new IllegalArgumentException("the ephemeral secret must be positive");
        }
        this.suite = suite;
        this.secret = secret;
        this.publicValue = suite.publicValue(secret);
    }

    /** A new attempt with a secret drawn from {@code random}. */
    public static SrpClient start(SecureRandom random) {
        BigInteger secret;
        do {
            secret = new BigInteger(SECRET_BITS, random);
        } while (secret.signum() == 0);
        return new SrpClient(SrpSuite.COGNITO, secret);
    }

    /**
     * The pool name that Cognito's SRP hashes: the part of the user pool id after the underscore,
     * {@code "AbCdEf123"} for {@code "eu-west-1_AbCdEf123"}.
     */
    public static String poolName(String userPoolId) {
        int underscore = userPoolId.indexOf('_');
        if (underscore < 0 || underscore == userPoolId.length() - 1) {
            throw new IllegalArgumentException(
                    "a user pool id has the form <region>_<name>, e.g. eu-west-1_AbCdEf123; got \"" + userPoolId + "\"");
        }
        return userPoolId.substring(underscore + 1);
    }

    /** {@code SRP_A}: the public value {@code A = g^a mod N} in hexadecimal. */
    public String srpA() {
        return publicValue.toString(16);
    }

    /**
     * The answer to the {@code PASSWORD_VERIFIER} challenge.
     *
     * @param poolName the user pool's name, see {@link #poolName(String)}
     * @param userIdForSrp the challenge's {@code USER_ID_FOR_SRP}
     * @param password the password; read, not changed or kept
     * @param srpB the challenge's {@code SRP_B}, hexadecimal
     * @param salt the challenge's {@code SALT}, hexadecimal
     * @param secretBlock the challenge's {@code SECRET_BLOCK}, base64
     * @param timestamp the {@code TIMESTAMP} to sign, from {@link SrpTimestamp#now()}
     * @throws InvalidSrpChallengeException if a parameter is malformed or {@code SRP_B} is refused
     */
    public PasswordClaim passwordClaim(String poolName, String userIdForSrp, char[] password,
            String srpB, String salt, String secretBlock, String timestamp) {
        byte[] secretBlockBytes = base64("SECRET_BLOCK", secretBlock);
        byte[] key = passwordKey(poolName, userIdForSrp, password, srpB, salt);
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update(poolName.getBytes(StandardCharsets.UTF_8));
            mac.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
            mac.update(secretBlockBytes);
            byte[] signature = mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
            return new PasswordClaim(Base64.getEncoder().encodeToString(signature), timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available on this Java platform", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The 16-byte key both sides derive: HKDF-SHA256 of {@code S} with salt {@code u} and info
     * "Caldera Derived Key".
     */
    byte[] passwordKey(String poolName, String userIdForSrp, char[] password, String srpB, String salt) {
        BigInteger serverPublic = hexNumber("SRP_B", srpB);
        if (suite.group().isZeroModulo(serverPublic)) {
            throw new InvalidSrpChallengeException("SRP_B is zero modulo N; a genuine server never sends it, so the"
                    + " challenge is refused. Start the sign-in again.");
        }
        BigInteger scrambler = suite.scrambler(publicValue, serverPublic);
        if (scrambler.signum() == 0) {
            throw new InvalidSrpChallengeException("SRP_B gives the scrambling value u = 0, which SRP-6a refuses."
                    + " Start the sign-in again.");
        }
        if (present("USER_ID_FOR_SRP", userIdForSrp).isEmpty()) {
            throw new InvalidSrpChallengeException("USER_ID_FOR_SRP is empty");
        }
        BigInteger saltValue = hexNumber("SALT", salt);
        byte[] identity = (poolName + userIdForSrp).getBytes(StandardCharsets.UTF_8);
        BigInteger privateKey = suite.privateKey(suite.bytes(saltValue), identity, password);
        BigInteger premaster = suite.clientSecret(secret, serverPublic, privateKey, scrambler);
        byte[] inputKey = suite.bytes(premaster);
        try {
            return Hkdf.sha256(inputKey, suite.bytes(scrambler), Hkdf.CALDERA_DERIVED_KEY, KEY_BYTES);
        } finally {
            Arrays.fill(inputKey, (byte) 0);
        }
    }

    private static BigInteger hexNumber(String parameter, String hex) {
        if (present(parameter, hex).isEmpty()) {
            throw new InvalidSrpChallengeException(parameter + " is empty");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hexDigit) {
                throw new InvalidSrpChallengeException(parameter + " is not a hexadecimal number");
            }
        }
        return new BigInteger(hex, 16);
    }

    private static byte[] base64(String parameter, String text) {
        try {
            return Base64.getDecoder().decode(present(parameter, text));
        } catch (IllegalArgumentException e) {
            throw new InvalidSrpChallengeException(parameter + " is not base64");
        }
    }

    private static String present(String parameter, String value) {
        if (value == null) {
            throw new InvalidSrpChallengeException("the challenge has no " + parameter);
        }
        return value;
    }
}
