package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.MfaPreference;
import dev.cognitosecured.runtime.MfaSettings;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TotpSetupDetails;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.account.CognitoMfa;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.RequestGate;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in user sets up an authenticator app and chooses the second factor ({@code @AuthFlow Mfa}), through the
 * real AWS SDK against LocalCognito: {@code AssociateSoftwareToken} and {@code VerifySoftwareToken} by access token,
 * {@code SetUserMFAPreference}, {@code GetUser}; the next sign-in asks for the app's code.
 */
class MfaSetUpTest {

    private static final String PASSWORD = "Corr3ct-horse!";

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private SignInRig rig;
    private Mfa mfa;
    private String poolId;

    private void signedIn() {
        AppClient app = LOCAL.clientOfNewPool(PoolSettings.defaults()
                .withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP));
        poolId = app.pool().id();
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH));
        LOCAL.cognito.createUser(app.pool(), NewUser.withPassword("frank", PASSWORD));
        mfa = new CognitoMfa(LOCAL.signedInCalls(rig), poolId, () -> null);
        assertTrue(rig.signIn.start("frank", PASSWORD.toCharArray()).isDone());
    }

    private static String secretOf(TotpSetupDetails app) {
        return new String(app.sharedSecret());
    }

    @Test
    void anAppIsSetUpThenPreferredThenAskedAtTheNextSignIn() {
        signedIn();

        TotpSetupDetails app = mfa.setUpTotp();
        String secret = secretOf(app);
        assertEquals("otpauth://totp/" + poolId + ":frank?secret=" + secret + "&issuer=" + poolId, app.setupUri());
        assertFalse(app.toString().contains(secret), "the key is not shown");
        mfa.verifyTotp(Totp.code(secret, LOCAL.clock.instant()), "Phone");
        assertEquals(new MfaSettings(Set.of(), Optional.empty()), mfa.preference(), "verified, not turned on yet");

        mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.PREFERRED));
        assertEquals(new MfaSettings(Set.of(MfaType.TOTP), Optional.of(MfaType.TOTP)), mfa.preference());

        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("frank", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(secret, LOCAL.clock.instant())).isDone());

        mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.DISABLED));
        assertEquals(new MfaSettings(Set.of(), Optional.empty()), mfa.preference());
    }

    @Test
    void aWrongCodeMayBeFollowedByTheRightOne() {
        signedIn();
        String secret = secretOf(mfa.setUpTotp());
        String right = Totp.code(secret, LOCAL.clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";

        WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> mfa.verifyTotp(wrong, "Phone"));
        assertTrue(refused.canRetry());
        assertFalse(refused.getMessage().contains(wrong));

        mfa.verifyTotp(right, "Phone");
        mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.ENABLED));
        assertEquals(Set.of(MfaType.TOTP), mfa.preference().enabled());
    }

    @Test
    void aCodeTooOldIsRefused() {
        signedIn();
        String secret = secretOf(mfa.setUpTotp());
        String old = Totp.code(secret, LOCAL.clock.instant());
        LOCAL.clock.advance(Duration.ofSeconds(90)); // three 30 s steps: beyond Cognito's one-step tolerance

        assertTrue(assertThrows(WrongAnswerException.class, () -> mfa.verifyTotp(old, "Phone")).canRetry());
        mfa.verifyTotp(Totp.code(secret, LOCAL.clock.instant()), "Phone");
    }

    @Test
    void aNewKeyReplacesTheFirst() {
        signedIn();
        String first = secretOf(mfa.setUpTotp());
        String second = secretOf(mfa.setUpTotp());
        assertNotEquals(first, second);

        assertThrows(WrongAnswerException.class, () -> mfa.verifyTotp(Totp.code(first, LOCAL.clock.instant()), "Phone"));
        mfa.verifyTotp(Totp.code(second, LOCAL.clock.instant()), "Phone");
        assertEquals(2, LOCAL.cognito.requestCount(Action.ASSOCIATE_SOFTWARE_TOKEN));
    }

    @Test
    void aSecondCodeWhileOneIsOnItsWayIsRefusedBeforeCognitoSeesIt() throws Exception {
        signedIn();
        String secret = secretOf(mfa.setUpTotp());
        RequestGate gate = new RequestGate();
        LOCAL.cognito.injectFault(Action.VERIFY_SOFTWARE_TOKEN, Fault.holdAt(gate), 1);
        String code = Totp.code(secret, LOCAL.clock.instant());

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> mfa.verifyTotp(code, "Phone"));
        gate.arrivals(1).get(10, TimeUnit.SECONDS);
        assertThrows(ChallengeInProgressException.class, () -> mfa.verifyTotp(code, "Phone"));
        gate.open();
        first.get(10, TimeUnit.SECONDS);

        assertEquals(1, LOCAL.cognito.requestCount(Action.VERIFY_SOFTWARE_TOKEN), "the second never left");
    }

    @Test
    void verifyingWithoutAKeyIsRefusedForGood() {
        signedIn();
        WrongAnswerException refused = assertThrows(WrongAnswerException.class, () -> mfa.verifyTotp("123456", "Phone"));
        assertFalse(refused.canRetry());
    }

    @Test
    void turningOnAFactorTheUserCannotReceiveIsRefused() {
        signedIn();
        assertThrows(WrongAnswerException.class, () -> mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.ENABLED)),
                "no verified app");
        assertThrows(WrongAnswerException.class, () -> mfa.updatePreference(Map.of(MfaType.EMAIL, MfaPreference.ENABLED)),
                "no e-mail address");
    }

    @Test
    void nobodySignedInSendsNothing() {
        signedIn();
        rig.signIn.signOut();
        LOCAL.cognito.resetRequestCounts();

        assertThrows(SignInRequiredException.class, mfa::setUpTotp);
        assertThrows(SignInRequiredException.class, mfa::preference);
        assertEquals(0, LOCAL.cognito.requestCount(Action.ASSOCIATE_SOFTWARE_TOKEN)
                + LOCAL.cognito.requestCount(Action.GET_USER));
        assertInstanceOf(CognitoMfa.class, mfa);
    }
}
