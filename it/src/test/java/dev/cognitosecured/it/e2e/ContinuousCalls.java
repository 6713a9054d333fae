package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Calls made without pause while time passes: after every {@link Pace#callsPerStep} completed calls
 * the test's thread moves the clock by {@link Pace#step}, until {@code span} has passed. Time thus
 * passes in proportion to the work done, not with the wall clock, and it passes while calls are in
 * flight: a token can expire between the instant a caller took it and the instant the server checks
 * it. No thread sleeps; the test's thread waits for completed calls on a semaphore.
 */
public final class ContinuousCalls {

    private ContinuousCalls() {
    }

    /**
     * How fast time passes.
     *
     * @param step how far the clock moves at a time
     * @param callsPerStep how many calls complete between two moves
     */
    public record Pace(Duration step, int callsPerStep) {
        public Pace {
            Objects.requireNonNull(step, "step");
            if (step.isNegative() || step.isZero() || callsPerStep < 1) {
                throw new IllegalArgumentException("a pace moves the clock forward after at least one call");
            }
        }

        /** {@code stepsPerLifetime} steps per token lifetime of {@code timing}. */
        public static Pace of(TokenTiming timing, int stepsPerLifetime, int callsPerStep) {
            return new Pace(timing.lifetime().dividedBy(stepsPerLifetime), callsPerStep);
        }

        /**
         * The pace for 50 callers with up to 200 ms of latency: 1/80 of a lifetime per 5 completed
         * calls. While one request is in flight, the others complete up to about a hundred calls, so up
         * to a quarter of a lifetime passes (5 s of a 20-second token): more than the skew and the
         * prefetch, so a token can expire in flight, and less than half the lifetime, so the replay,
         * sent with the tokens that replaced it, cannot.
         */
        public static Pace expiringInFlight(TokenTiming timing) {
            return of(timing, 80, 5);
        }
    }

    /**
     * {@code callers} platform threads each calling {@code call} again and again until {@code span}
     * has passed on {@code clock}.
     */
    public static CallTally blocking(int callers, ManualClock clock, Pace pace, Duration span, Runnable call) {
        CallTally tally = new CallTally();
        Semaphore completed = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Threads.platform("caller", callers);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                loops.add(threads.submit(() -> {
                    while (!stop.get()) {
                        tally.run(call);
                        completed.release();
                    }
                }));
            }
            drive(clock, pace, span, completed);
            stop.set(true);
            for (Future<?> loop : loops) {
                Threads.await(loop, "a caller");
            }
            return tally;
        } finally {
            stop.set(true);
            Threads.stop(threads);
        }
    }

    /**
     * Calls {@code call} from {@code issuers} threads that never wait for an answer, keeping
     * {@code inFlight} calls in flight, until {@code span} has passed on {@code clock}: each call's
     * completion (on whatever thread completes it) hands the next call to the issuers.
     *
     * @param issuingThreads receives the names of the threads that issued calls
     */
    public static CallTally nonBlocking(int inFlight, int issuers, ManualClock clock, Pace pace, Duration span,
            Supplier<? extends CompletionStage<?>> call, Set<String> issuingThreads) {
        CallTally tally = new CallTally();
        Semaphore completed = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch chainsEnded = new CountDownLatch(inFlight);
        ExecutorService issuerThreads = Threads.platform("issuer", issuers);
        try {
            for (int i = 0; i < inFlight; i++) {
                issuerThreads.execute(new Chain(call, tally, completed, stop, chainsEnded, issuerThreads, issuingThreads));
            }
            drive(clock, pace, span, completed);
            stop.set(true);
            if (!chainsEnded.await(Threads.STALL_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(chainsEnded.getCount() + " calls never completed");
            }
            return tally;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            stop.set(true);
            Threads.stop(issuerThreads);
        }
    }

    /** A set to give {@link #nonBlocking} for the names of the issuing threads. */
    public static Set<String> threadNames() {
        return ConcurrentHashMap.newKeySet();
    }

    private static void drive(ManualClock clock, Pace pace, Duration span, Semaphore completed) {
        long steps = span.toNanos() / pace.step().toNanos();
        try {
            for (long i = 0; i < steps; i++) {
                if (!completed.tryAcquire(pace.callsPerStep(), Threads.STALL_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("no call completed for " + Threads.STALL_SECONDS + " s: the callers hung");
                }
                clock.advance(pace.step());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One call in flight at a time, forever handed back to the issuers until told to stop. */
    private static final class Chain implements Runnable {
        private final Supplier<? extends CompletionStage<?>> call;
        private final CallTally tally;
        private final Semaphore completed;
        private final AtomicBoolean stop;
        private final CountDownLatch ended;
        private final ExecutorService issuers;
        private final Set<String> issuingThreads;

        Chain(Supplier<? extends CompletionStage<?>> call, CallTally tally, Semaphore completed, AtomicBoolean stop,
                CountDownLatch ended, ExecutorService issuers, Set<String> issuingThreads) {
            this.call = call;
            this.tally = tally;
            this.completed = completed;
            this.stop = stop;
            this.ended = ended;
            this.issuers = issuers;
            this.issuingThreads = issuingThreads;
        }

        @Override
        public void run() {
            if (stop.get()) {
                ended.countDown();
                return;
            }
            issuingThreads.add(Thread.currentThread().getName());
            CompletionStage<?> stage;
            try {
                stage = call.get();
            } catch (RuntimeException e) {
                tally.failed(e);
                next();
                return;
            }
            stage.whenComplete((result, failure) -> {
                if (failure == null) {
                    tally.succeeded();
                } else {
                    tally.failed(failure);
                }
                next();
            });
        }

        private void next() {
            completed.release();
            issuers.execute(this);
        }
    }
}
