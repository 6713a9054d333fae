package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

class PasswordSignInTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void rightPasswordGivesBearerTokensAndARefreshToken() {
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");

        InitiateAuthResponse response = f.passwordAuth(app, "alice", "Corr3ct-horse");

        assertNull(response.challengeName());
        AuthenticationResultType result = response.authenticationResult();
        assertEquals("Bearer", result.tokenType());
        assertEquals(3600, result.expiresIn());
        assertNotNull(result.accessToken());
        assertNotNull(result.idToken());
        assertNotNull(result.refreshToken());
        assertEquals(1, f.cognito.requestCount(Action.INITIATE_AUTH));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");

        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "alice", "wrong"));
        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "nobody", "Corr3ct-horse"));
    }

    @Test
    void aClientThatAllowsUserExistenceErrorsSaysTheUserDoesNotExist() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withUserExistenceErrors());

        assertRejected(UserNotFoundException.class, "User does not exist.",
                () -> f.passwordAuth(app, "nobody", "whatever"));
    }

    @Test
    void aFlowTheClientDoesNotAllowIsRefused() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withAuthFlows(ExplicitAuthFlow.USER_SRP_AUTH));
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");

        assertRejected(InvalidParameterException.class, "USER_PASSWORD_AUTH flow not enabled for this client",
                () -> f.passwordAuth(app, "alice", "Corr3ct-horse"));
    }

    @Test
    void anUnknownClientIsNotFound() {
        assertRejected(ResourceNotFoundException.class, "User pool client nosuchclient does not exist.",
                () -> f.sdk.initiateAuth(r -> r.clientId("nosuchclient").authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "x"))));
    }

    @Test
    void aMissingPasswordIsAnInvalidParameter() {
        AppClient app = f.cognito.createClient(pool, false);

        assertRejected(InvalidParameterException.class, "Missing required parameter PASSWORD",
                () -> f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice"))));
    }

    @Test
    void fiveWrongPasswordsLockTheUserOutForASecondThenTwo() {
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        for (int i = 0; i < 5; i++) {
            assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                    () -> f.passwordAuth(app, "alice", "wrong"));
        }

        assertRejected(NotAuthorizedException.class, "Password attempts exceeded",
                () -> f.passwordAuth(app, "alice", "Corr3ct-horse"));
        f.clock.advance(Duration.ofSeconds(1));
        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "alice", "wrong"));
        f.clock.advance(Duration.ofMillis(1999));
        assertRejected(NotAuthorizedException.class, "Password attempts exceeded",
                () -> f.passwordAuth(app, "alice", "Corr3ct-horse"));
        f.clock.advance(Duration.ofMillis(1));
        assertNotNull(f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult());
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        for (int i = 0; i < 4; i++) {
            assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                    () -> f.passwordAuth(app, "alice", "wrong"));
        }
        f.passwordAuth(app, "alice", "Corr3ct-horse");

        assertRejected(NotAuthorizedException.class, "Incorrect username or password.",
                () -> f.passwordAuth(app, "alice", "wrong"));
        assertNotNull(f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult());
    }
}
