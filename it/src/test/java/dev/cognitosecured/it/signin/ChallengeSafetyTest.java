package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.RequestGate;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What keeps a challenge session from being burnt or answered too late, against LocalCognito: a second
 * answer while one is on its way never reaches Cognito; a challenge older than its validity is refused
 * without a request; Cognito's own "session is expired" arrives as the same exception; and the tokens of
 * a challenge's answer are aged from the instant that answer was sent. Time is LocalCognito's manual
 * clock, which the session store reads too; concurrent answers are lined up with a request gate.
 */
class ChallengeSafetyTest {

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private static final String PASSWORD = "Corr3ct-horse-1";

    private UserPool pool;
    private SignInRig rig;

    /** A pool whose user "dave" gets an SMS code, and the sign-in parts for {@code client} settings. */
    private void smsPool(ClientSettings client, Duration challengeValidity) {
        AppClient app = LOCAL.clientOfNewPool(
                PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA), client);
        pool = app.pool();
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_PASSWORD_AUTH, PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH,
                challengeValidity));
        LOCAL.cognito.createUser(pool, NewUser.withPassword("dave", PASSWORD).attribute("phone_number", "+12065551234")
                .withMfa(MfaFactor.SMS_MFA));
    }

    private String smsCode() {
        return LOCAL.cognito.lastCode(pool, "dave").orElseThrow();
    }

    @Test
    void aSecondAnswerWhileTheFirstIsOnItsWayNeverReachesCognito() throws Exception {
        smsPool(ClientSettings.defaults(), PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        rig.signIn.start("dave", PASSWORD.toCharArray());
        String code = smsCode();
        RequestGate gate = new RequestGate();
        LOCAL.cognito.injectFault(Action.RESPOND_TO_AUTH_CHALLENGE, Fault.holdAt(gate), 1);

        CompletableFuture<SignInStep> first = CompletableFuture.supplyAsync(
                () -> rig.signIn.confirm(code), LOCAL.elsewhere());
        gate.arrivals(1).get(10, TimeUnit.SECONDS);

        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.confirm(code));
        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.start("dave", PASSWORD.toCharArray()));
        assertEquals(1, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE), "only the first is at Cognito");
        assertEquals(1, LOCAL.cognito.requestCount(Action.INITIATE_AUTH));

        gate.open();
        assertTrue(first.get(10, TimeUnit.SECONDS).isDone());
        assertTrue(rig.signIn.isSignedIn());
        assertEquals(1, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }

    @Test
    void anAnswerWhileTheSignInStartsIsRefusedToo() throws Exception {
        smsPool(ClientSettings.defaults(), PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        RequestGate gate = new RequestGate();
        LOCAL.cognito.injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);

        CompletableFuture<SignInStep> start = CompletableFuture.supplyAsync(
                () -> rig.signIn.start("dave", PASSWORD.toCharArray()), LOCAL.elsewhere());
        gate.arrivals(1).get(10, TimeUnit.SECONDS);

        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.confirm("123456"));
        assertThrows(ChallengeInProgressException.class, () -> rig.signIn.start("dave", PASSWORD.toCharArray()));
        gate.open();
        assertEquals(new SignInStep.SmsCode("+*******1234"), start.get(10, TimeUnit.SECONDS));
        assertEquals(1, LOCAL.cognito.requestCount(Action.INITIATE_AUTH));
        assertEquals(0, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }

    @Test
    void aChallengeOlderThanThreeMinutesIsRefusedWithoutARequest() {
        smsPool(ClientSettings.defaults(), PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        rig.signIn.start("dave", PASSWORD.toCharArray());
        String code = smsCode();
        LOCAL.clock.advance(Duration.ofMinutes(3));
        LOCAL.cognito.resetRequestCounts();

        ChallengeExpiredException expired = assertThrows(ChallengeExpiredException.class, () -> rig.signIn.confirm(code));

        assertTrue(expired.getMessage().contains("SignIn.start"), expired.getMessage());
        assertFalse(expired.getMessage().contains(code));
        for (Action action : Action.values()) {
            assertEquals(0, LOCAL.cognito.requestCount(action), action + ": nothing was sent");
        }
        assertThrows(IllegalStateException.class, rig.signIn::current, "the expired challenge is gone");

        assertEquals(new SignInStep.SmsCode("+*******1234"), rig.signIn.start("dave", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(smsCode()).isDone(), "starting again works");
    }

    @Test
    void cognitosOwnExpiryArrivesAsTheSameException() {
        // The app client keeps sessions 1 minute, but the pool is configured with the 3-minute default.
        smsPool(ClientSettings.defaults().withAuthSessionValidity(Duration.ofMinutes(1)),
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        rig.signIn.start("dave", PASSWORD.toCharArray());
        LOCAL.clock.advance(Duration.ofSeconds(90));

        assertThrows(ChallengeExpiredException.class, () -> rig.signIn.confirm(smsCode()));

        assertEquals(1, LOCAL.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE), "this time Cognito said so");
        assertThrows(IllegalStateException.class, rig.signIn::current);
    }

    @Test
    void theTokensOfAnAnswerAreAgedFromTheInstantItWasSent() throws Exception {
        Duration lifetime = Duration.ofMinutes(10);
        smsPool(ClientSettings.defaults().withAccessTokenValidity(lifetime).withIdTokenValidity(lifetime),
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY);
        rig.signIn.start("dave", PASSWORD.toCharArray());
        String code = smsCode();
        RequestGate gate = new RequestGate();
        LOCAL.cognito.injectFault(Action.RESPOND_TO_AUTH_CHALLENGE, Fault.holdAt(gate), 1);

        Instant sent = LOCAL.clock.instant();
        CompletableFuture<SignInStep> answer = CompletableFuture.supplyAsync(
                () -> rig.signIn.confirm(code), LOCAL.elsewhere());
        gate.arrivals(1).get(10, TimeUnit.SECONDS);
        LOCAL.clock.advance(Duration.ofSeconds(30)); // Cognito answers 30 s later, and issues the tokens then
        gate.open();
        assertTrue(answer.get(10, TimeUnit.SECONDS).isDone());
        Tokens tokens = rig.store.tokens(Duration.ZERO);
        assertEquals(lifetime, tokens.lifetime());

        LOCAL.clock.set(sent.plus(lifetime).minusSeconds(1).minusNanos(1));
        assertSame(tokens, rig.store.tokens(Duration.ZERO));
        assertEquals(0, LOCAL.cognito.initiateAuthCount("REFRESH_TOKEN_AUTH"));

        LOCAL.clock.advance(Duration.ofNanos(1));
        rig.store.tokens(Duration.ZERO);
        assertEquals(1, LOCAL.cognito.initiateAuthCount("REFRESH_TOKEN_AUTH"),
                "expired locally lifetime - 1 s after the answer was sent, not after it came back");
    }
}
