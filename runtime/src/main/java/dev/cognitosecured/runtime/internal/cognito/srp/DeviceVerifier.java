package dev.cognitosecured.runtime.internal.cognito.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A new device's secret for Cognito's device tracking, as {@code ConfirmDevice} takes it: a random device password
 * (40 random bytes, Base64), a random 16-byte salt, and the SRP verifier {@code v = g^x}, with
 * {@code x = H(salt | H(deviceGroupKey | deviceKey | ":" | password))}: Cognito's user SRP with the device group
 * key for the pool name and the device key for the user. {@link SrpClient#passwordClaim} with the same substitutes
 * answers {@code DEVICE_PASSWORD_VERIFIER}. {@link #toString()} shows no part of it.
 *
 * @param password the device password: a secret
 * @param salt {@code DeviceSecretVerifierConfig.Salt}: the salt's bytes, Base64
 * @param verifier {@code DeviceSecretVerifierConfig.PasswordVerifier}: the verifier's bytes, Base64
 */
public record DeviceVerifier(String password, String salt, String verifier) {

    private static final int PASSWORD_BYTES = 40;
    private static final int SALT_BYTES = 16;

    /** A fresh device password and its verifier for the device {@code deviceKey} of group {@code groupKey}. */
    public static DeviceVerifier create(String groupKey, String deviceKey, SecureRandom random) {
        byte[] passwordBytes = new byte[PASSWORD_BYTES];
        random.nextBytes(passwordBytes);
        String password = Base64.getEncoder().encodeToString(passwordBytes);
        Arrays.fill(passwordBytes, (byte) 0);
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        return of(groupKey, deviceKey, password, new BigInteger(1, saltBytes));
    }

    static DeviceVerifier of(String groupKey, String deviceKey, String password, BigInteger salt) {
        SrpSuite suite = SrpSuite.COGNITO;
        char[] chars = password.toCharArray();
        BigInteger x;
        try {
            x = suite.privateKey(suite.bytes(salt), (groupKey + deviceKey).getBytes(StandardCharsets.UTF_8), chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
        BigInteger v = suite.publicValue(x);
        Base64.Encoder base64 = Base64.getEncoder();
        return new DeviceVerifier(password, base64.encodeToString(suite.bytes(salt)), base64.encodeToString(suite.bytes(v)));
    }

    @Override
    public String toString() {
        return "DeviceVerifier[***]";
    }
}
