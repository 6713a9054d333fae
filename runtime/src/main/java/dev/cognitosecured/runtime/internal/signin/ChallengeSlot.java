package dev.cognitosecured.runtime.internal.signin;


import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Answering;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Progress;
import dev.cognitosecured.runtime.internal.signin.ChallengeState.Waiting;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.io.InvalidObjectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The challenge slot of one sign-in: the challenge waiting for an answer (Cognito's {@link Challenge}
 * with its session, the {@link SignInStep} the user was shown, and the ticker reading taken just
 * before the request that obtained the session was sent), and the {@link ChallengeClaim} of the
 * request in flight, if any. Its states and transitions are listed in {@link ChallengeState}.
 *
 * <p>A request of a sign-in is sent only under a claim, taken with a compare-and-set, so a second
 * answer while one is in flight fails with {@link ChallengeInProgressException} before anything is
 * sent; every response's session is swapped in under the claim, so an answer always goes out with
 * the session of the latest response, and never twice. A challenge older than the challenge validity
 * (Cognito's {@code AuthSessionValidity}, 3 minutes unless configured otherwise) is dropped at the
 * next answer, which fails with {@link ChallengeExpiredException} without a request. When the claim's
 * work fails, the challenge stays answerable with the same session only if nothing reached Cognito, or
 * if the failure was a wrong answer Cognito lets the user retry ({@link WrongAnswerException#canRetry()})
 * or a {@link TransportException}, and no newer session had been swapped in; otherwise the sign-in is
 * dropped and must start again. A sign-in that ends with tokens starts the session in the
 * {@link SessionStore} given to {@link ChallengeClaim#signedIn}, its expiry measured from the send
 * instant of the request that returned them.
 *
 * <p>A slot belongs to one {@link dev.cognitosecured.runtime.SignIn}, in the same scope as the store
 * it signs in to: one sign-in at a time per principal. Lock-free: no {@code synchronized}. Nothing
 * here shows a session, a code or a password.
 */
public final class ChallengeSlot {

    /**
     * What a request of a sign-in may take beyond {@code cognito.timeout} before its caller stops
     * waiting: the identity provider should have ended it by then, so this bound is a backstop.
     */
    public static final Duration STEP_SLACK = Duration.ofSeconds(1);

    private final String pool;
    private final Ticker ticker;
    private final long validity;
    private final long stepNanos;
    private final BoundedWait stepWait;
    private final AtomicReference<ChallengeState> state = new AtomicReference<>(ChallengeState.IDLE);

    /**
     * An idle slot.
     *
     * @param pool the pool's name, as messages report it
     * @param ticker the monotonic clock challenges are aged on
     * @param validity how long Cognito accepts the session of a challenge (the app client's
     *     {@code AuthSessionValidity}); must be positive
     */
    public ChallengeSlot(String pool, Ticker ticker, Duration validity) {
        this(pool, ticker, validity, Limits.DEFAULT_COGNITO_TIMEOUT.plus(STEP_SLACK));
    }

    /**
     * An idle slot whose requests wait at most {@code stepTimeout} for Cognito's answer.
     *
     * @param stepTimeout the longest a request of the sign-in waits, on the real time: the pool's
     *     {@code cognito.timeout} (which bounds the identity provider's own request, retries included)
     *     plus {@link #STEP_SLACK}; must be positive
     */
    public ChallengeSlot(String pool, Ticker ticker, Duration validity, Duration stepTimeout) {
        this.pool = Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("the step timeout must be positive: " + stepTimeout);
        }
        this.stepNanos = BoundedWait.nanos(stepTimeout);
        this.stepWait = new BoundedWait("The sign-in to pool '" + pool + "'", Part.COGNITO,
                PoolKeys.of(pool).full(PoolKeys.COGNITO_TIMEOUT));
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the challenge validity must be positive: " + validity);
        }
        this.validity = validity.getSeconds() < Long.MAX_VALUE / 4_000_000_000L ? validity.toNanos() : Long.MAX_VALUE;
    }

    /**
     * The longest a request of this pool's sign-in is waited for, on the real time: {@code cognito.timeout}
     * plus {@link #STEP_SLACK}. The sign-out's revocation is bounded by it too.
     */
    public Duration stepTimeout() {
        return Duration.ofNanos(stepNanos);
    }

    /**
     * Starts a sign-in: takes the claim (abandoning a challenge that waits for an answer) and runs
     * {@code exchange} under it, which sends the first request(s) with {@link ChallengeClaim#send}
     * and reports what they obtained.
     *
     * @return what {@code exchange} returns
     * @throws ChallengeInProgressException if a request of a sign-in is in flight; nothing is sent
     */
    public <R> R start(Function<? super ChallengeClaim, ? extends R> exchange) {
        Objects.requireNonNull(exchange, "exchange");
        for (;;) {
            ChallengeState current = state.get();
            if (current instanceof Answering) {
                throw inProgress();
            }
            Claim claim = new Claim(null);
            if (state.compareAndSet(current, Answering.of(claim, null))) {
                return claim.run(exchange);
            }
        }
    }

    /**
     * Answers the challenge that waits for an answer: takes the claim on it and runs {@code exchange}
     * under it, which sends the answer with the challenge's session ({@link ChallengeClaim#challenge()})
     * and reports what it obtained.
     *
     * @return what {@code exchange} returns
     * @throws IllegalStateException if no challenge waits for an answer; nothing is sent
     * @throws ChallengeInProgressException if a request of the sign-in is in flight; nothing is sent
     * @throws ChallengeExpiredException if the challenge is older than the challenge validity; it is
     *     dropped, and nothing is sent
     */
    public <R> R answer(Function<? super ChallengeClaim, ? extends R> exchange) {
        Objects.requireNonNull(exchange, "exchange");
        for (;;) {
            ChallengeState current = state.get();
            if (current instanceof Answering) {
                throw inProgress();
            }
            if (!(current instanceof Waiting waiting)) {
                throw new IllegalStateException("No sign-in challenge of pool '" + pool
                        + "' is waiting for an answer: call SignIn.start first.");
            }
            if (ticker.read() - waiting.sentAt() >= validity) {
                if (state.compareAndSet(current, ChallengeState.IDLE)) {
                    throw new ChallengeExpiredException("The sign-in challenge " + waiting.challenge().name()
                            + " of pool '" + pool + "' is older than its validity (" + Duration.ofNanos(validity)
                            + "), so Cognito would refuse any answer to it. Start the sign-in again with SignIn.start.");
                }
                continue;
            }
            Claim claim = new Claim(waiting);
            if (state.compareAndSet(current, Answering.of(claim, waiting))) {
                return claim.run(exchange);
            }
        }
    }

    /** The step shown for the challenge that waits for an answer (or is being answered), if any. */
    public Optional<SignInStep> step() {
        return Optional.ofNullable(state.get().stepOrNull());
    }

    /**
     * Abandons the sign-in in progress: a challenge waiting for an answer is dropped, and a request in
     * flight has its outcome discarded when it returns (its caller gets {@link SignInRequiredException}).
     */
    public void abandon() {
        state.set(ChallengeState.IDLE);
    }

    /**
     * The persistent part of this slot's state at wall-clock instant {@code now}, as {@link ChallengeForm}
     * lays it out: the challenge waiting for an answer (with its session: a secret), or nothing. A request
     * in flight is not carried; what it answers is, as long as it could still be answered.
     */
    public byte[] serializedForm(Instant now) {
        Objects.requireNonNull(now, "now");
        return ChallengeForm.write(state.get(), ticker.read(), now);
    }

    /**
     * Puts the challenge that {@link #serializedForm} wrote on another JVM (or before a restart) into this
     * idle slot, its age counted on across the two (see {@link ChallengeForm}).
     *
     * @throws InvalidObjectException if {@code form} is damaged; the slot stays idle
     * @throws IllegalStateException if this slot is not idle
     */
    public void restore(byte[] form, Instant now) throws InvalidObjectException {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(now, "now");
        ChallengeState restored = ChallengeForm.read(form, ticker.read(), now, validity);
        if (!state.compareAndSet(ChallengeState.IDLE, restored)) {
            throw new IllegalStateException("the challenge slot of pool '" + pool + "' is not idle");
        }
    }

    /** The slot's current state (for tests). */
    ChallengeState state() {
        return state.get();
    }

    @Override
    public String toString() {
        return "ChallengeSlot[pool=" + pool + ", state=" + state.get() + "]";
    }

    private ChallengeInProgressException inProgress() {
        return new ChallengeInProgressException("A request of the sign-in to pool '" + pool
                + "' is already on its way to Cognito; wait for its result. (Answering twice would spend the"
                + " challenge's session.)");
    }

    private static boolean canRetryAfter(Throwable failure) {
        return failure instanceof WrongAnswerException wrong && wrong.canRetry()
                || failure instanceof TransportException;
    }

    /** One claim, held by the thread that runs its exchange. */
    final class Claim implements ChallengeClaim {

        /** The challenge this claim answers; {@code null} when it starts a sign-in. */
        private final Waiting answered;

        /** The ticker reading just before this claim's last request was sent. */
        private long lastSentAt;

        private Claim(Waiting answered) {
            this.answered = answered;
        }

        @Override
        public Optional<Challenge> challenge() {
            return Optional.ofNullable(answered).map(Waiting::challenge);
        }

        @Override
        public Optional<SignInStep> step() {
            return Optional.ofNullable(answered).map(Waiting::step);
        }

        @Override
        public <T> T send(Supplier<? extends CompletionStage<T>> request) {
            Objects.requireNonNull(request, "request");
            advance(owned -> owned.progress() == Progress.NOTHING_SENT
                    ? owned.with(owned.latest(), Progress.SENT) : owned);
            lastSentAt = ticker.read();
            long startedAt = BoundedWait.now();
            CompletionStage<T> response = request.get();
            if (response == null) {
                throw new NullPointerException("the sign-in request returned no stage");
            }
            return stepWait.await(response, startedAt, startedAt + stepNanos);
        }

        @Override
        public void swap(Challenge next) {
            Objects.requireNonNull(next, "next");
            advance(owned -> owned.with(new Waiting(next, owned.stepOrNull(), lastSentAt),
                    owned.progress().then(Progress.SWAPPED)));
        }

        @Override
        public void awaitAnswer(Challenge next, SignInStep step) {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(step, "step");
            advance(owned -> owned.with(new Waiting(next, step, lastSentAt), owned.progress().then(Progress.SHOWN)));
        }

        @Override
        public Tokens signedIn(SessionStore store, Tokens tokens) {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(tokens, "tokens");
            advance(owned -> owned.with(null, Progress.SIGNED_IN));
            return store.signIn(tokens, Duration.ofNanos(Math.max(0, ticker.read() - lastSentAt)));
        }

        /** Runs {@code exchange} under this claim, then leaves the state its outcome calls for. */
        <R> R run(Function<? super ChallengeClaim, ? extends R> exchange) {
            R result;
            try {
                result = exchange.apply(this);
            } catch (RuntimeException | Error failure) {
                fail(failure);
                throw failure;
            }
            release();
            return result;
        }

        /** After the exchange returned: see {@link ChallengeState} for where each progress leads. */
        private void release() {
            if (!(state.get() instanceof Answering owned) || owned.claim() != this) {
                return; // abandoned
            }
            ChallengeState next = switch (owned.progress()) {
                case SHOWN -> owned.latest();
                case NOTHING_SENT -> owned.answered() == null ? ChallengeState.IDLE : owned.answered();
                case SENT, SWAPPED, SIGNED_IN -> ChallengeState.IDLE;
            };
            boolean unfinished = owned.progress() == Progress.SENT || owned.progress() == Progress.SWAPPED;
            if (state.compareAndSet(owned, next) && unfinished) {
                throw new IllegalStateException("the sign-in exchange sent a request and returned without a step"
                        + " to answer or tokens; the sign-in is dropped");
            }
        }

        /** After the exchange failed: the answered challenge stays answerable if it still can be. */
        private void fail(Throwable failure) {
            if (!(state.get() instanceof Answering owned) || owned.claim() != this) {
                return; // abandoned
            }
            boolean retryable = owned.progress() == Progress.NOTHING_SENT
                    || owned.progress() == Progress.SENT && canRetryAfter(failure);
            state.compareAndSet(owned, retryable && owned.answered() != null ? owned.answered() : ChallengeState.IDLE);
        }

        /** Moves this claim's state on by {@code change}; the state is left alone if it no longer is this claim's. */
        private void advance(UnaryOperator<Answering> change) {
            for (;;) {
                ChallengeState current = state.get();
                if (!(current instanceof Answering owned) || owned.claim() != this) {
                    throw abandoned();
                }
                Answering next = change.apply(owned);
                if (next == owned || state.compareAndSet(owned, next)) {
                    return;
                }
            }
        }

        private SignInRequiredException abandoned() {
            return new SignInRequiredException("The sign-in to pool '" + pool + "' was abandoned (the user signed"
                    + " out) while a request of it was on its way; its outcome is discarded. Start again with"
                    + " SignIn.start.");
        }

        @Override
        public String toString() {
            return "ChallengeClaim[pool=" + pool + ", challenge="
                    + challenge().map(Challenge::name).orElse("none") + "]";
        }
    }
}
