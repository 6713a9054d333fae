package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnauthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

class RevocationTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, false);

    RevocationTest() {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void revokingARefreshTokenRevokesItAndTheTokensIssuedFromIt() {
        AuthenticationResultType signIn = signIn();
        AuthenticationResultType refreshed = refreshTokenAuth(signIn.refreshToken());
        AuthenticationResultType otherSession = signIn();

        f.sdk.revokeToken(r -> r.clientId(app.clientId()).token(signIn.refreshToken()));

        assertRejected(NotAuthorizedException.class, "Refresh Token has been revoked",
                () -> refreshTokenAuth(signIn.refreshToken()));
        assertRejected(NotAuthorizedException.class, "Access Token has been revoked",
                () -> f.sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        assertRejected(NotAuthorizedException.class, "Access Token has been revoked",
                () -> f.sdk.getUser(r -> r.accessToken(refreshed.accessToken())));
        assertEquals("alice", f.sdk.getUser(r -> r.accessToken(otherSession.accessToken())).username(),
                "another sign-in is not affected");
        assertNotNull(refreshTokenAuth(otherSession.refreshToken()).accessToken());
    }

    @Test
    void revokingTwiceOrAnUnknownTokenSucceeds() {
        AuthenticationResultType signIn = signIn();
        f.sdk.revokeToken(r -> r.clientId(app.clientId()).token(signIn.refreshToken()));

        f.sdk.revokeToken(r -> r.clientId(app.clientId()).token(signIn.refreshToken()));
        f.sdk.revokeToken(r -> r.clientId(app.clientId()).token("no-such-token"));

        assertEquals(3, f.cognito.requestCount(Action.REVOKE_TOKEN));
    }

    @Test
    void anotherClientCannotRevokeTheToken() {
        AuthenticationResultType signIn = signIn();
        AppClient other = f.cognito.createClient(pool, false);

        assertRejected(UnauthorizedException.class, "The token was not issued to client " + other.clientId(),
                () -> f.sdk.revokeToken(r -> r.clientId(other.clientId()).token(signIn.refreshToken())));
        assertNotNull(refreshTokenAuth(signIn.refreshToken()).accessToken());
    }

    @Test
    void revokingNeedsTheClientSecretOfAClientWithOne() {
        AppClient secretive = f.cognito.createClient(pool, true);
        String refreshToken = f.passwordAuth(secretive, "alice", "Corr3ct-horse").authenticationResult().refreshToken();

        assertRejected(UnauthorizedException.class, "Invalid client secret for client " + secretive.clientId(),
                () -> f.sdk.revokeToken(r -> r.clientId(secretive.clientId()).token(refreshToken)));
        f.sdk.revokeToken(r -> r.clientId(secretive.clientId()).token(refreshToken)
                .clientSecret(secretive.clientSecret().orElseThrow()));
    }

    @Test
    void globalSignOutRevokesEveryTokenOfTheUserSoFar() {
        AuthenticationResultType first = signIn();
        AuthenticationResultType second = signIn();

        f.sdk.globalSignOut(r -> r.accessToken(first.accessToken()));

        assertRejected(NotAuthorizedException.class, "Refresh Token has been revoked", () -> refreshTokenAuth(first.refreshToken()));
        assertRejected(NotAuthorizedException.class, "Refresh Token has been revoked", () -> refreshTokenAuth(second.refreshToken()));
        assertRejected(NotAuthorizedException.class, "Access Token has been revoked",
                () -> f.sdk.getUser(r -> r.accessToken(second.accessToken())));
        AuthenticationResultType after = signIn();
        assertEquals("alice", f.sdk.getUser(r -> r.accessToken(after.accessToken())).username(),
                "signing in again works");
    }

    @Test
    void aDisabledUserCanNeitherRefreshNorSignInAndItsAccessTokensAreRevoked() {
        LocalUser bob = f.cognito.createUser(pool, "bob", "Corr3ct-horse");
        AuthenticationResultType signIn = f.passwordAuth(app, "bob", "Corr3ct-horse").authenticationResult();

        f.cognito.disableUser(bob);

        assertRejected(NotAuthorizedException.class, "User is disabled.", () -> refreshTokenAuth(signIn.refreshToken()));
        assertRejected(NotAuthorizedException.class, "User is disabled.",
                () -> f.passwordAuth(app, "bob", "Corr3ct-horse"));
        assertRejected(NotAuthorizedException.class, "Access Token has been revoked",
                () -> f.sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        assertNotNull(refreshTokenAuth(signIn().refreshToken()).accessToken(), "another user is not affected");

        f.cognito.enableUser(bob);

        assertNotNull(refreshTokenAuth(signIn.refreshToken()).accessToken(), "the refresh token works again");
        assertNotNull(f.passwordAuth(app, "bob", "Corr3ct-horse").authenticationResult().accessToken());
    }

    @Test
    void aDeletedUsersTokensAreRefusedAsAUserThatDoesNotExist() {
        LocalUser bob = f.cognito.createUser(pool, "bob", "Corr3ct-horse");
        AuthenticationResultType signIn = f.passwordAuth(app, "bob", "Corr3ct-horse").authenticationResult();

        f.cognito.deleteUser(bob);

        assertRejected(UserNotFoundException.class, "User does not exist.", () -> refreshTokenAuth(signIn.refreshToken()));
        assertRejected(UserNotFoundException.class, "User does not exist.",
                () -> f.sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        // a new user of the same name does not revive the old tokens
        f.cognito.createUser(pool, "bob", "An0ther-horse");
        assertRejected(UserNotFoundException.class, "User does not exist.", () -> refreshTokenAuth(signIn.refreshToken()));
    }

    @Test
    void anExpiredAccessTokenIsRefusedByCognitosOwnApis() {
        AuthenticationResultType signIn = signIn();
        f.clock.advance(Duration.ofSeconds(3599));
        f.sdk.getUser(r -> r.accessToken(signIn.accessToken()));
        f.clock.advance(Duration.ofSeconds(1));

        assertRejected(NotAuthorizedException.class, "Access Token has expired",
                () -> f.sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        assertRejected(NotAuthorizedException.class, "Invalid Access Token",
                () -> f.sdk.getUser(r -> r.accessToken(signIn.idToken())));
    }

    private AuthenticationResultType signIn() {
        return f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult();
    }

    private AuthenticationResultType refreshTokenAuth(String refreshToken) {
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }
}
