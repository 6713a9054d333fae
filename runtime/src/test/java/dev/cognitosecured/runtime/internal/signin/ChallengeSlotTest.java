package dev.cognitosecured.runtime.internal.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Answering;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Idle;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Progress;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Waiting;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.internal.store.TestTokens;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The challenge slot's states: the claim that lets one request of a sign-in out at a time, the swap
 * of each response's session, expiry on the ticker, and what a failure leaves answerable.
 */
class ChallengeSlotTest {

    private static final Duration VALIDITY = Duration.ofMinutes(3);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final SignInStep SMS = new SignInStep.SmsCode("+*******1234");
    private static final SignInStep EMAIL = new SignInStep.EmailCode("a***@e***");

    private final FakeTicker ticker = new FakeTicker(-7_123_456_789_000L);
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final RecordedEvents events = new RecordedEvents();
    private final DefaultSessionStore store = new DefaultSessionStore("default", provider, ticker, Duration.ZERO, events);
    private final ChallengeSlot slot = new ChallengeSlot("default", ticker, VALIDITY);
    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        elsewhere.shutdownNow();
        assertTrue(elsewhere.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static Challenge challenge(String name, String session) {
        return Challenge.of(name, Map.of("USER_ID_FOR_SRP", "alice"), "alice", session);
    }

    /** Starts a sign-in whose first response is {@code first}, shown as {@code step}. */
    private void startWith(Challenge first, SignInStep step) {
        slot.start(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("started"));
            claim.awaitAnswer(first, step);
            return step;
        });
    }

    /** Answers the waiting challenge with {@code exchange}. */
    private <T> T answer(Function<ChallengeClaim, T> exchange) {
        return slot.answer(exchange);
    }

    @Test
    void eachAnswerGoesOutWithTheSessionOfTheLatestResponse() {
        Challenge first = challenge("NEW_PASSWORD_REQUIRED", "session-1");
        Challenge second = challenge("EMAIL_OTP", "session-2");
        startWith(first, new SignInStep.NewPasswordRequired(List.of()));

        answer(claim -> {
            assertSame(first, claim.challenge().orElseThrow());
            claim.send(() -> CompletableFuture.completedFuture("new password accepted"));
            claim.awaitAnswer(second, EMAIL);
            return EMAIL;
        });

        assertEquals(EMAIL, slot.step().orElseThrow());
        answer(claim -> {
            assertSame(second, claim.challenge().orElseThrow(), "the first session was spent: never again");
            assertEquals(EMAIL, claim.step().orElseThrow());
            return claim.signedIn(store, claim.send(() -> CompletableFuture.completedFuture(TestTokens.issued(1, HOUR))));
        });
        assertTrue(store.isSignedIn());
        assertTrue(slot.step().isEmpty());
        assertInstanceOf(Idle.class, slot.state());
        assertThrows(IllegalStateException.class, () -> answer(claim -> "nothing waits"));
    }

    @Test
    void aSecondAnswerWhileOneIsInFlightIsRefusedBeforeAnythingIsSent() throws Exception {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        CountDownLatch firstSent = new CountDownLatch(1);
        CompletableFuture<String> firstOutcome = new CompletableFuture<>();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> answer(claim -> claim.send(() -> {
            firstSent.countDown();
            return firstOutcome;
        })), elsewhere);
        assertTrue(firstSent.await(10, TimeUnit.SECONDS));

        AtomicInteger secondRan = new AtomicInteger();
        ChallengeInProgressException refused = assertThrows(ChallengeInProgressException.class,
                () -> answer(claim -> secondRan.incrementAndGet()));
        assertEquals(0, secondRan.get(), "the second answer never ran, so nothing of it was sent");
        assertTrue(refused.getMessage().contains("'default'"), refused.getMessage());
        assertThrows(ChallengeInProgressException.class, () -> slot.start(claim -> secondRan.incrementAndGet()));
        assertEquals(0, secondRan.get());
        assertInstanceOf(Answering.class, slot.state());

        firstOutcome.completeExceptionally(new WrongAnswerException("wrong code", true, null));
        CompletionException failed = assertThrows(CompletionException.class, first::join);
        assertInstanceOf(WrongAnswerException.class, failed.getCause());
        assertInstanceOf(Waiting.class, slot.state());
        assertEquals("answered", answer(claim -> "answered"), "after the first answer returned, the next may go");
    }

    @Test
    void aChallengeOneNanosecondYoungerThanItsValidityMayBeAnswered() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        ticker.advance(VALIDITY.minusNanos(1));
        assertEquals("answered", answer(claim -> "answered"));
    }

    @Test
    void aChallengeAsOldAsItsValidityIsDroppedWithoutARequest() {
        slot.start(claim -> {
            claim.send(() -> {
                ticker.advance(Duration.ofSeconds(20));
                return CompletableFuture.completedFuture("started");
            });
            claim.awaitAnswer(challenge("SMS_MFA", "session-1"), SMS);
            return SMS;
        });
        ticker.advance(VALIDITY.minusSeconds(20)); // 3 minutes after the request was sent, 2:40 after its answer

        AtomicInteger ran = new AtomicInteger();
        ChallengeExpiredException expired =
                assertThrows(ChallengeExpiredException.class, () -> answer(claim -> ran.incrementAndGet()));
        assertEquals(0, ran.get(), "nothing was sent");
        assertTrue(expired.getMessage().contains("SignIn.start"), expired.getMessage());
        assertFalse(expired.getMessage().contains("session-1"));
        assertTrue(slot.step().isEmpty(), "the expired challenge is dropped");
        assertInstanceOf(Idle.class, slot.state());
        assertThrows(IllegalStateException.class, () -> answer(claim -> ran.incrementAndGet()));
    }

    @Test
    void aWrongAnswerThatMayBeRetriedLeavesTheSameSessionAnswerable() {
        Challenge sms = challenge("SMS_MFA", "session-1");
        startWith(sms, SMS);

        assertThrows(WrongAnswerException.class, () -> answer(claim -> claim.send(
                () -> CompletableFuture.failedFuture(new WrongAnswerException("wrong code", true, null)))));

        assertEquals(SMS, slot.step().orElseThrow());
        assertSame(sms, assertInstanceOf(Waiting.class, slot.state()).challenge());
        answer(claim -> {
            assertSame(sms, claim.challenge().orElseThrow(), "Cognito lets the same session retry a code");
            return "right code";
        });
    }

    @Test
    void aRetriedAnswerIsStillAgedFromTheOriginalRequest() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        ticker.advance(Duration.ofMinutes(2));
        assertThrows(WrongAnswerException.class, () -> answer(claim -> claim.send(
                () -> CompletableFuture.failedFuture(new WrongAnswerException("wrong code", true, null)))));
        ticker.advance(Duration.ofMinutes(1));
        assertThrows(ChallengeExpiredException.class, () -> answer(claim -> "too late"));
    }

    @Test
    void aTransportFailureLeavesTheChallengeAnswerable() {
        Challenge sms = challenge("SMS_MFA", "session-1");
        startWith(sms, SMS);
        assertThrows(TransportException.class, () -> answer(claim -> claim.send(
                () -> CompletableFuture.failedFuture(new TransportException("Cognito failed", 500, null)))));
        assertSame(sms, answer(claim -> claim.challenge().orElseThrow()));
    }

    @Test
    void aFailureBeforeAnythingWasSentLeavesTheChallengeAnswerable() {
        Challenge sms = challenge("SMS_MFA", "session-1");
        startWith(sms, SMS);
        assertThrows(IllegalStateException.class, () -> answer(claim -> {
            throw new IllegalStateException("not the step this answer is for");
        }));
        assertSame(sms, answer(claim -> claim.challenge().orElseThrow()));
    }

    @Test
    void failuresThatEndTheChallengeDropTheSignIn() {
        List<RuntimeException> ending = List.of(
                new WrongAnswerException("locked out", false, null),
                new ChallengeExpiredException("session expired at Cognito"),
                new SignInRequiredException("unsupported challenge"));
        for (RuntimeException failure : ending) {
            startWith(challenge("SMS_MFA", "session-1"), SMS);
            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> answer(claim -> claim.send(() -> CompletableFuture.failedFuture(failure))));
            assertSame(failure, thrown, "failures arrive unwrapped");
            assertTrue(slot.step().isEmpty(), failure.getMessage());
            assertThrows(IllegalStateException.class, () -> answer(claim -> "nothing waits"));
        }
    }

    @Test
    void aFailureAfterANewerSessionWasSwappedInDropsTheSignIn() {
        startWith(challenge("MFA_SETUP", "session-2"), new SignInStep.TotpSetup("SECRET", "otpauth://totp/x"));
        assertThrows(TransportException.class, () -> answer(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("verified"));
            claim.swap(challenge("MFA_SETUP", "session-3"));
            return claim.send(() -> CompletableFuture.failedFuture(new TransportException("reset", null)));
        }));
        assertTrue(slot.step().isEmpty(), "session-2 was spent by the first request: nothing to retry with");
    }

    @Test
    void aChallengeThatWasSwappedInButNeverShownIsNotLeftWaiting() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        assertThrows(IllegalStateException.class, () -> answer(claim -> {
            claim.send(() -> CompletableFuture.completedFuture("next"));
            claim.swap(challenge("MFA_SETUP", "session-2"));
            return "forgot to show a step";
        }));
        assertTrue(slot.step().isEmpty());
    }

    @Test
    void signingInStartsTheSessionWithExpiryFromTheSendInstantOfTheLastRequest() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        ticker.advance(Duration.ofSeconds(30));
        long sentAt = ticker.read();
        Tokens tokens = TestTokens.issued(1, HOUR);

        answer(claim -> claim.signedIn(store, claim.send(() -> {
            ticker.advance(Duration.ofSeconds(5)); // Cognito takes 5 s to answer
            return CompletableFuture.completedFuture(tokens);
        })));

        assertEquals(List.of(new SignedIn("default", TestTokens.USER)), events.of(SignedIn.class));
        ticker.moveTo(sentAt + HOUR.minusSeconds(1).toNanos() - 1);
        assertSame(tokens, store.tokensAsync(Duration.ZERO).toCompletableFuture().join());
        assertEquals(0, provider.refreshCalls());
        ticker.advanceNanos(1);
        store.tokensAsync(Duration.ZERO);
        assertEquals(1, provider.refreshCalls(), "expired exactly lifetime - 1 s after the answer was sent");
    }

    @Test
    void startingAgainAbandonsTheChallengeThatWaits() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        slot.start(claim -> {
            assertTrue(claim.challenge().isEmpty());
            return claim.signedIn(store, claim.send(() -> CompletableFuture.completedFuture(TestTokens.issued(1, HOUR))));
        });
        assertTrue(slot.step().isEmpty());
        assertTrue(store.isSignedIn());
    }

    @Test
    void aWrongPasswordAtTheStartLeavesNoChallenge() {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        assertThrows(WrongAnswerException.class, () -> slot.start(claim -> claim.send(
                () -> CompletableFuture.failedFuture(new WrongAnswerException("wrong password", true, null)))));
        assertThrows(IllegalStateException.class, () -> answer(claim -> "nothing waits"));
    }

    @Test
    void abandoningWhileARequestIsInFlightDiscardsItsOutcome() throws Exception {
        startWith(challenge("SMS_MFA", "session-1"), SMS);
        CountDownLatch sent = new CountDownLatch(1);
        CompletableFuture<Tokens> outcome = new CompletableFuture<>();
        CompletableFuture<Tokens> answering = CompletableFuture.supplyAsync(() -> answer(claim -> claim.signedIn(store,
                claim.send(() -> {
                    sent.countDown();
                    return outcome;
                }))), elsewhere);
        assertTrue(sent.await(10, TimeUnit.SECONDS));

        slot.abandon();
        outcome.complete(TestTokens.issued(1, HOUR));

        CompletionException failed = assertThrows(CompletionException.class, answering::join);
        assertInstanceOf(SignInRequiredException.class, failed.getCause());
        assertFalse(store.isSignedIn(), "a sign-in abandoned by signing out does not sign in afterwards");
        assertTrue(slot.step().isEmpty());
        assertInstanceOf(Idle.class, slot.state());
    }

    @Test
    void neitherTheSlotNorTheClaimShowsASession() {
        startWith(challenge("SMS_MFA", "session-secret-1"), SMS);
        assertFalse(slot.toString().contains("session-secret-1"), slot.toString());
        assertTrue(slot.toString().contains("Waiting[SMS_MFA]"), slot.toString());
        answer(claim -> {
            assertFalse(claim.toString().contains("session-secret-1"), claim.toString());
            assertFalse(claim.challenge().orElseThrow().toString().contains("session-secret-1"));
            assertTrue(slot.toString().contains("Answering[NOTHING_SENT, SMS_MFA]"), slot.toString());
            return "";
        });
    }

    @Test
    void theChallengeValidityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ChallengeSlot("default", ticker, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ChallengeSlot("default", ticker, Duration.ofSeconds(-1)));
    }

    @Test
    void eachStepOfAnExchangeIsNamedInTheSlotsState() {
        assertInstanceOf(Idle.class, slot.state());
        Challenge first = challenge("SMS_MFA", "session-1");
        Challenge swapped = challenge("MFA_SETUP", "session-2");
        SignInStep totp = new SignInStep.TotpSetup("SECRET", "otpauth://totp/x");
        slot.start(claim -> {
            assertEquals(Progress.NOTHING_SENT, answering().progress());
            assertNull(answering().answered(), "a start answers no challenge");
            claim.send(() -> CompletableFuture.completedFuture("started"));
            assertEquals(Progress.SENT, answering().progress());
            claim.awaitAnswer(first, SMS);
            assertEquals(Progress.SHOWN, answering().progress());
            return SMS;
        });
        Waiting waiting = assertInstanceOf(Waiting.class, slot.state());
        assertSame(first, waiting.challenge());
        assertEquals(SMS, waiting.step());

        slot.answer(claim -> {
            assertSame(waiting, answering().answered());
            claim.send(() -> CompletableFuture.completedFuture("verified"));
            claim.swap(swapped);
            assertEquals(Progress.SWAPPED, answering().progress());
            assertSame(swapped, answering().latest().challenge(), "the newer session is swapped in at once");
            assertEquals(SMS, slot.step().orElseThrow(), "nothing new was shown yet");
            claim.awaitAnswer(challenge("MFA_SETUP", "session-3"), totp);
            assertEquals(Progress.SHOWN, answering().progress());
            return totp;
        });
        assertEquals(totp, assertInstanceOf(Waiting.class, slot.state()).step());

        slot.answer(claim -> claim.signedIn(store, claim.send(
                () -> CompletableFuture.completedFuture(TestTokens.issued(1, HOUR)))));
        assertInstanceOf(Idle.class, slot.state());
        assertTrue(store.isSignedIn());
    }

    @Test
    void aClaimOnceSignedInStaysSignedIn() {
        slot.start(claim -> {
            claim.signedIn(store, claim.send(() -> CompletableFuture.completedFuture(TestTokens.issued(1, HOUR))));
            claim.awaitAnswer(challenge("SMS_MFA", "session-1"), SMS);
            assertEquals(Progress.SIGNED_IN, answering().progress());
            return "";
        });
        assertInstanceOf(Idle.class, slot.state());
    }

    private Answering answering() {
        return assertInstanceOf(Answering.class, slot.state());
    }
}
