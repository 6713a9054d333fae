package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.internal.cognito.srp.PasswordClaim;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpClient;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpTimestamp;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

class CustomChallengeTest {

    /** A riddle with three tries, like the usual "passwordless code" triggers. */
    private static final CustomAuthTriggers RIDDLE = new CustomAuthTriggers() {
        @Override
        public Decision define(String username, List<Boolean> answers) {
            if (answers.contains(true)) {
                return Decision.ISSUE_TOKENS;
            }
            return answers.size() >= 3 ? Decision.FAIL_AUTHENTICATION : Decision.CUSTOM_CHALLENGE;
        }

        @Override
        public CustomChallenge create(String username, List<Boolean> answers) {
            return new CustomChallenge(Map.of("question", "2+2", "attempt", String.valueOf(answers.size() + 1)),
                    Map.of("answer", "4"));
        }

        @Override
        public boolean verify(String username, CustomChallenge challenge, String answer) {
            return challenge.privateParameters().get("answer").equals(answer);
        }
    };

    private final CognitoFixture f = new CognitoFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRightAnswerIssuesTokens() {
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(RIDDLE));

        InitiateAuthResponse start = customAuth(app);
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, start.challengeName());
        assertEquals("2+2", start.challengeParameters().get("question"));
        assertEquals("alice", start.challengeParameters().get("USERNAME"));
        assertNull(start.challengeParameters().get("answer"), "private parameters stay on the server");

        RespondToAuthChallengeResponse done = answer(app, start.session(), "4");
        assertNotNull(done.authenticationResult().accessToken());
    }

    @Test
    void aWrongAnswerGetsANewChallengeWithANewSessionUntilTheTriggersGiveUp() {
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(RIDDLE));
        String first = customAuth(app).session();

        RespondToAuthChallengeResponse second = answer(app, first, "5");
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, second.challengeName());
        assertEquals("2", second.challengeParameters().get("attempt"));
        assertNotEquals(first, second.session());
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> answer(app, first, "4"));

        RespondToAuthChallengeResponse third = answer(app, second.session(), "3");
        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> answer(app, third.session(), "22"));
    }

    @Test
    void aPoolWithoutTriggersRefusesCustomAuth() {
        AppClient app = clientOf(PoolSettings.defaults());

        assertRejected(InvalidParameterException.class, "Custom auth lambda trigger is not configured for the user pool.",
                () -> customAuth(app));
    }

    @Test
    void aTriggerThatThrowsIsALambdaValidationError() {
        CustomAuthTriggers broken = new CustomAuthTriggers() {
            @Override
            public Decision define(String username, List<Boolean> answers) {
                return Decision.CUSTOM_CHALLENGE;
            }

            @Override
            public CustomChallenge create(String username, List<Boolean> answers) {
                throw new IllegalStateException("no code generator");
            }

            @Override
            public boolean verify(String username, CustomChallenge challenge, String answer) {
                return false;
            }
        };
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(broken));

        assertRejected(UserLambdaValidationException.class, "CreateAuthChallenge failed with error no code generator.",
                () -> customAuth(app));
    }

    @Test
    void srpFirstProvesThePasswordThenTheTriggersTakeOverWithNoAnswersYet() {
        List<List<Boolean>> defined = new CopyOnWriteArrayList<>();
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(watched(RIDDLE, defined)));
        SrpClient srp = SrpClient.start(new SecureRandom());

        InitiateAuthResponse start = customAuthWithSrp(app, srp);
        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, start.challengeName());
        assertEquals("alice", start.challengeParameters().get("USER_ID_FOR_SRP"));
        assertNotNull(start.challengeParameters().get("SRP_B"));
        assertTrue(defined.isEmpty(), "the triggers are not asked before the password is proven");

        RespondToAuthChallengeResponse custom = prove(app, start, srp, "Corr3ct-horse");
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, custom.challengeName());
        assertEquals("2+2", custom.challengeParameters().get("question"));
        assertNull(custom.challengeParameters().get("answer"), "private parameters stay on the server");
        assertNotEquals(start.session(), custom.session());
        assertEquals(List.of(List.of()), defined);

        assertNotNull(answer(app, custom.session(), "4").authenticationResult().accessToken());
        assertEquals(List.of(List.of(), List.of(true)), defined);
    }

    @Test
    void srpFirstWithAWrongPasswordFailsBeforeAnyCustomChallenge() {
        List<List<Boolean>> defined = new CopyOnWriteArrayList<>();
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(watched(RIDDLE, defined)));
        SrpClient srp = SrpClient.start(new SecureRandom());
        InitiateAuthResponse start = customAuthWithSrp(app, srp);

        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> prove(app, start, srp, "Wr0ng-horse"));
        assertTrue(defined.isEmpty(), "no custom challenge follows a wrong password");
    }

    @Test
    void srpFirstNeedsSrpAAndOnlySrpAOrCustomChallengeMayComeFirst() {
        AppClient app = clientOf(PoolSettings.defaults().withCustomAuth(RIDDLE));
        Map<String, String> parameters = new HashMap<>(usernameAndSecretHash(app));
        parameters.put("CHALLENGE_NAME", "SRP_A");
        assertRejected(InvalidParameterException.class, "Missing required parameter SRP_A",
                () -> initiateCustomAuth(app, parameters));

        parameters.put("CHALLENGE_NAME", "PASSWORD_VERIFIER");
        assertRejected(InvalidParameterException.class,
                "CHALLENGE_NAME must be SRP_A or CUSTOM_CHALLENGE to start CUSTOM_AUTH, not PASSWORD_VERIFIER",
                () -> initiateCustomAuth(app, parameters));

        parameters.put("CHALLENGE_NAME", "CUSTOM_CHALLENGE");
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, initiateCustomAuth(app, parameters).challengeName());
    }

    @Test
    void aPoolWithoutTriggersRefusesCustomAuthWithSrpFirst() {
        AppClient app = clientOf(PoolSettings.defaults());

        assertRejected(InvalidParameterException.class, "Custom auth lambda trigger is not configured for the user pool.",
                () -> customAuthWithSrp(app, SrpClient.start(new SecureRandom())));
    }

    /** {@code triggers}, recording the answers each call of {@code define} was given. */
    private static CustomAuthTriggers watched(CustomAuthTriggers triggers, List<List<Boolean>> defined) {
        return new CustomAuthTriggers() {
            @Override
            public Decision define(String username, List<Boolean> answers) {
                defined.add(List.copyOf(answers));
                return triggers.define(username, answers);
            }

            @Override
            public CustomChallenge create(String username, List<Boolean> answers) {
                return triggers.create(username, answers);
            }

            @Override
            public boolean verify(String username, CustomChallenge challenge, String answer) {
                return triggers.verify(username, challenge, answer);
            }
        };
    }

    /** {@code InitiateAuth CUSTOM_AUTH} with {@code CHALLENGE_NAME=SRP_A} and the client's {@code SRP_A}. */
    private InitiateAuthResponse customAuthWithSrp(AppClient app, SrpClient srp) {
        Map<String, String> parameters = new HashMap<>(usernameAndSecretHash(app));
        parameters.put("CHALLENGE_NAME", "SRP_A");
        parameters.put("SRP_A", srp.srpA());
        return initiateCustomAuth(app, parameters);
    }

    /** The {@code PASSWORD_VERIFIER} answer as a client computes it, by the runtime's SRP client. */
    private RespondToAuthChallengeResponse prove(AppClient app, InitiateAuthResponse start, SrpClient srp,
            String password) {
        Map<String, String> challenge = start.challengeParameters();
        PasswordClaim claim = srp.passwordClaim(SrpClient.poolName(app.pool().id()), challenge.get("USER_ID_FOR_SRP"),
                password.toCharArray(), challenge.get("SRP_B"), challenge.get("SALT"), challenge.get("SECRET_BLOCK"),
                new SrpTimestamp(f.clock.withZone(ZoneOffset.UTC)).now());
        return f.respond(app, ChallengeNameType.PASSWORD_VERIFIER, start.session(), challenge.get("USER_ID_FOR_SRP"),
                Map.of("PASSWORD_CLAIM_SIGNATURE", claim.signature(),
                        "PASSWORD_CLAIM_SECRET_BLOCK", challenge.get("SECRET_BLOCK"),
                        "TIMESTAMP", claim.timestamp()));
    }

    private AppClient clientOf(PoolSettings settings) {
        UserPool pool = f.cognito.createPool(settings);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        return f.cognito.createClient(pool, true);
    }

    private InitiateAuthResponse customAuth(AppClient app) {
        return initiateCustomAuth(app, usernameAndSecretHash(app));
    }

    private static Map<String, String> usernameAndSecretHash(AppClient app) {
        return Map.of("USERNAME", "alice",
                "SECRET_HASH", CognitoFixture.secretHash(app.clientSecret().orElseThrow(), "alice", app.clientId()));
    }

    private InitiateAuthResponse initiateCustomAuth(AppClient app, Map<String, String> parameters) {
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(parameters));
    }

    private RespondToAuthChallengeResponse answer(AppClient app, String session, String answer) {
        return f.respond(app, ChallengeNameType.CUSTOM_CHALLENGE, session, "alice", Map.of("ANSWER", answer));
    }
}
