package dev.cognitosecured.testing.cognito.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import java.net.URI;
import java.time.Instant;

/**
 * Any request body for any action, read as LocalCognito's HTTP face reads it ({@link CognitoHttpServer#body}) and
 * answered by {@link CognitoService#handle}: the answer or a {@link CognitoException} (an error answer in
 * Cognito's shape). Any other exception would be a 500 {@code InternalErrorException} that Cognito never sends,
 * which the AWS SDK retries: a finding. The build replays {@code CognitoRequestFuzzTestInputs/}; {@code -Pfuzz}
 * fuzzes (README, "Fuzzing").
 */
class CognitoRequestFuzzTest {

    private static final String[] ACTIONS = {"InitiateAuth", "RespondToAuthChallenge", "GetTokensFromRefreshToken",
        "RevokeToken", "GlobalSignOut", "GetUser", "SetUserMFAPreference", "AssociateSoftwareToken",
        "VerifySoftwareToken"};

    private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-12-06T07:00:00Z"));
    private static final CognitoService SERVICE = new CognitoService(URI.create("http://127.0.0.1:9"), "us-east-1",
            CLOCK, SrpAuthentication.cognito(CLOCK));

    static {
        // A pool, a client and a user the fuzzer can find in dictionaries of the comparisons it sees.
        String pool = SERVICE.createPool(PoolSettings.defaults());
        SERVICE.createClient(pool, ClientSettings.defaults());
        SERVICE.createUser(pool, NewUser.withPassword("alice", "Correct-Horse-1"));
    }

    @FuzzTest
    void anyRequest(FuzzedDataProvider data) {
        String action = data.consumeBoolean() ? data.pickValue(ACTIONS) : data.consumeString(30);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            SERVICE.handle(action, CognitoHttpServer.body(body));
        } catch (CognitoException answeredAsCognitoDoes) {
            // an error answer
        }
    }
}
