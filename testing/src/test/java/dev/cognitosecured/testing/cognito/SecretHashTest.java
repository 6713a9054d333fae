package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

class SecretHashTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, true);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void signInWithTheRightHashWorks() {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");

        assertNotNull(f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult());
    }

    @Test
    void aMissingHashIsRefusedEvenForAnUnknownUser() {
        assertRejected(NotAuthorizedException.class,
                "Client " + app.clientId() + " is configured with secret but SECRET_HASH was not received",
                () -> f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "nobody", "PASSWORD", "x"))));
    }

    @Test
    void aHashForAnotherUserNameIsRefused() {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        String hashOfBob = CognitoFixture.secretHash(app.clientSecret().orElseThrow(), "bob", app.clientId());

        assertRejected(NotAuthorizedException.class, "Unable to verify secret hash for client " + app.clientId(),
                () -> f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Corr3ct-horse", "SECRET_HASH", hashOfBob))));
    }

    @Test
    void refreshNeedsTheHashOfTheTokensUserName() {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        String refreshToken = f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult().refreshToken();
        String secret = app.clientSecret().orElseThrow();

        assertRejected(NotAuthorizedException.class,
                "Client " + app.clientId() + " is configured with secret but SECRET_HASH was not received",
                () -> refresh(Map.of("REFRESH_TOKEN", refreshToken)));
        assertRejected(NotAuthorizedException.class, "Unable to verify secret hash for client " + app.clientId(),
                () -> refresh(Map.of("REFRESH_TOKEN", refreshToken,
                        "SECRET_HASH", CognitoFixture.secretHash(secret, "someone-else", app.clientId()))));
        InitiateAuthResponse refreshed = refresh(Map.of("REFRESH_TOKEN", refreshToken,
                "SECRET_HASH", CognitoFixture.secretHash(secret, "alice", app.clientId())));
        assertNotNull(refreshed.authenticationResult().accessToken());
    }

    @Test
    void getTokensFromRefreshTokenNeedsTheClientSecret() {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        String refreshToken = f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult().refreshToken();

        assertRejected(NotAuthorizedException.class, "Unable to verify secret hash for client " + app.clientId(),
                () -> f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken)));
        assertRejected(NotAuthorizedException.class, "Unable to verify secret hash for client " + app.clientId(),
                () -> f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken)
                        .clientSecret("not-the-secret")));
        assertNotNull(f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken)
                .clientSecret(app.clientSecret().orElseThrow())).authenticationResult().accessToken());
    }

    @Test
    void challengeAnswersNeedTheHashToo() {
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary"));
        String session = f.passwordAuth(app, "bob", "Temp-0rary").session();

        assertRejected(NotAuthorizedException.class,
                "Client " + app.clientId() + " is configured with secret but SECRET_HASH was not received",
                () -> f.sdk.respondToAuthChallenge(r -> r.clientId(app.clientId())
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
                        .challengeResponses(Map.of("USERNAME", "bob", "NEW_PASSWORD", "N3w-password!"))));
        // The refused answer did not use the session up.
        assertNotNull(f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, session, "bob",
                Map.of("NEW_PASSWORD", "N3w-password!")).authenticationResult());
    }

    private InitiateAuthResponse refresh(Map<String, String> parameters) {
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(parameters));
    }
}
