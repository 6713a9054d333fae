package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.internal.cognito.srp.InvalidSrpChallengeException;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpClient;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.SignInResponse;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * What Cognito answers a sign-in step with, made up: any challenge name, parameters, session and tokens.
 * {@link ChallengeResponses} answers or throws {@link MalformedTokenException}; {@link ChallengeSteps} answers or
 * throws one of the library's exceptions ({@link CognitoSecuredException}); the SRP client's reading of a
 * {@code PASSWORD_VERIFIER} challenge answers or throws {@link InvalidSrpChallengeException}. No message quotes the
 * session. The build replays {@code SignInChallengeFuzzTestInputs/}; {@code -Pfuzz} fuzzes (README, "Fuzzing").
 */
class SignInChallengeFuzzTest {

    private static final String[] NAMES = {"NEW_PASSWORD_REQUIRED", "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA",
        "SELECT_MFA_TYPE", "MFA_SETUP", "CUSTOM_CHALLENGE", "PASSWORD_VERIFIER", "DEVICE_SRP_AUTH", ""};
    private static final String[] KEYS = {"requiredAttributes", "userAttributes", "CODE_DELIVERY_DESTINATION",
        "CODE_DELIVERY_DELIVERY_MEDIUM", "MFAS_CAN_CHOOSE", "MFAS_CAN_SETUP", "USERNAME", "USER_ID_FOR_SRP", "SRP_B",
        "SALT", "SECRET_BLOCK"};
    private static final String SESSION = "AYABeFuzzedChallengeSessionThatMustNeverBeQuoted0123456789";
    private static final SrpClient SRP = SrpClient.start(new SecureRandom(new byte[] {1}));

    @FuzzTest
    void anyChallenge(FuzzedDataProvider data) {
        String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(24);
        Map<String, String> parameters = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(16);
            parameters.put(key, data.consumeString(200));
        }
        String session = data.pickValue(new String[] {SESSION, "", SESSION + data.consumeString(8)});
        boolean initiate = data.consumeBoolean();
        AuthenticationResultType tokens = data.consumeBoolean() ? null : AuthenticationResultType.builder()
                .accessToken(nullable(data)).idToken(nullable(data)).refreshToken(nullable(data))
                .expiresIn(data.consumeInt()).tokenType("Bearer").build();
        SignInResponse response;
        try {
            response = initiate
                    ? ChallengeResponses.of(InitiateAuthResponse.builder().challengeName(name)
                            .challengeParameters(parameters).session(session).authenticationResult(tokens).build(),
                            "alice")
                    : ChallengeResponses.of(RespondToAuthChallengeResponse.builder().challengeName(name)
                            .challengeParameters(parameters).session(session).authenticationResult(tokens).build(),
                            "alice");
        } catch (MalformedTokenException e) {
            assertNoSession(e, name, parameters);
            return;
        }
        if (response instanceof SignInResponse.Challenged challenged) {
            Challenge challenge = challenged.challenge();
            try {
                if (!ChallengeSteps.isSoftwareTokenSetUp(challenge)) {
                    ChallengeSteps.of(challenge);
                }
            } catch (CognitoSecuredException e) {
                assertNoSession(e, name, parameters);
            }
        }
    }

    /** A {@code PASSWORD_VERIFIER} challenge with any parameters, answered with the pool's name and a password. */
    @FuzzTest(maxDuration = "10m")
    void anyPasswordVerifier(FuzzedDataProvider data) {
        String userIdForSrp = data.consumeBoolean() ? null : data.consumeString(40);
        String srpB = data.consumeBoolean() ? null : data.consumeString(800);
        String salt = data.consumeBoolean() ? null : data.consumeString(64);
        String secretBlock = data.consumeBoolean() ? null : data.consumeString(200);
        try {
            SRP.passwordClaim("AbCdEf123", userIdForSrp, "correct horse".toCharArray(), srpB, salt, secretBlock,
                    "Sun Dec 6 07:00:00 UTC 2026");
        } catch (InvalidSrpChallengeException expected) {
            // documented
        }
    }

    private static String nullable(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : data.consumeString(300);
    }

    /**
     * The session is never quoted. A message may quote the challenge's name and parameters, which Cognito sends
     * for the user's eyes ({@link Challenge#parameters()}): when the fuzzer copied the session's text into one of
     * those (input {@code session-text-inside-a-parameter}), finding it in the message is no leak.
     */
    private static void assertNoSession(RuntimeException e, String name, Map<String, String> parameters) {
        boolean shownAnyway = name.contains(SESSION) || parameters.entrySet().stream()
                .anyMatch(p -> p.getKey().contains(SESSION) || p.getValue().contains(SESSION));
        if (!shownAnyway) {
            assertFalse(String.valueOf(e.getMessage()).contains(SESSION), "the message quotes the session");
        }
    }
}
