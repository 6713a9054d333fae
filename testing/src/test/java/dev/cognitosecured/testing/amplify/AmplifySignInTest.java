package dev.cognitosecured.testing.amplify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.junit.CognitoTestKit;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The independent cross-check of LocalCognito's SRP: AWS Amplify JS 6 (npm {@code aws-amplify}, run with Node),
 * a client nobody here wrote, signs in with its default flow, {@code USER_SRP_AUTH}. Amplify signs its {@code
 * TIMESTAMP} with the real time and judges tokens by it, so the stand-ins run on the system clock here.
 */
class AmplifySignInTest {

    @RegisterExtension
    static final CognitoTestKit KIT = CognitoTestKit.builder().clock(InstantSource.system()).build();

    @Test
    void amplifySignsInWithSrp(LocalCognito cognito, UserPool pool, AppClient client)
            throws IOException, InterruptedException {
        cognito.createUser(pool, "alice", "Corr3ct-horse");

        AmplifyScript.Run run = AmplifyScript.run(environment(cognito, pool, client, "alice", "Corr3ct-horse"));

        assertEquals(List.of("signInStep=DONE", "username=alice", "tokenUse=access"), run.lines(), run.toString());
        assertEquals(0, run.exitCode());
        assertEquals(1, cognito.initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertEquals(0, cognito.initiateAuthCount("USER_PASSWORD_AUTH"));
    }

    @Test
    void amplifyAnswersANewPasswordChallengeAfterSrp(LocalCognito cognito, UserPool pool, AppClient client)
            throws IOException, InterruptedException {
        cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary"));
        Map<String, String> environment = environment(cognito, pool, client, "bob", "Temp-0rary");
        environment.put("NEW_PASSWORD", "N3w-password!");

        AmplifyScript.Run run = AmplifyScript.run(environment);

        assertEquals(List.of("signInStep=CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED", "signInStep=DONE",
                "username=bob", "tokenUse=access"), run.lines(), run.toString());
        assertEquals(1, cognito.initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertEquals(1, cognito.challengeResponseCount("NEW_PASSWORD_REQUIRED"));
    }

    @Test
    void amplifyIsToldAWrongPasswordIsIncorrect(LocalCognito cognito, UserPool pool, AppClient client)
            throws IOException, InterruptedException {
        cognito.createUser(pool, "alice", "Corr3ct-horse");

        AmplifyScript.Run run = AmplifyScript.run(environment(cognito, pool, client, "alice", "Wr0ng-horse"));

        assertEquals(List.of("error=NotAuthorizedException: Incorrect username or password."), run.lines(),
                run.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, cognito.challengeResponseCount("PASSWORD_VERIFIER"));
    }

    private static Map<String, String> environment(LocalCognito cognito, UserPool pool, AppClient client,
            String username, String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("COGNITO_ENDPOINT", cognito.endpoint().toString());
        environment.put("USER_POOL_ID", pool.id());
        environment.put("CLIENT_ID", client.clientId());
        environment.put("COGNITO_USERNAME", username);
        environment.put("COGNITO_PASSWORD", password);
        return environment;
    }
}
