package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Any string as a token, and any bytes as a token's payload: {@link JwtClaims} answers or throws
 * {@link MalformedTokenException}, whose message never quotes the token. Anything else escaping is a finding.
 * The build replays {@code JwtClaimsFuzzTestInputs/}; {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class JwtClaimsFuzzTest {

    @FuzzTest
    void anyToken(FuzzedDataProvider data) {
        String what = data.pickValue(new String[] {"access token", "ID token"});
        readEveryClaim(what, data.consumeRemainingAsString());
    }

    @FuzzTest
    void anyPayload(byte[] payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String jwt = encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload) + ".c2lnbmF0dXJlLW9mLWEtZnV6emVkLXRva2Vu";
        readEveryClaim("access token", jwt);
    }

    /** Reads each claim the runtime reads, each on its own, as {@code IssuedTokens} does. */
    private static void readEveryClaim(String what, String jwt) {
        JwtClaims claims;
        try {
            claims = JwtClaims.of(what, jwt);
        } catch (MalformedTokenException e) {
            assertNoToken(e, jwt);
            return;
        }
        for (Runnable read : new Runnable[] {claims::issuedAt, claims::expiresAt, claims::lifetime,
                () -> claims.string("username"), () -> claims.requiredString("cognito:username")}) {
            try {
                read.run();
            } catch (MalformedTokenException e) {
                assertNoToken(e, jwt);
            }
        }
    }

    private static void assertNoToken(MalformedTokenException e, String jwt) {
        if (jwt.length() >= 8) {
            assertFalse(String.valueOf(e.getMessage()).contains(jwt), "the message quotes the token");
        }
    }
}
