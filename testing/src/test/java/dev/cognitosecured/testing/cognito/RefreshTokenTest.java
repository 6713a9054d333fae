package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;

class RefreshTokenTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void refreshTokenAuthGivesNewAccessAndIdTokensButNoRefreshToken() {
        AppClient app = f.cognito.createClient(pool, false);
        String refreshToken = signIn(app).refreshToken();

        AuthenticationResultType refreshed = refreshTokenAuth(app, refreshToken);

        assertNotNull(refreshed.accessToken());
        assertNotNull(refreshed.idToken());
        assertNull(refreshed.refreshToken());
        assertEquals(3600, refreshed.expiresIn());
        assertEquals("Bearer", refreshed.tokenType());
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withRefreshTokenValidity(Duration.ofHours(1)));
        String refreshToken = signIn(app).refreshToken();
        f.clock.advance(Duration.ofMinutes(59));
        refreshTokenAuth(app, refreshToken);
        f.clock.advance(Duration.ofMinutes(1));

        assertRejected(NotAuthorizedException.class, "Refresh Token has expired", () -> refreshTokenAuth(app, refreshToken));
        assertRejected(NotAuthorizedException.class, "Refresh Token has expired",
                () -> f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken)));
    }

    @Test
    void anUnknownRefreshTokenOrOneOfAnotherClientIsInvalid() {
        AppClient app = f.cognito.createClient(pool, false);
        AppClient other = f.cognito.createClient(pool, false);
        String refreshToken = signIn(app).refreshToken();

        assertRejected(NotAuthorizedException.class, "Invalid Refresh Token", () -> refreshTokenAuth(app, "no-such-token"));
        assertRejected(NotAuthorizedException.class, "Invalid Refresh Token", () -> refreshTokenAuth(other, refreshToken));
    }

    @Test
    void withoutRotationGetTokensFromRefreshTokenKeepsTheRefreshToken() {
        AppClient app = f.cognito.createClient(pool, false);
        String refreshToken = signIn(app).refreshToken();

        AuthenticationResultType refreshed = f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId())
                .refreshToken(refreshToken)).authenticationResult();

        assertNull(refreshed.refreshToken());
        assertNotNull(refreshTokenAuth(app, refreshToken).accessToken());
        assertEquals(1, f.cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN));
    }

    @Test
    void rotationIssuesANewRefreshTokenEachTime() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
        String first = signIn(app).refreshToken();

        String second = rotate(app, first).refreshToken();
        String third = rotate(app, second).refreshToken();

        assertNotNull(second);
        assertNotNull(third);
        assertNotEquals(first, second);
        assertNotEquals(second, third);
    }

    @Test
    void aRotatedRefreshTokenWorksDuringTheGracePeriodThenIsReuse() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withRefreshTokenRotation(Duration.ofSeconds(10)));
        String first = signIn(app).refreshToken();
        String second = rotate(app, first).refreshToken();

        f.clock.advance(Duration.ofSeconds(9));
        assertNotNull(rotate(app, first).accessToken(), "a retry within the grace period works");
        f.clock.advance(Duration.ofSeconds(1));

        assertRejected(RefreshTokenReuseException.class, "Refresh token has already been used", () -> rotate(app, first));
        assertNotNull(rotate(app, second).refreshToken(), "the newer token still works");
    }

    @Test
    void withoutGraceARotatedRefreshTokenIsReuseAtOnce() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
        String first = signIn(app).refreshToken();
        rotate(app, first);

        assertRejected(RefreshTokenReuseException.class, "Refresh token has already been used", () -> rotate(app, first));
    }

    @Test
    void rotationDoesNotExtendTheSignInsRefreshTokenLifetime() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults()
                .withRefreshTokenRotation(Duration.ZERO)
                .withRefreshTokenValidity(Duration.ofHours(1)));
        String first = signIn(app).refreshToken();
        f.clock.advance(Duration.ofMinutes(50));
        String second = rotate(app, first).refreshToken();
        f.clock.advance(Duration.ofMinutes(9));
        String third = rotate(app, second).refreshToken();
        f.clock.advance(Duration.ofMinutes(1));

        assertRejected(NotAuthorizedException.class, "Refresh Token has expired", () -> rotate(app, third));
    }

    @Test
    void withRotationRefreshTokenAuthIsRefused() {
        AppClient app = f.cognito.createClient(pool, ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
        String refreshToken = signIn(app).refreshToken();

        assertRejected(InvalidParameterException.class,
                "Refresh token rotation is enabled for this client: refresh with GetTokensFromRefreshToken",
                () -> refreshTokenAuth(app, refreshToken));
    }

    private AuthenticationResultType signIn(AppClient app) {
        f.cognito.createUser(pool, "alice", "Corr3ct-horse");
        return f.passwordAuth(app, "alice", "Corr3ct-horse").authenticationResult();
    }

    private AuthenticationResultType refreshTokenAuth(AppClient app, String refreshToken) {
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    private AuthenticationResultType rotate(AppClient app, String refreshToken) {
        return f.sdk.getTokensFromRefreshToken(r -> r.clientId(app.clientId()).refreshToken(refreshToken))
                .authenticationResult();
    }
}
