package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-ins that pass several challenges in a row against LocalCognito, which, as Cognito, takes each
 * session once: the seed failure of this library (a new password, then an e-mail code, where answering
 * the code with the first session fails with "session can only be used once") completes, and there is no
 * way through the API to send an answer with a stale session.
 */
class ChallengeChainTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private final SessionTrail sessions = new SessionTrail();
    private SignInRig rig;

    private UserPool pool(PoolSettings settings, AuthFlowType flow) {
        AppClient app = LOCAL.clientOfNewPool(settings);
        rig = LOCAL.rig(LOCAL.config(app, flow), sessions);
        return app.pool();
    }

    @Test
    void aNewPasswordThenAnEmailCode() {
        UserPool pool = pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP),
                AuthFlowType.USER_PASSWORD_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary-pass")
                .attribute("email", "bob@example.com"));

        assertEquals(new SignInStep.NewPasswordRequired(List.of()),
                rig.signIn.start("bob", "Temp-0rary-pass".toCharArray()));
        SignInStep email = rig.signIn.confirm("N3w-password!");
        assertEquals(new SignInStep.EmailCode("b***@e***"), email);

        // What burnt sessions elsewhere: answering the new step as if it were the old one. The API has no
        // session to pass; the only new-password answer is refused locally, since the step is the e-mail code.
        assertThrows(IllegalStateException.class,
                () -> rig.signIn.confirmNewPassword("N3w-password!".toCharArray(), Map.of()));
        assertEquals(email, rig.signIn.current());

        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "bob").orElseThrow()).isDone());
        assertTrue(rig.signIn.isSignedIn());
        assertThrows(IllegalStateException.class, () -> rig.signIn.confirm("12345678"), "nothing is left to answer");

        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "RespondToAuthChallenge NEW_PASSWORD_REQUIRED",
                "RespondToAuthChallenge EMAIL_OTP"), sessions.names());
        sessions.assertChained();
        assertEquals(2, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE), "no answer was refused");
    }

    @Test
    void aNewPasswordThenAnAuthenticatorAppSetUpThenDone() {
        UserPool pool = pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA),
                AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("carol", "Temp-0rary-pass"));

        assertEquals(new SignInStep.NewPasswordRequired(List.of()),
                rig.signIn.start("carol", "Temp-0rary-pass".toCharArray()));
        SignInStep.TotpSetup setUp = assertInstanceOf(SignInStep.TotpSetup.class, rig.signIn.confirm("N3w-password!"));
        assertTrue(rig.signIn.confirm(Totp.code(setUp.sharedSecret(), LOCAL.clock.instant())).isDone());

        assertEquals("carol", rig.store.tokens(Duration.ZERO).username());
        assertEquals(List.of("InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge NEW_PASSWORD_REQUIRED", "AssociateSoftwareToken", "VerifySoftwareToken",
                "RespondToAuthChallenge MFA_SETUP"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void aNewPasswordThenAChoiceThenAnSmsCode() {
        UserPool pool = pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SMS_MFA, MfaFactor.EMAIL_OTP),
                AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("dave", "Temp-0rary-pass")
                .attribute("email", "dave@example.com").attribute("phone_number", "+12065550000"));

        rig.signIn.start("dave", "Temp-0rary-pass".toCharArray());
        SignInStep.MfaSelection selection =
                assertInstanceOf(SignInStep.MfaSelection.class, rig.signIn.confirm("N3w-password!"));
        assertTrue(selection.allowed().contains("SMS_MFA"), selection.toString());
        assertEquals(new SignInStep.SmsCode("+*******0000"), rig.signIn.confirm("SMS_MFA"));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "dave").orElseThrow()).isDone());
        sessions.assertChained();
    }
}
