package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each kind of sign-in step against LocalCognito, through the runtime's real flow, store and identity
 * provider over the AWS SDK: SRP, the codes sent by SMS or e-mail, the choice of a factor, the set-up of an
 * authenticator app, and a new password with required attributes or against the policy.
 */
class SignInFlowsTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";

    private final SessionTrail sessions = new SessionTrail();
    private SignInRig rig;

    /** A pool with {@code settings}, an app client without a secret, and the sign-in parts for {@code flow}. */
    private UserPool pool(PoolSettings settings, AuthFlowType flow) {
        AppClient app = LOCAL.clientOfNewPool(settings);
        rig = LOCAL.rig(LOCAL.config(app, flow), sessions);
        return app.pool();
    }

    private static PoolSettings optionalMfa() {
        return PoolSettings.defaults()
                .withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA, MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP);
    }

    @Test
    void srpSignsInWithoutSendingThePassword() {
        UserPool pool = pool(PoolSettings.defaults(), AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, "alice", PASSWORD);

        assertTrue(rig.signIn.start("alice", PASSWORD.toCharArray()).isDone());

        assertEquals("alice", rig.store.tokens(Duration.ZERO).username());
        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertEquals(0, LOCAL.cognito.initiateAuthCount("USER_PASSWORD_AUTH"));
        assertEquals(List.of("InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void srpWithAWrongPasswordMayBeTriedAgain() {
        UserPool pool = pool(PoolSettings.defaults(), AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, "alice", PASSWORD);

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.start("alice", "Wr0ng-horse-1".toCharArray()));

        assertTrue(wrong.canRetry());
        assertFalse(rig.signIn.isSignedIn());
        assertTrue(rig.signIn.start("alice", PASSWORD.toCharArray()).isDone());
    }

    @Test
    void srpThenAnAuthenticatorCode() {
        UserPool pool = pool(optionalMfa(), AuthFlowType.USER_SRP_AUTH);
        String secret = Totp.newSecret();
        LOCAL.cognito.createUser(pool, NewUser.withPassword("carol", PASSWORD).softwareToken(secret)
                .withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));

        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("carol", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(secret, LOCAL.clock.instant())).isDone());
        assertEquals(List.of("InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge SOFTWARE_TOKEN_MFA"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void aCodeSentBySms() {
        UserPool pool = pool(optionalMfa(), AuthFlowType.USER_PASSWORD_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withPassword("dave", PASSWORD).attribute("phone_number", "+12065551234")
                .withMfa(MfaFactor.SMS_MFA));

        assertEquals(new SignInStep.SmsCode("+*******1234"), rig.signIn.start("dave", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "dave").orElseThrow()).isDone());
        assertTrue(rig.signIn.isSignedIn());
        sessions.assertChained();
    }

    @Test
    void aCodeSentByEmail() {
        UserPool pool = pool(optionalMfa(), AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withPassword("erin", PASSWORD).attribute("email", "erin@example.com")
                .withMfa(MfaFactor.EMAIL_OTP));

        assertEquals(new SignInStep.EmailCode("e***@e***"), rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "erin").orElseThrow()).isDone());
        sessions.assertChained();
    }

    @Test
    void choosingSmsAmongTheFactors() {
        UserPool pool = pool(optionalMfa(), AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withPassword("frank", PASSWORD).attribute("phone_number", "+12065559876")
                .softwareToken(Totp.newSecret()).withMfa(MfaFactor.SMS_MFA, MfaFactor.SOFTWARE_TOKEN_MFA));

        SignInStep.MfaSelection selection = assertInstanceOf(SignInStep.MfaSelection.class,
                rig.signIn.start("frank", PASSWORD.toCharArray()));
        assertEquals(Set.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"), selection.allowed());
        assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("EMAIL_OTP"), "not offered: refused here");
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SELECT_MFA_TYPE"));

        assertEquals(new SignInStep.SmsCode("+*******9876"), rig.signIn.confirm("SMS_MFA"));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "frank").orElseThrow()).isDone());
        assertEquals(List.of("InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge SELECT_MFA_TYPE", "RespondToAuthChallenge SMS_MFA"), sessions.names());
        sessions.assertChained();
    }

    @Test
    void settingUpAnAuthenticatorApp() {
        UserPool pool = pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA),
                AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, "grace", PASSWORD);

        SignInStep.TotpSetup setUp = assertInstanceOf(SignInStep.TotpSetup.class,
                rig.signIn.start("grace", PASSWORD.toCharArray()));
        assertEquals("otpauth://totp/" + pool.id() + ":grace?secret=" + setUp.sharedSecret() + "&issuer=" + pool.id(),
                setUp.setupUri());
        assertFalse(setUp.toString().contains(setUp.sharedSecret()));
        assertEquals(setUp, rig.signIn.current());

        assertTrue(rig.signIn.confirm(Totp.code(setUp.sharedSecret(), LOCAL.clock.instant())).isDone());
        assertEquals(1, LOCAL.cognito.requestCount(Action.ASSOCIATE_SOFTWARE_TOKEN));
        assertEquals(1, LOCAL.cognito.requestCount(Action.VERIFY_SOFTWARE_TOKEN));
        assertEquals(List.of("InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "AssociateSoftwareToken", "VerifySoftwareToken", "RespondToAuthChallenge MFA_SETUP"), sessions.names());
        sessions.assertChained();

        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("grace", PASSWORD.toCharArray()),
                "the app is the user's second factor from now on");
        assertTrue(rig.signIn.confirm(Totp.code(setUp.sharedSecret(), LOCAL.clock.instant())).isDone());
    }

    @Test
    void aWrongFirstCodeOfTheNewAppMayBeRetried() {
        UserPool pool = pool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA),
                AuthFlowType.USER_PASSWORD_AUTH);
        LOCAL.cognito.createUser(pool, "grace", PASSWORD);
        SignInStep.TotpSetup setUp = assertInstanceOf(SignInStep.TotpSetup.class,
                rig.signIn.start("grace", PASSWORD.toCharArray()));
        String code = Totp.code(setUp.sharedSecret(), LOCAL.clock.instant());

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.confirm(SignInContract.wrong(code)));
        assertTrue(wrong.canRetry());
        assertEquals(setUp, rig.signIn.current());

        assertTrue(rig.signIn.confirm(code).isDone());
        assertEquals(2, LOCAL.cognito.requestCount(Action.VERIFY_SOFTWARE_TOKEN));
        sessions.assertChained();
    }

    @Test
    void aNewPasswordWithTheAttributesThePoolRequires() {
        UserPool pool = pool(PoolSettings.defaults().withRequiredAttributes("name"), AuthFlowType.USER_SRP_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("heidi", "Temp-0rary-pass"));

        SignInStep step = rig.signIn.start("heidi", "Temp-0rary-pass".toCharArray());
        assertEquals(new SignInStep.NewPasswordRequired(List.of("name")), step);
        assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("N3w-password!"), "name is missing");
        assertEquals(0, LOCAL.cognito.challengeResponseCount("NEW_PASSWORD_REQUIRED"), "refused before Cognito saw it");

        assertTrue(rig.signIn.confirmNewPassword("N3w-password!".toCharArray(), Map.of("name", "Heidi")).isDone());
        sessions.assertChained();
    }

    @Test
    void aNewPasswordAgainstThePolicyMayBeReplacedInTheSameStep() {
        UserPool pool = pool(PoolSettings.defaults(), AuthFlowType.USER_PASSWORD_AUTH);
        LOCAL.cognito.createUser(pool, NewUser.withTemporaryPassword("ivan", "Temp-0rary-pass"));
        SignInStep step = rig.signIn.start("ivan", "Temp-0rary-pass".toCharArray());

        WrongAnswerException weak = assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("weakpass"));

        assertTrue(weak.canRetry(), "LocalCognito, as Cognito, keeps the session after a password it refuses");
        assertTrue(weak.getMessage().contains("policy"), weak.getMessage());
        assertFalse(weak.getMessage().contains("weakpass"));
        assertEquals(step, rig.signIn.current());
        assertTrue(rig.signIn.confirm("N3w-password!").isDone());
        assertEquals(2, LOCAL.cognito.challengeResponseCount("NEW_PASSWORD_REQUIRED"));
        sessions.assertChained();
    }
}
