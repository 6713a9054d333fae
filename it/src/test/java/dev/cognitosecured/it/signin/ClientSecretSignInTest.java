package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An app client with a secret, against LocalCognito, which checks {@code SECRET_HASH} (and
 * {@code ClientSecret}) on every call that needs it: SRP, each challenge's answer, the refresh with
 * {@code REFRESH_TOKEN_AUTH} (hashed with the token's user name) or with rotation, and sign-out.
 */
class ClientSecretSignInTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";

    private final SessionTrail sessions = new SessionTrail();
    private SignInRig rig;

    private AppClient client(UserPool pool, ClientSettings settings) {
        AppClient app = LOCAL.cognito.createClient(pool, settings.withSecret());
        assertTrue(app.clientSecret().isPresent());
        return app;
    }

    @Test
    void srpThenAnSmsCodeThenARefresh() {
        UserPool pool = LOCAL.cognito.createPool(
                PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA));
        AppClient app = client(pool, ClientSettings.defaults());
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH), sessions);
        LOCAL.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("phone_number", "+12065551234")
                .withMfa(MfaFactor.SMS_MFA));

        assertEquals(new SignInStep.SmsCode("+*******1234"), rig.signIn.start("alice", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "alice").orElseThrow()).isDone());
        sessions.assertChained();

        Tokens signedIn = rig.store.tokens(Duration.ZERO);
        Tokens refreshed = rig.store.refreshIfCurrent(signedIn);
        assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
        assertEquals(1, LOCAL.cognito.initiateAuthCount("REFRESH_TOKEN_AUTH"));

        rig.signIn.signOut();
        assertEquals(1, LOCAL.cognito.requestCount(Action.REVOKE_TOKEN));
        CompletionException refused = assertThrows(CompletionException.class,
                () -> rig.provider.refresh(refreshed).toCompletableFuture().join());
        assertInstanceOf(SignInRequiredException.class, refused.getCause());
    }

    @Test
    void aNewPasswordThenAnAuthenticatorAppSetUpThenRefreshesWithRotation() {
        UserPool pool = LOCAL.cognito.createPool(
                PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = client(pool, ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_PASSWORD_AUTH,
                PoolConfig.RefreshMode.GET_TOKENS_FROM_REFRESH_TOKEN, PoolConfig.DEFAULT_CHALLENGE_VALIDITY), sessions);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary-pass"));

        rig.signIn.start("bob", "Temp-0rary-pass".toCharArray());
        SignInStep.TotpSetup setUp = assertInstanceOf(SignInStep.TotpSetup.class, rig.signIn.confirm("N3w-password!"));
        assertTrue(rig.signIn.confirm(Totp.code(setUp.sharedSecret(), LOCAL.clock.instant())).isDone());
        sessions.assertChained();

        Tokens signedIn = rig.store.tokens(Duration.ZERO);
        Tokens refreshed = rig.store.refreshIfCurrent(signedIn);
        assertNotEquals(signedIn.refreshToken(), refreshed.refreshToken(), "rotated");
        assertEquals(1, LOCAL.cognito.requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN));
    }

    @Test
    void aWrongSecretIsReportedAsAConfigurationProblemNotAWrongPassword() {
        UserPool pool = LOCAL.cognito.createPool(
                PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA));
        AppClient app = client(pool, ClientSettings.defaults());
        AppClient wrongSecret = new AppClient(pool, app.clientId(), Optional.of("not-the-secret"));
        rig = LOCAL.rig(LOCAL.config(wrongSecret, AuthFlowType.USER_SRP_AUTH));
        LOCAL.cognito.createUser(pool, "carol", PASSWORD);

        TransportException refused = assertThrows(TransportException.class,
                () -> rig.signIn.start("carol", PASSWORD.toCharArray()));
        assertTrue(refused.getMessage().contains("client-secret"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-secret"), refused.getMessage());
        assertFalse(rig.signIn.isSignedIn());
    }
}
