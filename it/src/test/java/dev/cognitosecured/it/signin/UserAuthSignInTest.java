package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ExplicitAuthFlow;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.RequestGate;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Choice-based sign-in ({@code USER_AUTH}) end to end: the runtime's {@code SignIn} through the real AWS SDK
 * against LocalCognito, whose pool allows the password, e-mail and SMS codes as first factors. The first
 * factors offered are listed as a typed step; a code signs in without a password; the password (by SRP) leads on
 * to the pool's MFA; wrong codes may be answered again; expiry, a concurrent second answer and a second start
 * (the "resend") behave as for any other challenge.
 */
class UserAuthSignInTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";

    private UserPool pool;
    private SignInRig rig;

    /** A pool with the password, EMAIL_OTP and SMS_OTP as first factors and SMS MFA optional; user "erin". */
    private void choicePool(ClientSettings client, Duration challengeValidity) {
        AppClient app = LOCAL.clientOfNewPool(
                PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA), client);
        pool = app.pool();
        LOCAL.cognito.setSignInPolicy(pool, "localhost", AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP, AuthFactor.SMS_OTP);
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH, PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH,
                challengeValidity));
        LOCAL.cognito.createUser(pool, NewUser.withPassword("erin", PASSWORD)
                .attribute("email", "erin@example.com")
                .attribute("phone_number", "+12065550100"));
    }

    private void choicePool() {
        choicePool(ClientSettings.defaults(), PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
    }

    private String lastCode() {
        return LOCAL.cognito.lastCode(pool, "erin").orElseThrow();
    }

    @Test
    void theFirstFactorsOfferedAreATypedStepAndAnEmailCodeSignsIn() {
        choicePool();

        SignInStep step = rig.signIn.startUserAuth("erin");

        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP,
                FirstFactor.EMAIL_OTP, FirstFactor.SMS_OTP)), step);
        assertEquals(SignInStep.Kind.CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION, rig.signIn.current().kind());
        assertEquals(new SignInStep.EmailCode("e***@e***"), rig.signIn.confirm("EMAIL_OTP"));
        assertTrue(rig.signIn.confirm(lastCode()).isDone());
        assertTrue(rig.signIn.isSignedIn());
        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("SELECT_CHALLENGE"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("EMAIL_OTP"));
    }

    @Test
    void aPreferredSmsCodeSkipsTheChoiceAndAWrongCodeMayBeAnsweredAgain() {
        choicePool();

        assertEquals(new SignInStep.SmsCode("+*******0100"), rig.signIn.startUserAuth("erin", FirstFactor.SMS_OTP));
        String code = lastCode();
        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.confirm(code.equals("000000") ? "111111" : "000000"));
        assertTrue(wrong.canRetry());
        assertEquals(SignInStep.Kind.CONFIRM_SIGN_IN_WITH_SMS_CODE, rig.signIn.current().kind(), "still answerable");

        assertTrue(rig.signIn.confirm(code).isDone());
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SELECT_CHALLENGE"));
        assertEquals(2, LOCAL.cognito.challengeResponseCount("SMS_OTP"));
    }

    @Test
    void thePasswordChosenIsProvenBySrpAndLeadsOnToTheSecondFactor() {
        choicePool();
        LOCAL.cognito.deleteUser(LOCAL.cognito.createUser(pool, NewUser.withPassword("dave", PASSWORD)));
        LOCAL.cognito.createUser(pool, NewUser.withPassword("dave", PASSWORD)
                .attribute("phone_number", "+12065551234").withMfa(MfaFactor.SMS_MFA));

        SignInStep step = rig.signIn.startUserAuth("dave");
        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP,
                FirstFactor.SMS_OTP)), step);
        assertEquals(new SignInStep.SmsCode("+*******1234"), rig.signIn.confirmPassword(PASSWORD.toCharArray()),
                "after a password, the user's MFA");
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "dave").orElseThrow()).isDone());

        assertEquals(1, LOCAL.cognito.challengeResponseCount("PASSWORD_VERIFIER"), "PASSWORD_SRP, never PASSWORD");
        assertEquals(1, LOCAL.cognito.challengeResponseCount("SMS_MFA"));
    }

    @Test
    void thePasswordPreferredAtTheStartSignsInBySrp() {
        choicePool();

        assertTrue(rig.signIn.startUserAuth("erin", PASSWORD.toCharArray()).isDone());

        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertThrows(IllegalArgumentException.class, () -> rig.signIn.startUserAuth("erin", FirstFactor.PASSWORD));
    }

    @Test
    void aWrongPasswordChosenEndsTheSignIn() {
        choicePool();
        rig.signIn.startUserAuth("erin");

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.confirmPassword("Wr0ng-horse-1".toCharArray()));

        assertFalse(wrong.canRetry());
        assertThrows(IllegalStateException.class, rig.signIn::current);
        assertFalse(rig.signIn.isSignedIn());
    }

    @Test
    void aFactorNotOfferedIsRefusedBeforeCognitoSeesIt() {
        choicePool();
        rig.signIn.startUserAuth("erin");
        LOCAL.cognito.resetRequestCounts();

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("WEB_AUTHN"));
        assertTrue(wrong.canRetry());
        assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm("PASSWORD"), "the password comes with it");

        assertEquals(0, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
        assertEquals(new SignInStep.SmsCode("+*******0100"), rig.signIn.confirm("SMS_OTP"));
    }

    @Test
    void aCodeOlderThanTheChallengeValidityIsRefusedWithoutARequest() {
        choicePool();
        rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP);
        String code = lastCode();
        LOCAL.clock.advance(Duration.ofMinutes(3));
        LOCAL.cognito.resetRequestCounts();

        ChallengeExpiredException expired = assertThrows(ChallengeExpiredException.class, () -> rig.signIn.confirm(code));

        assertFalse(expired.getMessage().contains(code));
        assertEquals(0, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }

    @Test
    void cognitosOwnExpiryOfTheCodeArrivesAsTheSameException() {
        choicePool(ClientSettings.defaults().withAuthSessionValidity(Duration.ofMinutes(1)),
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP);
        LOCAL.clock.advance(Duration.ofSeconds(90));

        assertThrows(ChallengeExpiredException.class, () -> rig.signIn.confirm(lastCode()));

        assertEquals(1, LOCAL.cognito.challengeResponseCount("EMAIL_OTP"), "this time Cognito said so");
    }

    @Test
    void aSecondAnswerWhileTheFirstIsOnItsWayNeverReachesCognito() throws Exception {
        choicePool();
        rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP);
        String code = lastCode();
        RequestGate gate = new RequestGate();
        LOCAL.cognito.injectFault(Action.RESPOND_TO_AUTH_CHALLENGE, Fault.holdAt(gate), 1);

        CompletableFuture<SignInStep> first = CompletableFuture.supplyAsync(
                () -> rig.signIn.confirm(code), LOCAL.elsewhere());
        gate.arrivals(1).get(10, TimeUnit.SECONDS);

        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.confirm(code));
        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.startUserAuth("erin"));
        assertEquals(1, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));

        gate.open();
        assertTrue(first.get(10, TimeUnit.SECONDS).isDone());
        assertEquals(1, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
        assertEquals(1, LOCAL.cognito.requestCount(Action.INITIATE_AUTH));
    }

    @Test
    void startingAgainSendsANewCodeAndOnlyTheNewOneSignsIn() {
        choicePool();
        rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP);
        String first = lastCode();

        rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP);
        String second = lastCode();
        assertNotEquals(first, second);

        assertTrue(assertThrows(WrongAnswerException.class, () -> rig.signIn.confirm(first)).canRetry());
        assertTrue(rig.signIn.confirm(second).isDone());
        assertEquals(2, LOCAL.cognito.initiateAuthCount("USER_AUTH"));
    }

    @Test
    void aClientWithoutUserAuthIsRefusedAsConfiguration() {
        choicePool(ClientSettings.defaults().withAuthFlows(ExplicitAuthFlow.USER_SRP_AUTH),
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> rig.signIn.startUserAuth("erin"));

        assertInstanceOf(dev.cognitosecured.runtime.TransportException.class, refused);
        assertTrue(refused.getMessage().contains("USER_AUTH"), refused.getMessage());
    }
}
