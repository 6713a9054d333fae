package dev.cognitosecured.runtime.internal.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Answering;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Waiting;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RandomSchedules;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.internal.store.TestTokens;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The challenge machine under random schedules (issue 12 §3): starts and answers of a sign-in, each on
 * a thread of its own that blocks in {@link ChallengeClaim#send} until the schedule answers the request
 * (a next challenge, a swapped session that is sent on at once, tokens, a wrong answer that may or may
 * not be retried, a transport failure), racing answers, abandons and the ticker moving past the
 * challenge validity. A stand-in for Cognito records every request; after every step the test checks:
 *
 * <ul>
 *   <li>never two requests of the sign-in in flight;
 *   <li>a session is never sent twice, unless Cognito let it be retried (a retryable wrong answer, or a
 *       transport failure before any newer session), and never once it was answered;
 *   <li>no session is sent at or past its validity, counted from the send that obtained it;
 *   <li>the challenge the slot waits on is always answerable (never a spent session);
 *   <li>with nothing in flight the slot is not {@code Answering}; every attempt ends with a value or a
 *       declared exception; the store signs in exactly as often as an attempt returned tokens (never after
 *       an abandon).
 * </ul>
 */
class RandomChallengeScheduleTest {

    private static final Duration VALIDITY = Duration.ofMinutes(3);
    private static final Duration[] STEPS = {Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2), Duration.ofMinutes(3)};
    private static final SignInStep SMS = new SignInStep.SmsCode("+*******1234");
    private static final long BOUND_SECONDS = 10;

    private static final ExecutorService ATTEMPTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "random-sign-in");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stopAttempts() throws InterruptedException {
        ATTEMPTS.shutdownNow();
        assertTrue(ATTEMPTS.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void theChallengeMachineKeepsItsInvariantsUnderRandomSchedules() {
        long[] totals = new long[2];
        int ran = RandomSchedules.run("challenge slot", 5_000, seed -> {
            Schedule schedule = new Schedule(seed);
            schedule.run(40);
            totals[0] += schedule.sends;
            totals[1] += schedule.attempts.size();
        });
        System.out.println("challenge slot: " + ran + " schedules of 40 steps, " + totals[0] + " requests sent, "
                + totals[1] + " starts and answers");
        assertTrue(ran == 0 || totals[0] > 0, "the schedules sent requests");
    }

    private enum Outcome { NEXT, SWAP, TOKENS, WRONG_RETRY, WRONG_FINAL, TRANSPORT }

    private enum Status { IN_FLIGHT, SPENT, RETRYABLE, DEAD }

    /** What the stand-in answers a request with. */
    private record Response(Challenge next, boolean swap, Tokens tokens) {
    }

    /** A request on its way: the session it carries ({@code null} for a start) and its response. */
    private record Request(String session, long sentAt, CompletableFuture<Response> response) {
    }

    /** One start or answer on its own thread. */
    private static final class Attempt {
        final String what;
        final BlockingQueue<String> signals = new LinkedBlockingQueue<>();
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        volatile Request inFlight;
        volatile boolean sent;
        /** Its request was in flight when the sign-in was abandoned: whatever it obtains is discarded. */
        volatile boolean abandoned;
        boolean checked;

        Attempt(String what) {
            this.what = what;
        }
    }

    private static final class Schedule {

        final Random random;
        final FakeTicker ticker;
        final ChallengeSlot slot;
        final RecordedEvents events = new RecordedEvents();
        final DefaultSessionStore store;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>(); // read by the attempts' threads too
        final Map<String, Status> ledger = new ConcurrentHashMap<>();
        final Map<String, Long> obtainedAt = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final StringBuilder trace = new StringBuilder();
        int sessions;
        int issued;
        int sends;
        int signedIn;

        Schedule(long seed) {
            random = new Random(seed);
            ticker = new FakeTicker(random.nextBoolean() ? -7_123_456_789_000L : Long.MAX_VALUE - 60_000_000_000L);
            slot = new ChallengeSlot("default", ticker, VALIDITY, Duration.ofMinutes(1));
            store = new DefaultSessionStore("default", new FakeIdentityProvider(), ticker, Duration.ZERO, events);
        }

        void run(int steps) {
            try {
                for (int i = 0; i < steps; i++) {
                    step();
                    check();
                }
                while (inFlight() != null) {
                    answer(inFlight(), Outcome.values()[random.nextInt(Outcome.values().length)]);
                    check();
                }
                for (Attempt attempt : attempts) {
                    assertTrue(attempt.outcome.isDone(), attempt.what + " ended");
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nsteps:\n" + trace, e);
            }
        }

        void note(String step) {
            trace.append("  ").append(step).append(" -> ").append(slot.state()).append('\n');
        }

        /** Any attempt whose request is in flight, the abandoned ones included; {@code null} if none. */
        Attempt inFlight() {
            List<Attempt> sending = attempts.stream().filter(attempt -> attempt.inFlight != null).toList();
            return sending.isEmpty() ? null : sending.get(random.nextInt(sending.size()));
        }

        /** The attempt of the sign-in in progress whose request is in flight, if any. */
        Attempt current() {
            return attempts.stream().filter(attempt -> attempt.inFlight != null && !attempt.abandoned).findFirst().orElse(null);
        }

        void step() {
            int kind = random.nextInt(100);
            if (kind < 15) {
                launch(true);
            } else if (kind < 40) {
                launch(false);
            } else if (kind < 50) {
                race();
            } else if (kind < 80) {
                Attempt waiting = inFlight();
                if (waiting == null) {
                    launch(false);
                } else {
                    answer(waiting, Outcome.values()[random.nextInt(Outcome.values().length)]);
                }
            } else if (kind < 94) {
                Duration step = STEPS[random.nextInt(STEPS.length)];
                ticker.advance(step);
                note("ticker +" + step);
            } else {
                slot.abandon();
                attempts.stream().filter(attempt -> attempt.inFlight != null).forEach(attempt -> attempt.abandoned = true);
                note("abandon");
            }
        }

        /** A start or an answer on its own thread; returns once it sent its request or ended. */
        void launch(boolean start) {
            Attempt attempt = begin(start);
            awaitSignal(attempt);
            note(attempt.what);
        }

        /** Two attempts at once: at most one of them sends. */
        void race() {
            Attempt first = begin(random.nextBoolean());
            Attempt second = begin(false);
            awaitSignal(first);
            awaitSignal(second);
            note("race of " + first.what + " and " + second.what);
        }

        Attempt begin(boolean start) {
            Attempt attempt = new Attempt((start ? "start" : "answer") + " #" + attempts.size());
            attempts.add(attempt);
            ATTEMPTS.execute(() -> {
                try {
                    Object result = start ? slot.start(claim -> exchange(claim, attempt))
                            : slot.answer(claim -> exchange(claim, attempt));
                    attempt.outcome.complete(result);
                } catch (Throwable failure) {
                    attempt.outcome.completeExceptionally(failure);
                } finally {
                    attempt.signals.add("done");
                }
            });
            return attempt;
        }

        void awaitSignal(Attempt attempt) {
            try {
                if (attempt.signals.poll(BOUND_SECONDS, TimeUnit.SECONDS) == null) {
                    fail(attempt.what + " neither sent a request nor ended within " + BOUND_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** What the sign-in flow does under a claim: send, then show the next step, swap and send on, or sign in. */
        Object exchange(ChallengeClaim claim, Attempt attempt) {
            String session = claim.challenge().map(Challenge::session).orElse(null);
            boolean shown = session != null;
            for (;;) {
                String carried = session;
                boolean waited = shown;
                Response response = claim.send(() -> send(attempt, carried, waited));
                shown = false;
                if (response.tokens() != null) {
                    return claim.signedIn(store, response.tokens());
                }
                if (response.swap()) {
                    claim.swap(response.next());
                    session = response.next().session();
                } else {
                    claim.awaitAnswer(response.next(), SMS);
                    return SMS;
                }
            }
        }

        /**
         * The stand-in receives a request: checks it, records it, and tells the schedule. A session that was
         * {@code shown} to the user (not one swapped in and sent on at once) must be younger than the validity.
         */
        CompletableFuture<Response> send(Attempt attempt, String session, boolean shown) {
            Attempt other = current();
            if (other != null) {
                violations.add(attempt.what + " sent while " + other.what + " was in flight");
            }
            if (session != null) {
                Status status = ledger.get(session);
                if (status != null && status != Status.RETRYABLE) {
                    violations.add(attempt.what + " sent session " + session + " again (it was " + status + ")");
                }
                long age = ticker.read() - obtainedAt.get(session);
                if (shown && age >= VALIDITY.toNanos()) {
                    violations.add(attempt.what + " sent session " + session + " at age " + Duration.ofNanos(age));
                }
                ledger.put(session, Status.IN_FLIGHT);
            }
            sends++;
            Request request = new Request(session, ticker.read(), new CompletableFuture<>());
            attempt.inFlight = request;
            attempt.sent = true;
            attempt.signals.add("sent");
            return request.response();
        }

        /** The stand-in answers {@code attempt}'s request; returns once the attempt sent its next request or ended. */
        void answer(Attempt attempt, Outcome outcome) {
            Request request = attempt.inFlight;
            attempt.inFlight = null;
            String session = request.session();
            switch (outcome) {
                case NEXT, SWAP, TOKENS -> mark(session, Status.SPENT);
                case WRONG_RETRY, TRANSPORT -> mark(session, Status.RETRYABLE);
                case WRONG_FINAL -> mark(session, Status.DEAD);
                default -> throw new AssertionError(outcome);
            }
            switch (outcome) {
                case NEXT, SWAP -> {
                    String next = "session-" + ++sessions;
                    obtainedAt.put(next, request.sentAt());
                    request.response().complete(new Response(Challenge.of(outcome == Outcome.SWAP ? "MFA_SETUP" : "SMS_MFA",
                            Map.of(), "alice", next), outcome == Outcome.SWAP, null));
                }
                case TOKENS -> request.response().complete(new Response(null, false, TestTokens.issued(++issued, Duration.ofHours(1))));
                case WRONG_RETRY -> request.response().completeExceptionally(new WrongAnswerException("wrong code", true, null));
                case WRONG_FINAL -> request.response().completeExceptionally(new WrongAnswerException("wrong code", false, null));
                case TRANSPORT -> request.response().completeExceptionally(new TransportException("Cognito answered 503", 503, null));
                default -> throw new AssertionError(outcome);
            }
            awaitSignal(attempt);
            note(attempt.what + " answered " + outcome);
        }

        void mark(String session, Status status) {
            if (session != null) {
                ledger.put(session, status);
            }
        }

        void check() {
            assertEquals(List.of(), violations, "what the stand-in for Cognito saw");
            Attempt inFlight = inFlight();
            long sending = attempts.stream().filter(attempt -> attempt.inFlight != null && !attempt.abandoned).count();
            assertTrue(sending <= 1, sending + " requests of the sign-in in progress in flight");
            ChallengeState state = slot.state();
            if (current() == null) {
                assertFalse(state instanceof Answering, "nothing in flight, yet the slot is " + state);
            }
            if (inFlight == null) {
                for (Attempt attempt : attempts) {
                    assertTrue(attempt.outcome.isDone(), attempt.what + " ended");
                }
            }
            if (state instanceof Waiting waiting) {
                Status status = ledger.get(waiting.challenge().session());
                assertTrue(status == null || status == Status.RETRYABLE,
                        "the slot waits on session " + waiting.challenge().session() + ", which is " + status);
            }
            for (Attempt attempt : attempts) {
                if (attempt.outcome.isDone() && !attempt.checked) {
                    attempt.checked = true;
                    checkOutcome(attempt);
                }
            }
            assertEquals(signedIn, events.of(SignedIn.class).size(), "the store signed in once per sign-in that returned tokens");
        }

        void checkOutcome(Attempt attempt) {
            try {
                Object result = attempt.outcome.get(BOUND_SECONDS, TimeUnit.SECONDS);
                assertFalse(attempt.abandoned, attempt.what + " was abandoned, yet returned " + result);
                if (result instanceof Tokens) {
                    signedIn++;
                } else {
                    assertEquals(SMS, result, attempt.what);
                }
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                boolean declared = failure instanceof CognitoSecuredException
                        || failure instanceof IllegalStateException && failure.getMessage().contains("call SignIn.start first");
                assertTrue(declared, attempt.what + " failed with an undeclared " + failure);
                if (failure instanceof ChallengeInProgressException || failure instanceof ChallengeExpiredException) {
                    assertFalse(attempt.sent, attempt.what + " was refused, yet sent");
                }
            } catch (TimeoutException | InterruptedException e) {
                throw new AssertionError(attempt.what, e);
            }
        }
    }
}
