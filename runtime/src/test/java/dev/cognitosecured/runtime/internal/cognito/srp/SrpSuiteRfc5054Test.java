package dev.cognitosecured.runtime.internal.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The generic SRP-6a arithmetic on the test vectors of RFC 5054 appendix B (user "alice", password
 * "password123", the 1024-bit group of appendix A, SHA-1, RFC 5054's {@code PAD()}). Only the
 * group, hash and integer encoding differ from Cognito's suite; the code under test is the same.
 */
class SrpSuiteRfc5054Test {

    private static final SrpGroup RFC_5054_1024 = new SrpGroup(hex(
            "EEAF0AB9ADB38DD69C33F80AFA8FC5E86072618775FF3C0B9EA2314C9C256576D674DF7496EA81D3383B4813D692C6E0E0D5D8E250"
            + "B98BE48E495C1D6089DAD15DC7D7B46154D6B6CE8EF4AD69B15D4982559B297BCF1885C529F566660E57EC68EDBC3C05726CC02F"
            + "D4CBF4976EAA9AFD5138FE8376435B9FC61D2FC0EB06E3"), BigInteger.TWO);
    private static final SrpSuite SUITE = new SrpSuite(RFC_5054_1024, "SHA-1", IntegerBytes.PADDED_TO_MODULUS);

    private static final byte[] SALT = HexFormat.of().parseHex("BEB25379D1A8581EB5A727673A2441EE");
    private static final BigInteger A_SECRET = hex("60975527035CF2AD1989806F0407210BC81EDC04E2762A56AFD529DDDA2D4393");
    private static final BigInteger B_SECRET = hex("E487CB59D31AC550471E81F00F6928E01DDA08E974A004F49E61F5D105284D20");

    private static final BigInteger K = hex("7556AA045AEF2CDD07ABAF0F665C3E818913186F");
    private static final BigInteger X = hex("94B7555AABE9127CC58CCF4993DB6CF84D16C124");
    private static final BigInteger V = hex(
            "7E273DE8696FFC4F4E337D05B4B375BEB0DDE1569E8FA00A9886D8129BADA1F1822223CA1A605B530E379BA4729FDC59F105B478"
            + "7E5186F5C671085A1447B52A48CF1970B4FB6F8400BBF4CEBFBB168152E08AB5EA53D15C1AFF87B2B9DA6E04E058AD51CC72BFC9"
            + "033B564E26480D78E955A5E29E7AB245DB2BE315E2099AFB");
    private static final BigInteger A = hex(
            "61D5E490F6F1B79547B0704C436F523DD0E560F0C64115BB72557EC44352E8903211C04692272D8B2D1A5358A2CF1B6E0BFCF99F"
            + "921530EC8E39356179EAE45E42BA92AEACED825171E1E8B9AF6D9C03E1327F44BE087EF06530E69F66615261EEF54073CA11CF58"
            + "58F0EDFDFE15EFEAB349EF5D76988A3672FAC47B0769447B");
    private static final BigInteger B = hex(
            "BD0C61512C692C0CB6D041FA01BB152D4916A1E77AF46AE105393011BAF38964DC46A0670DD125B95A981652236F99D9B681CBF8"
            + "7837EC996C6DA04453728610D0C6DDB58B318885D7D82C7F8DEB75CE7BD4FBAA37089E6F9C6059F388838E7A00030B331EB76840"
            + "910440B1B27AAEAEEB4012B7D7665238A8E3FB004B117B58");
    private static final BigInteger U = hex("CE38B9593487DA98554ED47D70A7AE5F462EF019");
    private static final BigInteger PREMASTER_SECRET = hex(
            "B0DC82BABCF30674AE450C0287745E7990A3381F63B387AAF271A10D233861E359B48220F7C4693C9AE12B0A6F67809F0876E2D0"
            + "13800D6C41BB59B6D5979B5C00A172B4A2A5903A0BDCAF8A709585EB2AFAFA8F3499B200210DCC1F10EB33943CD67FC88A2F39A4"
            + "BE5BEC4EC0A3212DC346D7E474B29EDE8A469FFECA686E5A");

    @Test
    void multiplierIsTheHashOfThePrimeAndThePaddedGenerator() {
        assertEquals(K, SUITE.multiplier());
    }

    @Test
    void privateKeyHashesSaltThenHashOfUserColonPassword() {
        assertEquals(X, SUITE.privateKey(SALT, "alice".getBytes(StandardCharsets.UTF_8), "password123".toCharArray()));
    }

    @Test
    void verifierAndClientPublicValueArePowersOfTheGenerator() {
        assertEquals(V, SUITE.publicValue(X));
        assertEquals(A, SUITE.publicValue(A_SECRET));
    }

    @Test
    void scramblerHashesBothPaddedPublicValues() {
        assertEquals(U, SUITE.scrambler(A, B));
    }

    @Test
    void clientPremasterSecretMatchesTheRfc() {
        assertEquals(PREMASTER_SECRET, SUITE.clientSecret(A_SECRET, B, X, U));
    }

    @Test
    void theVectorsServerSideAgrees() {
        // B = k*v + g^b and S = (A * v^u)^b: the appendix's own server values, so a mistyped constant
        // above shows up here rather than as a puzzling client failure.
        BigInteger n = RFC_5054_1024.prime();
        assertEquals(B, K.multiply(V).add(RFC_5054_1024.power(B_SECRET)).mod(n));
        assertEquals(PREMASTER_SECRET, A.multiply(V.modPow(U, n)).modPow(B_SECRET, n));
    }

    @Test
    void paddingWidensShortValuesToTheModulusLength() {
        byte[] padded = SUITE.bytes(BigInteger.TWO);
        assertEquals(128, padded.length);
        assertEquals(2, padded[127]);
        assertArrayEquals(new byte[127], Arrays.copyOf(padded, 127));
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }
}
