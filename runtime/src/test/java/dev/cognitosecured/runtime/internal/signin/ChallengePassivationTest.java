package dev.cognitosecured.runtime.internal.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Waiting;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.spi.Challenge;
import java.io.InvalidObjectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The challenge slot's serialized form: each state through a round trip into a slot on another ticker,
 * as on another JVM; a challenge waiting for an answer is answerable there with its latest session, its
 * age counted on; a request in flight is written as what its failure would leave.
 */
class ChallengePassivationTest {

    private static final Duration VALIDITY = Duration.ofMinutes(3);
    private static final Instant WRITTEN = Instant.parse("2026-12-06T08:00:00Z");

    private final FakeTicker thereTicker = new FakeTicker(-7_123_456_789_000L);
    private final ChallengeSlot there = new ChallengeSlot("default", thereTicker, VALIDITY);
    private final FakeTicker hereTicker = new FakeTicker(55_555_000_000_000L);
    private final ChallengeSlot here = new ChallengeSlot("default", hereTicker, VALIDITY);

    private static Challenge challenge(String name, String session) {
        return Challenge.of(name, Map.of("CODE_DELIVERY_DESTINATION", "+*******1234"), "alice", session);
    }

    private void startWith(Challenge first, SignInStep step) {
        there.start(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("started"));
            claim.awaitAnswer(first, step);
            return step;
        });
    }

    /** The challenge the restored slot answers with, or the exception its answer fails with. */
    private Challenge answeredHere() {
        return here.answer(claim -> claim.challenge().orElseThrow());
    }

    static List<SignInStep> steps() {
        return List.of(new SignInStep.NewPasswordRequired(List.of("email", "name")), new SignInStep.SmsCode("+*******1234"),
                new SignInStep.EmailCode("a***@e***"), new SignInStep.TotpCode(), new SignInStep.MfaSelection(Set.of("SMS_MFA",
                        "SOFTWARE_TOKEN_MFA")), new SignInStep.TotpSetup("SECRETKEY", "otpauth://totp/pool:alice?secret=SECRETKEY"),
                new SignInStep.CustomChallenge(Map.of("question", "colour?")),
                new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD_SRP, FirstFactor.EMAIL_OTP,
                        FirstFactor.WEB_AUTHN)),
                new SignInStep.WebAuthnCredential("{\"challenge\":\"abc\",\"rpId\":\"example.com\"}"));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void aWaitingChallengeIsAnsweredOnTheOtherSideWithItsSessionAndStep(SignInStep step) throws InvalidObjectException {
        Challenge waiting = challenge("SMS_MFA", "session-7");
        startWith(waiting, step);
        here.restore(there.serializedForm(WRITTEN), WRITTEN);

        assertEquals(step, here.step().orElseThrow());
        Challenge restored = answeredHere();
        assertEquals(waiting.name(), restored.name());
        assertEquals(waiting.parameters(), restored.parameters());
        assertEquals(waiting.username(), restored.username());
        assertEquals("session-7", restored.session());
    }

    @Test
    void idleStaysIdle() throws InvalidObjectException {
        here.restore(there.serializedForm(WRITTEN), WRITTEN);
        assertSame(ChallengeState.IDLE, here.state());
        assertThrows(IllegalStateException.class, this::answeredHere);
    }

    @Test
    void theChallengesAgeIsCountedOnAcrossTheTwoClocks() throws InvalidObjectException {
        startWith(challenge("SMS_MFA", "session-1"), new SignInStep.SmsCode("x"));
        thereTicker.advance(Duration.ofMinutes(1));
        byte[] form = there.serializedForm(WRITTEN);

        ChallengeSlot young = new ChallengeSlot("default", hereTicker, VALIDITY);
        young.restore(form, WRITTEN.plus(Duration.ofMinutes(2)).minusNanos(1));
        assertEquals("session-1", young.answer(claim -> claim.challenge().orElseThrow().session()),
                "one nanosecond younger than its validity: answerable");

        here.restore(form, WRITTEN.plus(Duration.ofMinutes(2)));
        assertThrows(ChallengeExpiredException.class, this::answeredHere, "1 min there + 2 min since = its validity");
    }

    @Test
    void aChallengeWhoseAgeCannotBeToldCountsAsExpired() throws InvalidObjectException {
        startWith(challenge("SMS_MFA", "session-1"), new SignInStep.SmsCode("x"));
        here.restore(there.serializedForm(WRITTEN), WRITTEN.minusSeconds(1));
        assertThrows(ChallengeExpiredException.class, this::answeredHere);
    }

    @Test
    void anAnswerNotYetSentLeavesTheChallengeItAnswers() throws InvalidObjectException {
        startWith(challenge("SMS_MFA", "session-1"), new SignInStep.SmsCode("x"));
        byte[] form = there.answer(claim -> there.serializedForm(WRITTEN));
        here.restore(form, WRITTEN);
        assertEquals("session-1", answeredHere().session());
    }

    @Test
    void anAnswerInFlightLeavesTheChallengeItAnswersAsATransportFailureWould() throws InvalidObjectException {
        startWith(challenge("SMS_MFA", "session-1"), new SignInStep.SmsCode("x"));
        byte[][] form = new byte[1][];
        // The exchange returns without a step (the sign-in there is dropped): only the form written meanwhile matters.
        assertThrows(IllegalStateException.class, () -> there.answer(claim -> claim.send(() -> {
            form[0] = there.serializedForm(WRITTEN);
            return CompletableFuture.completedFuture("in flight");
        })));
        here.restore(form[0], WRITTEN);
        assertEquals("session-1", answeredHere().session());
    }

    @Test
    void aNewChallengeShownLeavesTheNewOneWithItsSession() throws InvalidObjectException {
        startWith(challenge("NEW_PASSWORD_REQUIRED", "session-1"), new SignInStep.NewPasswordRequired(List.of()));
        SignInStep sms = new SignInStep.SmsCode("+*******1234");
        byte[] form = there.answer(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("accepted"));
            claim.awaitAnswer(challenge("SMS_MFA", "session-2"), sms);
            return there.serializedForm(WRITTEN);
        });
        here.restore(form, WRITTEN);
        assertEquals(sms, here.step().orElseThrow());
        assertEquals("session-2", answeredHere().session(), "the latest session, never the spent one");
    }

    @Test
    void aSpentSessionSwappedForOneNotShownLeavesNothing() throws InvalidObjectException {
        startWith(challenge("MFA_SETUP", "session-1"), new SignInStep.TotpCode());
        byte[][] form = new byte[1][];
        assertThrows(IllegalStateException.class, () -> there.answer(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("verified"));
            claim.swap(challenge("MFA_SETUP", "session-2"));
            form[0] = there.serializedForm(WRITTEN);
            return "returned without a step";
        }));
        here.restore(form[0], WRITTEN);
        assertSame(ChallengeState.IDLE, here.state());
    }

    @Test
    void aDamagedFormIsRefusedAndTheSlotStaysIdle() {
        startWith(challenge("SMS_MFA", "session-1"), new SignInStep.SmsCode("x"));
        byte[] form = there.serializedForm(WRITTEN);
        assertThrows(InvalidObjectException.class, () -> here.restore(Arrays.copyOf(form, form.length - 5), WRITTEN));
        assertSame(ChallengeState.IDLE, here.state());
        assertThrows(IllegalStateException.class, () -> there.restore(form, WRITTEN), "only into an idle slot");
        assertInstanceOf(Waiting.class, there.state());
    }
}
