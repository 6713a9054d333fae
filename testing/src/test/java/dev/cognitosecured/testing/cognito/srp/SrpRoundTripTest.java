package dev.cognitosecured.testing.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server against {@link HexSrpClient}, a client written apart from it. */
class SrpRoundTripTest {

    private static final String POOL = "AbCdEf123";
    private static final String USER = "alice";
    private static final String PASSWORD = "Correct-h0rse!";
    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");
    private static final String NOW_TEXT = "Tue Feb 3 04:05:06 UTC 2026";

    private final SecureRandom random = seeded();
    private final SrpServer server = new SrpServer(random, Clock.fixed(NOW, ZoneOffset.UTC));
    private final SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD.toCharArray(), random);
    private final HexSrpClient client = new HexSrpClient(new BigInteger(256, random));

    @Test
    void theRightPasswordVerifies() {
        assertEquals(SrpOutcome.VERIFIED, answer(server.challenge(verifier, client.srpA()), PASSWORD, NOW_TEXT));
    }

    @Test
    void manyRandomExchangesVerifyWhateverTheEncodingOfEachValue() {
        // The encodings differ by value: a "00" in front when the top bit is set, a "0" when the
        // digits are odd in number. Count which kinds of A, B, salt and u the exchanges crossed.
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            SrpVerifier fresh = SrpVerifier.create(POOL, "user-" + i, PASSWORD.toCharArray(), random);
            HexSrpClient another = new HexSrpClient(new BigInteger(256, random));
            SrpChallenge challenge = server.challenge(fresh, another.srpA());
            String signature = another.signature(POOL, "user-" + i, PASSWORD, challenge.srpB(), challenge.salt(),
                    challenge.secretBlock(), NOW_TEXT);
            assertEquals(SrpOutcome.VERIFIED, server.verify(challenge, challenge.secretBlock(), NOW_TEXT, signature),
                    "exchange " + i);
            kinds.add("A " + kind(another.srpA()));
            kinds.add("B " + kind(challenge.srpB()));
            kinds.add("salt " + kind(challenge.salt()));
            kinds.add("u " + kind(HexSrpClient.scrambler(another.srpA(), challenge.srpB()).toString(16)));
        }
        assertEquals(Set.of("A as is", "A odd", "A top bit", "B as is", "B odd", "B top bit", "salt as is",
                "salt odd", "salt top bit", "u as is", "u odd", "u top bit"), kinds);
    }

    private static String kind(String hex) {
        String padded = HexSrpClient.padHex(new BigInteger(hex, 16));
        return padded.length() == hex.length() ? "as is" : padded.length() == hex.length() + 1 ? "odd" : "top bit";
    }

    @Test
    void aWrongPasswordFails() {
        assertEquals(SrpOutcome.WRONG_SIGNATURE,
                answer(server.challenge(verifier, client.srpA()), "Correct-h0rse?", NOW_TEXT));
    }

    @Test
    void anotherPoolsNameFails() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        String signature = client.signature("Other123", USER, PASSWORD, challenge.srpB(), challenge.salt(),
                challenge.secretBlock(), NOW_TEXT);
        assertEquals(SrpOutcome.WRONG_SIGNATURE, server.verify(challenge, challenge.secretBlock(), NOW_TEXT, signature));
    }

    @Test
    void aTamperedSecretBlockFailsEvenWhenSignedAsSent() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        byte[] block = Base64.getDecoder().decode(challenge.secretBlock());
        block[0] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(block);
        String signature = client.signature(POOL, USER, PASSWORD, challenge.srpB(), challenge.salt(), tampered, NOW_TEXT);
        assertEquals(SrpOutcome.SECRET_BLOCK_MISMATCH, server.verify(challenge, tampered, NOW_TEXT, signature));
    }

    @Test
    void aSignatureOverAnotherSecretBlockFails() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        String otherBlock = Base64.getEncoder().encodeToString(new byte[96]);
        String signature = client.signature(POOL, USER, PASSWORD, challenge.srpB(), challenge.salt(), otherBlock, NOW_TEXT);
        assertEquals(SrpOutcome.WRONG_SIGNATURE, server.verify(challenge, challenge.secretBlock(), NOW_TEXT, signature));
    }

    @Test
    void aTimestampOutsideTheToleranceFailsEitherWay() {
        assertEquals(SrpOutcome.STALE_TIMESTAMP,
                answer(server.challenge(verifier, client.srpA()), PASSWORD, "Tue Feb 3 03:59:05 UTC 2026"));
        assertEquals(SrpOutcome.STALE_TIMESTAMP,
                answer(server.challenge(verifier, client.srpA()), PASSWORD, "Tue Feb 3 04:11:07 UTC 2026"));
    }

    @Test
    void aTimestampAtTheEdgeOfTheToleranceVerifies() {
        assertEquals(SrpOutcome.VERIFIED,
                answer(server.challenge(verifier, client.srpA()), PASSWORD, "Tue Feb 3 04:00:06 UTC 2026"));
        assertEquals(SrpOutcome.VERIFIED,
                answer(server.challenge(verifier, client.srpA()), PASSWORD, "Tue Feb 3 04:10:06 UTC 2026"));
    }

    @Test
    void theToleranceIsConfigurable() {
        SrpServer strict = new SrpServer(random, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        SrpChallenge challenge = strict.challenge(verifier, client.srpA());
        String late = "Tue Feb 3 04:05:37 UTC 2026";
        String signature = client.signature(POOL, USER, PASSWORD, challenge.srpB(), challenge.salt(),
                challenge.secretBlock(), late);
        assertEquals(SrpOutcome.STALE_TIMESTAMP, strict.verify(challenge, challenge.secretBlock(), late, signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tue Feb 03 04:05:06 UTC 2026", // day padded: Cognito's clients never pad it
        "Wed Feb 3 04:05:06 UTC 2026", // wrong day of the week
        "tue Feb 3 04:05:06 UTC 2026",
        "Tue Feb 3 4:05:06 UTC 2026",
        "Tue Feb 3 04:05:06 GMT 2026",
        "Tue Feb 3 04:05:06 UTC 2026 ",
        "2026-02-03T04:05:06Z",
        ""})
    void aTimestampNotInCognitosFormFailsThoughCorrectlySigned(String timestamp) {
        assertEquals(SrpOutcome.MALFORMED_TIMESTAMP, answer(server.challenge(verifier, client.srpA()), PASSWORD, timestamp));
    }

    @Test
    void timestampsInCognitosFormParse() {
        assertEquals(NOW, SrpServer.parseTimestamp(NOW_TEXT));
        assertEquals(Instant.parse("2025-09-14T00:00:09Z"), SrpServer.parseTimestamp("Sun Sep 14 00:00:09 UTC 2025"));
        assertEquals(Instant.parse("2033-12-31T23:59:59Z"), SrpServer.parseTimestamp("Sat Dec 31 23:59:59 UTC 2033"));
        assertNull(SrpServer.parseTimestamp("Sun Sept 14 00:00:09 UTC 2025"));
        assertNull(SrpServer.parseTimestamp(null));
    }

    @Test
    void aChallengeTakesOneAnswer() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        assertEquals(SrpOutcome.VERIFIED, answer(challenge, PASSWORD, NOW_TEXT));
        assertEquals(SrpOutcome.ALREADY_ANSWERED, answer(challenge, PASSWORD, NOW_TEXT));

        SrpChallenge failed = server.challenge(verifier, client.srpA());
        assertEquals(SrpOutcome.WRONG_SIGNATURE, answer(failed, "guess", NOW_TEXT));
        assertEquals(SrpOutcome.ALREADY_ANSWERED, answer(failed, PASSWORD, NOW_TEXT));
    }

    @Test
    void aSignatureThatIsNotBase64Fails() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        assertEquals(SrpOutcome.WRONG_SIGNATURE, server.verify(challenge, challenge.secretBlock(), NOW_TEXT, "%%%"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void refusesAClientValueThatIsZeroModuloN(int multiple) {
        String srpA = SrpMath.PRIME_3072.multiply(BigInteger.valueOf(multiple)).toString(16);
        InvalidSrpParameterException e =
                assertThrows(InvalidSrpParameterException.class, () -> server.challenge(verifier, srpA));
        assertEquals("SRP_A is zero modulo N, which SRP-6a refuses", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xyz", "-1", "\u0661"})
    void refusesAClientValueThatIsNotHex(String srpA) {
        assertThrows(InvalidSrpParameterException.class, () -> server.challenge(verifier, srpA));
    }

    @Test
    void eachChallengeHasItsOwnServerValueAndSecretBlock() {
        SrpChallenge first = server.challenge(verifier, client.srpA());
        SrpChallenge second = server.challenge(verifier, client.srpA());
        assertFalse(first.srpB().equals(second.srpB()));
        assertFalse(first.secretBlock().equals(second.secretBlock()));
        assertEquals(verifier.saltHex(), first.salt());
        assertEquals(USER, first.userIdForSrp());
    }

    @Test
    void toStringsShowNoSecret() {
        SrpChallenge challenge = server.challenge(verifier, client.srpA());
        String text = verifier + " " + challenge;
        assertTrue(text.contains(USER));
        assertFalse(text.contains(verifier.saltHex()));
        assertFalse(text.contains(verifier.value().toString(16)));
        assertFalse(text.contains(challenge.secretBlock()));
        assertFalse(text.contains(challenge.serverSecret().toString(16)));
        assertFalse(text.contains(challenge.srpB()));
    }

    @Test
    void theHexClientPadsAsCognitoDoes() {
        assertEquals("00ff", HexSrpClient.padHex(BigInteger.valueOf(0xff)));
        assertEquals("0abc", HexSrpClient.padHex(BigInteger.valueOf(0xabc)));
        assertEquals("7f", HexSrpClient.padHex(BigInteger.valueOf(0x7f)));
        assertNotNull(client.srpA());
    }

    private SrpOutcome answer(SrpChallenge challenge, String password, String timestamp) {
        String signature = client.signature(POOL, USER, password, challenge.srpB(), challenge.salt(),
                challenge.secretBlock(), timestamp);
        return server.verify(challenge, challenge.secretBlock(), timestamp, signature);
    }

    /** A deterministic generator, so that a failure repeats. */
    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(20260203L);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
