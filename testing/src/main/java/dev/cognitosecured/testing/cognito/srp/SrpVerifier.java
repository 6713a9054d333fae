package dev.cognitosecured.testing.cognito.srp;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * What a user pool keeps instead of a password: a random salt and the verifier {@code v = g^x}.
 * Make a new one whenever the password is set. {@link #toString()} shows neither value: a verifier
 * lets anyone who has it guess passwords offline.
 */
public final class SrpVerifier {

    private static final int SALT_BYTES = 16;

    private final String poolName;
    private final String userIdForSrp;
    private final BigInteger salt;
    private final BigInteger verifier;

    private SrpVerifier(String poolName, String userIdForSrp, BigInteger salt, BigInteger verifier) {
        this.poolName = poolName;
        this.userIdForSrp = userIdForSrp;
        this.salt = salt;
        this.verifier = verifier;
    }

    /**
     * The verifier of {@code password} for the user Cognito will name {@code userIdForSrp} in its
     * challenges, in the pool {@code poolName} (the part of the pool id after the underscore).
     *
     * @param poolName the part of the pool id after the underscore
     * @param userIdForSrp the user's {@code USER_ID_FOR_SRP}
     * @param password read, not changed or kept
     * @param random the source of the salt
     * @return the verifier, with a new random salt
     */
    public static SrpVerifier create(String poolName, String userIdForSrp, char[] password, SecureRandom random) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        return withSalt(poolName, userIdForSrp, password, new BigInteger(1, saltBytes));
    }

    /**
     * A verifier a client made itself and sent, as a device's is sent with {@code ConfirmDevice}
     * ({@code DeviceSecretVerifierConfig}): there {@code poolName} is the device group key and
     * {@code userIdForSrp} the device key.
     *
     * @param poolName the device group key
     * @param userIdForSrp the device key
     * @param salt the salt, read as an unsigned big-endian number
     * @param verifier {@code v = g^x mod N}, read as an unsigned big-endian number
     * @return the verifier
     * @throws IllegalArgumentException if {@code verifier} is not in {@code [1, N-1]}
     */
    public static SrpVerifier of(String poolName, String userIdForSrp, byte[] salt, byte[] verifier) {
        BigInteger value = new BigInteger(1, verifier);
        if (value.signum() == 0 || value.compareTo(SrpMath.PRIME_3072) >= 0) {
            throw new IllegalArgumentException("the verifier is not a number in [1, N-1]");
        }
        return new SrpVerifier(poolName, userIdForSrp, new BigInteger(1, salt), value);
    }

    static SrpVerifier withSalt(String poolName, String userIdForSrp, char[] password, BigInteger salt) {
        BigInteger x = SrpMath.passwordExponent(poolName, userIdForSrp, password, salt);
        return new SrpVerifier(poolName, userIdForSrp, salt, SrpMath.GENERATOR.modPow(x, SrpMath.PRIME_3072));
    }

    /** {@return the pool name the verifier was made for, which the signature covers too} */
    public String poolName() {
        return poolName;
    }

    /** {@return the {@code USER_ID_FOR_SRP} the verifier was made for} */
    public String userIdForSrp() {
        return userIdForSrp;
    }

    /** {@return the {@code SALT} challenge parameter: the salt in hexadecimal} */
    public String saltHex() {
        return salt.toString(16);
    }

    BigInteger value() {
        return verifier;
    }

    @Override
    public String toString() {
        return "SrpVerifier[poolName=" + poolName + ", userIdForSrp=" + userIdForSrp + "]";
    }
}
