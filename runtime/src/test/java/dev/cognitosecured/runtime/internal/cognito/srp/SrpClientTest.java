package dev.cognitosecured.runtime.internal.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrpClientTest {

    private static final BigInteger N = SrpGroup.RFC_5054_3072.prime();
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String SALT = "c0ffee0123456789abcdef0123456789";
    private static final String SECRET_BLOCK = Base64.getEncoder().encodeToString("block".getBytes());
    private static final String TIMESTAMP = "Tue Feb 3 04:05:06 UTC 2026";
    private static final String SOME_B = BigInteger.TWO.modPow(BigInteger.valueOf(1234567), N).toString(16);

    @Test
    void startDrawsTheSecretFromTheGivenRandom() {
        byte[] fixed = new byte[64];
        Arrays.fill(fixed, (byte) 0x5a);
        SrpClient client = SrpClient.start(new FixedRandom(fixed));
        BigInteger secret = new BigInteger(1, fixed);
        assertEquals(BigInteger.TWO.modPow(secret, N).toString(16), client.srpA());
    }

    @Test
    void twoAttemptsHaveDifferentPublicValues() {
        SecureRandom random = new SecureRandom();
        assertNotEquals(SrpClient.start(random).srpA(), SrpClient.start(random).srpA());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3"})
    void refusesServerValuesThatAreZeroModuloN(String multipleOfN) {
        String b = N.multiply(new BigInteger(multipleOfN)).toString(16);
        InvalidSrpChallengeException e = assertThrows(InvalidSrpChallengeException.class, () -> claim(b));
        assertTrue(e.getMessage().contains("SRP_B is zero modulo N"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1f", "0x1f", "12 34", "\u0661\u0662"})
    void refusesAServerValueThatIsNotHex(String b) {
        InvalidSrpChallengeException e = assertThrows(InvalidSrpChallengeException.class, () -> claim(b));
        assertTrue(e.getMessage().startsWith("SRP_B"), e.getMessage());
    }

    @Test
    void refusesASaltThatIsNotHex() {
        SrpClient client = SrpClient.start(new SecureRandom());
        InvalidSrpChallengeException e = assertThrows(InvalidSrpChallengeException.class, () -> client.passwordClaim(
                "pool", "user", PASSWORD.toCharArray(), SOME_B, "salt!", SECRET_BLOCK, TIMESTAMP));
        assertEquals("SALT is not a hexadecimal number", e.getMessage());
    }

    @Test
    void refusesASecretBlockThatIsNotBase64() {
        SrpClient client = SrpClient.start(new SecureRandom());
        InvalidSrpChallengeException e = assertThrows(InvalidSrpChallengeException.class, () -> client.passwordClaim(
                "pool", "user", PASSWORD.toCharArray(), SOME_B, SALT, "not base64!", TIMESTAMP));
        assertEquals("SECRET_BLOCK is not base64", e.getMessage());
    }

    @Test
    void namesAMissingParameter() {
        SrpClient client = SrpClient.start(new SecureRandom());
        InvalidSrpChallengeException e = assertThrows(InvalidSrpChallengeException.class, () -> client.passwordClaim(
                "pool", null, PASSWORD.toCharArray(), SOME_B, SALT, SECRET_BLOCK, TIMESTAMP));
        assertEquals("the challenge has no USER_ID_FOR_SRP", e.getMessage());
    }

    @Test
    void refusesAPasswordWithALoneSurrogateWithoutShowingIt() {
        SrpClient client = SrpClient.start(new SecureRandom());
        char[] broken = {'a', '\ud800', 'b'};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.passwordClaim(
                "pool", "user", broken, SOME_B, SALT, SECRET_BLOCK, TIMESTAMP));
        assertFalse(e.getMessage().contains("a\ud800b"));
    }

    @Test
    void differentPasswordsGiveDifferentSignatures() {
        SrpClient client = new SrpClient(SrpSuite.COGNITO, BigInteger.valueOf(987654321));
        String right = client.passwordClaim("pool", "user", PASSWORD.toCharArray(), SOME_B, SALT, SECRET_BLOCK, TIMESTAMP)
                .signature();
        String wrong = client.passwordClaim("pool", "user", "s3cret-Passw0rD".toCharArray(), SOME_B, SALT, SECRET_BLOCK,
                TIMESTAMP).signature();
        assertNotEquals(right, wrong);
        assertEquals(32, Base64.getDecoder().decode(right).length);
    }

    @Test
    void claimToStringHidesTheSignature() {
        PasswordClaim claim = claim(SOME_B);
        assertFalse(claim.toString().contains(claim.signature()));
        assertTrue(claim.toString().contains(TIMESTAMP));
    }

    @Test
    void poolNameIsThePartAfterTheUnderscore() {
        assertEquals("AbCdEf123", SrpClient.poolName("eu-west-1_AbCdEf123"));
        assertThrows(IllegalArgumentException.class, () -> SrpClient.poolName("AbCdEf123"));
        assertThrows(IllegalArgumentException.class, () -> SrpClient.poolName("eu-west-1_"));
    }

    private static PasswordClaim claim(String b) {
        return SrpClient.start(new SecureRandom()).passwordClaim(
                "pool", "user", PASSWORD.toCharArray(), b, SALT, SECRET_BLOCK, TIMESTAMP);
    }

    /** Hands out the same bytes, so that the drawn secret is known. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes[i % bytes.length];
            }
        }
    }
}
