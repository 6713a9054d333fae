package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private AppClient clientOf(PoolSettings settings) {
        UserPool pool = f.cognito.createPool(settings);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        return f.cognito.createClient(pool, true);
    }

    private InitiateAuthResponse customAuth(AppClient app) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("USERNAME", "alice");
        parameters.put("SECRET_HASH", CognitoFixture.secretHash(app.clientSecret().orElseThrow(), "alice", app.clientId()));
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(parameters));
    }

    private RespondToAuthChallengeResponse answer(AppClient app, String session, String answer) {
        return f.respond(app, ChallengeNameType.CUSTOM_CHALLENGE, session, "alice", Map.of("ANSWER", answer));
    }
}
