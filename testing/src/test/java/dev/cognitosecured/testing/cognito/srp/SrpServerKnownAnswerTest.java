package dev.cognitosecured.testing.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The server against AWS's own JavaScript client. With the inputs below, {@code amazon-cognito-identity-js}
 * 6.3.15 ({@code AuthenticationHelper} with {@code smallAValue} fixed; npm, Apache-2.0) made
 * {@code SRP_A}, took this server's {@code SRP_B}, {@code SALT} and {@code SECRET_BLOCK}, and signed;
 * its key went through Node's {@code crypto.createHmac} over pool name, user id, secret block and
 * timestamp. The server must accept the right password's signature and refuse the wrong one's.
 */
class SrpServerKnownAnswerTest {

    private static final String TIMESTAMP = "Tue Feb 3 04:05:06 UTC 2026";
    private static final String JS_SRP_A =
            "66bf74fa878b94c7b07ee7e8fd29a272c822d2d15e0d9f2e8acab4507fa3f05b674c87a8508f45929c4a2d693b0abd19333fefda"
            + "4094871dbc6f94ccd1e035252aa8e2e27111b932c53e9147a0c5045089830b0f743e4c29e7a39bb9a5b3ad55989616de3d2a47"
            + "3621574006b5a479233a86c6389368ae14a34099c983005163097987d6c16fda62a0b8a2e45ff875d6e6bf0e51732e4e61d667"
            + "554cc36f5034f1c5c0bd7134fa39177d01247495ec4b8f13a5f1bf44c3e5952e457eddb157448ff5d14e0b40775a7fb5ef212c"
            + "dcaa2173826279f2e815f10c27d687362e3f300e89eafce64c1bd1379aae88cfff2f10c9b4b7e7c5522b5b4f327adfeb037887"
            + "f5fc7b51ffa6720a8904d79615e9768c752472030fcb83ee012e0a2fe4f50a8b548d0ed571afeb5faaabb887bd156813107d9d"
            + "56f00649aa5f294a557476a69602c2a86106f5b8d9ad7f2800371384b6cef56f185c28d0f9bf58ff6707dc6abb17984f112fc1"
            + "5a50b80e0fca036e3514b019105947751b691e6c20ce76998509";
    private static final String JS_SIGNATURE_RIGHT_PASSWORD = "hDTPq4Fom5/R/i/MoFHL2sn3Pupg4RSx5TgSw5ImmDE=";
    private static final String JS_SIGNATURE_WRONG_PASSWORD = "8dcNy72utVKgxGX/MoD5GyLOpIvohiCgZQGARQ6WjSw=";

    @Test
    void acceptsTheRightPasswordSignedByAmazonCognitoIdentityJs() {
        SrpChallenge challenge = challenge();
        assertEquals(SrpOutcome.VERIFIED,
                server().verify(challenge, challenge.secretBlock(), TIMESTAMP, JS_SIGNATURE_RIGHT_PASSWORD));
    }

    @Test
    void refusesAWrongPasswordSignedByAmazonCognitoIdentityJs() {
        SrpChallenge challenge = challenge();
        assertEquals(SrpOutcome.WRONG_SIGNATURE,
                server().verify(challenge, challenge.secretBlock(), TIMESTAMP, JS_SIGNATURE_WRONG_PASSWORD));
    }

    @Test
    void theChallengeIsTheOneTheJsClientSigned() {
        SrpChallenge challenge = challenge();
        assertEquals("f00dbabe0123456789abcdef00112233", challenge.salt());
        assertEquals("S3CVut8EKU5zmL3iByxRdpvA5QovVHmew+gNMld8ocbrEDVaf6TJ7hM4XYKnzPEWO2CFqs/0GT5jiK3S9xxBZouw1fofRGmO"
                + "s9j9IkdskbbbACVKb5S53gMoTXKXvOEG", challenge.secretBlock());
        assertEquals("5dc4cf92fe1a7441470c73032978e93d", challenge.srpB().substring(0, 32));
    }

    private static SrpChallenge challenge() {
        SrpVerifier verifier = SrpVerifier.withSalt("LocalPool1", "bob", "Tr0ub4dor&3".toCharArray(),
                new BigInteger("f00dbabe0123456789abcdef00112233", 16));
        return new SrpServer(new CountingRandom(), Clock.systemUTC()).challenge(verifier, JS_SRP_A);
    }

    private static SrpServer server() {
        return new SrpServer(new SecureRandom(), Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC));
    }

    /** The bytes 11, 48, 85, ... (n * 37 + 11): the server's b and secret block the JS client saw. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public void nextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (next++ * 37 + 11);
            }
        }
    }
}
