package dev.cognitosecured.runtime.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.store.TokenState.Active;
import dev.cognitosecured.runtime.internal.store.TokenState.Refreshing;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The token machine under random schedules (issue 12 §3): a model-based test of {@link DefaultSessionStore}
 * with an identity provider whose every refresh is a pending future that the schedule completes, fails or
 * rejects, and a fake ticker. Each schedule interleaves, at random, expiry (the ticker moves), refresh
 * outcomes, forced refreshes after a 401 ({@code refreshIfCurrent}), prefetch, sign-in, sign-out
 * ({@code end}), scope end ({@code close}), asynchronous callers and blocking callers on real threads
 * (with bounded waits, and interrupts). After every step it waits, without sleeping, until each blocking
 * caller has finished or is parked on the refresh in flight, then checks:
 *
 * <ul>
 *   <li>the tokens are the model's (a failed refresh keeps the old ones, a refresh of a replaced session
 *       installs nothing), and never older than any the store held before;
 *   <li>at most one refresh of the current session is in flight, and it is the store's;
 *   <li>with no refresh in flight, every caller has its answer; each answer is tokens at least as new as
 *       those current when it called, or a typed exception ({@link CognitoSecuredException});
 *   <li>while refreshes are held back after failures, no call sends one.
 * </ul>
 *
 * Seeded; the seed is printed, and {@code -Dcognito.random.seed=N} replays (see {@link RandomSchedules}).
 */
class RandomStoreScheduleTest {

    private static final Duration[] LIFETIMES = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2)};
    private static final Duration[] NEEDS = {Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(20),
        Duration.ofSeconds(45), Duration.ofHours(2)};
    private static final Duration[] STEPS = {Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(40)};
    private static final Duration[] PREFETCH = {Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20)};
    private static final SessionEnded.Reason[] REJECTIONS = {null, SessionEnded.Reason.REFRESH_TOKEN_EXPIRED,
        SessionEnded.Reason.USER_DISABLED};

    /** The steps of one schedule, before the refreshes still in flight are answered and the store closed. */
    private static final int STEPS_PER_SCHEDULE = 60;

    /** The real-time bound on every wait of the test for a blocking caller (never reached when all is well). */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How long a blocking caller waits at most, on real time (it never needs that long here). */
    private static final Duration CALLER_BOUND = Duration.ofSeconds(30);

    private static final ExecutorService CALLERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "random-store-caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stopCallers() throws InterruptedException {
        CALLERS.shutdownNow();
        assertTrue(CALLERS.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void theTokenMachineKeepsItsInvariantsUnderRandomSchedules() {
        long[] totals = new long[3];
        int ran = RandomSchedules.run("token store", 10_000, seed -> {
            Schedule schedule = new Schedule(seed);
            schedule.run(STEPS_PER_SCHEDULE);
            totals[0] += schedule.requests.size();
            totals[1] += schedule.waiters.size();
            totals[2] += schedule.blockingCallers;
        });
        System.out.println("token store: " + ran + " schedules of " + STEPS_PER_SCHEDULE + " steps, " + totals[0] + " refreshes sent, "
                + totals[1] + " callers answered (" + totals[2] + " of them blocking threads)");
        assertTrue(ran == 0 || totals[0] > 0, "the schedules refreshed");
    }

    /** One refresh request the provider received: the tokens it refreshes and the response the schedule decides. */
    private record Request(Tokens from, CompletableFuture<Tokens> response) {
    }

    /** One caller of the store and its answer. */
    private static final class Waiter {
        final String what;
        final int generationAtCall;
        final boolean closedAtCall;
        final boolean blocking;
        final CompletableFuture<Tokens> answer = new CompletableFuture<>();
        volatile Thread thread;
        boolean checked;

        Waiter(String what, int generationAtCall, boolean closedAtCall, boolean blocking) {
            this.what = what;
            this.generationAtCall = generationAtCall;
            this.closedAtCall = closedAtCall;
            this.blocking = blocking;
        }
    }

    private static final class Schedule {

        final Random random;
        final FakeTicker ticker;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final List<Waiter> waiters = new ArrayList<>();
        final DefaultSessionStore store;
        final StringBuilder trace = new StringBuilder();
        final Set<String> installed = new HashSet<>();
        int issued;
        int blockingCallers;
        /** The model: the tokens the store must hold ({@code null}: signed out). */
        Tokens expected;
        boolean closed;
        int newest = -1;

        Schedule(long seed) {
            random = new Random(seed);
            Random jitter = new Random(seed ^ 0x5DEECE66DL);
            ticker = new FakeTicker(random.nextBoolean() ? StoreFixture.START : Long.MAX_VALUE - random.nextInt(100) * 1_000_000_000L);
            IdentityProvider provider = new IdentityProvider() {
                @Override
                public CompletionStage<Tokens> refresh(Tokens current) {
                    Request request = new Request(current, new CompletableFuture<>());
                    requests.add(request);
                    return request.response();
                }

                @Override
                public CompletionStage<Tokens> signIn(String username, char[] password) {
                    return CompletableFuture.failedFuture(new UnsupportedOperationException("not used"));
                }

                @Override
                public CompletionStage<Void> revoke(Tokens current) {
                    return CompletableFuture.failedFuture(new UnsupportedOperationException("not used"));
                }
            };
            store = new DefaultSessionStore("default", provider, ticker, pick(PREFETCH),
                    new RefreshBackoff(RefreshBackoff.FIRST, RefreshBackoff.CAP, jitter::nextDouble), event -> { });
        }

        <T> T pick(T[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        void run(int steps) {
            try {
                signIn();
                for (int i = 0; i < steps; i++) {
                    step();
                    settle();
                    check();
                }
                drain();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nsteps:\n" + trace, e);
            }
        }

        void note(String step) {
            trace.append("  ").append(step).append(" -> ").append(store.state()).append('\n');
        }

        void step() {
            int kind = random.nextInt(100);
            TokenState before = store.state();
            boolean heldBack = before instanceof Active active && active.backingOffAt(ticker.read());
            int sentBefore = requests.size();
            Duration need = pick(NEEDS);
            if (kind < 18) {
                Duration step = pick(STEPS);
                ticker.advance(step);
                note("ticker +" + step);
                return;
            } else if (kind < 26) {
                Waiter waiter = waiter("tokensAsync(" + need + ")", false);
                store.tokensAsync(need).whenComplete((tokens, failure) -> settle(waiter, tokens, failure));
                note(waiter.what);
            } else if (kind < 36) {
                Duration bound = random.nextInt(5) == 0 ? Duration.ZERO : CALLER_BOUND;
                block("tokens(" + need + ", " + bound + ")", () -> store.tokens(need, bound));
            } else if (kind < 43) {
                Tokens rejected = rejected();
                Waiter waiter = waiter("refreshIfCurrentAsync(" + name(rejected) + ", " + need + ")", false);
                store.refreshIfCurrentAsync(rejected, need).whenComplete((tokens, failure) -> settle(waiter, tokens, failure));
                note(waiter.what);
            } else if (kind < 49) {
                Tokens rejected = rejected();
                block("refreshIfCurrent(" + name(rejected) + ", " + need + ")",
                        () -> store.refreshIfCurrent(rejected, need, CALLER_BOUND));
            } else if (kind < 54) {
                Waiter waiter = waiter("tokensAtHand(" + need + ")", false);
                try {
                    Optional<Tokens> atHand = store.tokensAtHand(need);
                    if (atHand.isPresent()) {
                        waiter.answer.complete(atHand.get());
                    } else {
                        assertInstanceOf(Refreshing.class, store.state(), "tokensAtHand said a refresh is in flight");
                        waiter.answer.cancel(false);
                    }
                } catch (RuntimeException e) {
                    waiter.answer.completeExceptionally(e);
                }
                note(waiter.what);
            } else if (kind < 74) {
                answerRefresh(random.nextInt(100));
                return;
            } else if (kind < 83) {
                signIn();
                return;
            } else if (kind < 87) {
                Tokens ended = store.end(SessionEnded.Reason.SIGNED_OUT).orElse(null);
                assertSameTokens(expected, ended, "end() hands over the tokens it ended");
                expected = null;
                note("end");
                return;
            } else if (kind < 88) {
                store.close();
                expected = null;
                closed = true;
                note("close");
                return;
            } else if (kind < 96) {
                interruptOne();
                return;
            } else {
                Duration step = pick(STEPS);
                ticker.advance(step);
                note("ticker +" + step);
                return;
            }
            settle();
            if (heldBack) {
                assertEquals(sentBefore, requests.size(), "a call sent a refresh while refreshes were held back");
            }
        }

        Tokens rejected() {
            TokenState now = store.state();
            if (now.tokens != null && random.nextInt(3) > 0) {
                return now.tokens;
            }
            return requests.isEmpty() ? TestTokens.issued(0, Duration.ofHours(1))
                    : requests.get(random.nextInt(requests.size())).from();
        }

        static String name(Tokens tokens) {
            return tokens == null ? "none" : tokens.accessToken();
        }

        static int generation(Tokens tokens) {
            return tokens == null ? -1 : Integer.parseInt(tokens.accessToken().substring("access-".length()));
        }

        Waiter waiter(String what, boolean blocking) {
            Waiter waiter = new Waiter(what, generation(store.state().tokens), closed, blocking);
            waiters.add(waiter);
            return waiter;
        }

        static void settle(Waiter waiter, Tokens tokens, Throwable failure) {
            if (failure != null) {
                waiter.answer.completeExceptionally(failure);
            } else {
                waiter.answer.complete(tokens);
            }
        }

        void block(String what, Supplier<Tokens> call) {
            Waiter waiter = waiter(what, true);
            blockingCallers++;
            CALLERS.execute(() -> {
                Thread.interrupted();
                waiter.thread = Thread.currentThread();
                try {
                    waiter.answer.complete(call.get());
                } catch (Throwable failure) {
                    waiter.answer.completeExceptionally(failure);
                } finally {
                    Thread.interrupted();
                }
            });
            settle();
            note(what);
        }

        void signIn() {
            Tokens tokens = TestTokens.issued(++issued, pick(LIFETIMES));
            Duration age = Duration.ofMillis(random.nextInt(5_000));
            if (closed) {
                SignInRequiredException refused = assertThrows(SignInRequiredException.class, () -> store.signIn(tokens, age));
                assertEquals(SessionEnded.Reason.SCOPE_ENDED, refused.reason().orElseThrow());
            } else {
                store.signIn(tokens, age);
                expected = tokens;
                installed.add(tokens.accessToken());
            }
            note("signIn(" + tokens.accessToken() + ", age " + age + ")");
        }

        /** Completes one pending refresh: success if {@code outcome < 55}, a failure below 85, else a rejection. */
        void answerRefresh(int outcome) {
            List<Request> pending = requests.stream().filter(request -> !request.response().isDone()).toList();
            if (pending.isEmpty()) {
                ticker.advance(Duration.ofSeconds(1));
                note("ticker +1s (no refresh to answer)");
                return;
            }
            Request request = pending.get(random.nextInt(pending.size()));
            TokenState before = store.state();
            boolean current = before instanceof Refreshing refreshing && refreshing.session.tokens == request.from();
            if (outcome < 55) {
                int n = ++issued;
                Duration lifetime = pick(LIFETIMES);
                Tokens fresh = random.nextBoolean() ? TestTokens.issued(n, lifetime)
                        : TestTokens.refreshedWithoutRotation(n, lifetime);
                if (current) {
                    expected = request.from().refreshedBy(fresh);
                    installed.add(fresh.accessToken());
                }
                request.response().complete(fresh);
                note("refresh of " + name(request.from()) + " answers " + fresh.accessToken());
            } else if (outcome < 85) {
                request.response().completeExceptionally(new TransportException("Cognito answered 503 (injected)", 503, null));
                note("refresh of " + name(request.from()) + " fails");
                if (current) {
                    settle();
                    assertInstanceOf(Active.class, store.state(), "a failed refresh leaves the session active");
                    assertTrue(((Active) store.state()).failures > 0, "a failed refresh is counted");
                }
            } else {
                SessionEnded.Reason reason = pick(REJECTIONS);
                request.response().completeExceptionally(reason == null
                        ? new SignInRequiredException("the refresh token was rejected (injected)")
                        : new SignInRequiredException("the refresh token was rejected (injected)", reason));
                note("refresh of " + name(request.from()) + " rejected, " + reason);
                if (current) {
                    expected = null;
                    settle();
                    CompletableFuture<Tokens> after = store.tokensAsync(Duration.ZERO).toCompletableFuture();
                    SignInRequiredException signIn = assertInstanceOf(SignInRequiredException.class, failureOf(after));
                    assertEquals(reason == null ? SessionEnded.Reason.REFRESH_REJECTED : reason, signIn.reason().orElseThrow());
                }
            }
        }

        static Throwable failureOf(CompletableFuture<?> future) {
            try {
                future.getNow(null);
                return null;
            } catch (java.util.concurrent.CompletionException e) {
                return e.getCause();
            }
        }

        void interruptOne() {
            List<Waiter> parked = waiters.stream().filter(waiter -> waiter.blocking && !waiter.answer.isDone()).toList();
            if (parked.isEmpty()) {
                note("interrupt: nobody waits");
                return;
            }
            Waiter waiter = parked.get(random.nextInt(parked.size()));
            TokenState before = store.state();
            waiter.thread.interrupt();
            Throwable failure = awaitAnswer(waiter);
            assertInstanceOf(CallInterruptedException.class, failure, waiter.what + " interrupted");
            assertSame(before, store.state(), "the refresh carries on after its waiter was interrupted");
            note("interrupt " + waiter.what);
        }

        /** Waits, at most {@link #BOUND_NANOS}, for {@code waiter}'s answer; its failure or {@code null}. */
        static Throwable awaitAnswer(Waiter waiter) {
            if (waiter.answer.isCancelled()) {
                return null;
            }
            try {
                waiter.answer.get(BOUND_NANOS, TimeUnit.NANOSECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError(waiter.what + " had no answer within 10 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /**
         * Waits until every blocking caller has its answer or is parked on the refresh in flight (the refresh
         * future has at least as many dependents as there are callers still waiting). Bounded: never sleeps.
         */
        void settle() {
            long deadline = System.nanoTime() + BOUND_NANOS;
            for (;;) {
                TokenState now = store.state();
                List<Waiter> waiting = waiters.stream().filter(waiter -> !waiter.answer.isDone()).toList();
                boolean parked = waiting.stream().allMatch(waiter -> !waiter.blocking || waiter.thread != null
                        && waiter.thread.getState() == Thread.State.TIMED_WAITING);
                if (waiting.isEmpty() || parked && now instanceof Refreshing refreshing && !refreshing.refresh.isDone()
                        && refreshing.refresh.getNumberOfDependents() >= waiting.size() && now == store.state()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    fail("callers neither answered nor waiting for the refresh in flight within 10 s: "
                            + waiting.stream().map(waiter -> waiter.what).toList() + ", state " + now);
                }
                Thread.yield();
            }
        }

        void check() {
            TokenState now = store.state();
            assertSameTokens(expected, now.tokens, "the store holds the model's tokens");
            if (now.tokens != null) {
                int generation = generation(now.tokens);
                assertTrue(generation >= newest, "tokens went back from access-" + newest + " to " + now.tokens.accessToken());
                newest = generation;
            }
            if (closed) {
                assertSame(TokenState.SignedOut.CLOSED, now, "a closed store stays closed");
            }
            long inFlight = requests.stream()
                    .filter(request -> !request.response().isDone() && now.tokens != null && request.from() == now.tokens)
                    .count();
            assertTrue(inFlight <= 1, inFlight + " refreshes of the current session in flight");
            assertEquals(now instanceof Refreshing ? 1 : 0, inFlight,
                    "a refresh of the current session is in flight exactly when the store is Refreshing");
            if (!(now instanceof Refreshing)) {
                for (Waiter waiter : waiters) {
                    assertTrue(waiter.answer.isDone(), waiter.what + " still waits though no refresh is in flight");
                }
            }
            for (Waiter waiter : waiters) {
                if (waiter.answer.isDone() && !waiter.checked) {
                    checkAnswer(waiter);
                }
            }
        }

        void checkAnswer(Waiter waiter) {
            waiter.checked = true;
            if (waiter.answer.isCancelled()) {
                return; // tokensAtHand: "join the refresh"
            }
            Throwable failure = failureOf(waiter.answer);
            if (failure == null) {
                Tokens tokens = waiter.answer.join();
                assertTrue(installed.contains(tokens.accessToken()), waiter.what + " got tokens the store never held: "
                        + tokens.accessToken());
                assertTrue(generation(tokens) >= waiter.generationAtCall, waiter.what + " got older tokens ("
                        + tokens.accessToken() + ") than were current when it called (access-" + waiter.generationAtCall + ")");
                assertTrue(!waiter.closedAtCall, waiter.what + " got tokens from a closed store");
            } else {
                assertInstanceOf(CognitoSecuredException.class, failure, waiter.what + " failed with an undeclared exception");
                if (waiter.closedAtCall) {
                    SignInRequiredException signIn = assertInstanceOf(SignInRequiredException.class, failure, waiter.what);
                    assertEquals(SessionEnded.Reason.SCOPE_ENDED, signIn.reason().orElseThrow());
                }
            }
        }

        /** Answers every refresh still in flight with tokens, then closes the store: every caller has its answer. */
        void drain() {
            for (int round = 0; round < 100; round++) {
                if (requests.stream().allMatch(request -> request.response().isDone())) {
                    break;
                }
                answerRefresh(0);
                settle();
                check();
            }
            assertTrue(requests.stream().allMatch(request -> request.response().isDone()), "the refreshes ended");
            for (Waiter waiter : waiters) {
                awaitAnswer(waiter);
            }
            check();
            store.close();
            expected = null;
            closed = true;
            note("close");
            SignInRequiredException ended = assertInstanceOf(SignInRequiredException.class,
                    failureOf(store.tokensAsync(Duration.ZERO).toCompletableFuture()));
            assertEquals(SessionEnded.Reason.SCOPE_ENDED, ended.reason().orElseThrow());
            assertNull(store.state().tokens);
        }

        static void assertSameTokens(Tokens expected, Tokens actual, String what) {
            if (expected == null || actual == null) {
                assertSame(expected, actual, what);
                return;
            }
            assertEquals(expected.accessToken(), actual.accessToken(), what);
            assertEquals(expected.idToken(), actual.idToken(), what);
            assertEquals(expected.refreshToken(), actual.refreshToken(), what);
        }
    }
}
