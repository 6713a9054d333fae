package dev.cognitosecured.runtime.internal.signin;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.spi.Challenge;

/**
 * The states of a {@link ChallengeSlot}. Each is immutable; the slot holds the current one in an
 * {@code AtomicReference} and changes it only by compare-and-set.
 *
 * <pre>
 * from       event                              to                           fired / returned
 * ---------  ---------------------------------  ---------------------------  ---------------------------------
 * Idle,      start                              Answering(NOTHING_SENT)      the exchange runs under a claim
 * Waiting
 * Waiting    answer, younger than the validity  Answering(NOTHING_SENT)      the exchange runs under a claim
 * Waiting    answer, as old as the validity     Idle                         ChallengeExpiredException, no request
 * Idle       answer                             Idle                         IllegalStateException, no request
 * Answering  start or answer                    Answering                    ChallengeInProgressException
 * Answering  claim: send                        Answering(SENT)              the request goes out
 * Answering  claim: swap(next)                  Answering(SWAPPED)           next's session replaces the old one
 * Answering  claim: awaitAnswer(next, step)     Answering(SHOWN)             -
 * Answering  claim: signedIn(store, tokens)     Answering(SIGNED_IN)         SessionStore.signIn(tokens, age)
 * Answering  exchange returns                   SHOWN: Waiting(latest);      the exchange's result
 *                                               NOTHING_SENT: as before;     (SENT, SWAPPED: IllegalStateException,
 *                                               otherwise Idle                the sign-in is dropped)
 * Answering  exchange fails                     NOTHING_SENT, or SENT with   the failure
 *                                               a retryable failure: the
 *                                               Waiting answered; else Idle
 * any        abandon (sign-out)                 Idle                         a claim in flight is discarded
 * </pre>
 *
 * <p>A retryable failure is a {@link dev.cognitosecured.runtime.WrongAnswerException} whose
 * {@code canRetry()} holds, or a {@link dev.cognitosecured.runtime.TransportException}. The
 * persistent part of a state is {@link Waiting} (also as {@link Answering#answered} and
 * {@link Answering#latest}); the {@link ChallengeSlot.Claim} belongs to the thread in flight. Times
 * are readings of the slot's ticker.
 */
sealed interface ChallengeState permits ChallengeState.Idle, ChallengeState.Waiting, ChallengeState.Answering {

    /** No sign-in in progress. */
    Idle IDLE = new Idle();

    /** The step shown for the challenge that waits for an answer (or is being answered); {@code null} if none. */
    SignInStep stepOrNull();

    /** No sign-in in progress: nothing to answer. */
    record Idle() implements ChallengeState {

        @Override
        public SignInStep stepOrNull() {
            return null;
        }

        @Override
        public String toString() {
            return "Idle";
        }
    }

    /**
     * A challenge waiting for the user's answer.
     *
     * @param challenge the challenge, with the session to answer it with
     * @param step what the user was shown for it; {@code null} only for a challenge swapped in at
     *     the start of a sign-in, before anything was shown
     * @param sentAt the ticker reading just before the request that obtained the challenge was sent
     */
    record Waiting(Challenge challenge, SignInStep step, long sentAt) implements ChallengeState {

        @Override
        public SignInStep stepOrNull() {
            return step;
        }

        @Override
        public String toString() {
            return "Waiting[" + challenge.name() + "]";
        }
    }

    /**
     * A request of the sign-in in flight, under {@code claim}.
     *
     * @param claim the claim whose thread sends the requests
     * @param answered the challenge being answered; {@code null} when a sign-in starts
     * @param latest the newest challenge: {@code answered} until a response brings another; {@code null}
     *     when none (starting, or signed in)
     * @param progress how far the claim got
     */
    record Answering(ChallengeSlot.Claim claim, Waiting answered, Waiting latest, Progress progress)
            implements ChallengeState {

        /** A claim that answers {@code answered} ({@code null} to start a sign-in), before anything is sent. */
        static Answering of(ChallengeSlot.Claim claim, Waiting answered) {
            return new Answering(claim, answered, answered, Progress.NOTHING_SENT);
        }

        Answering with(Waiting next, Progress reached) {
            return new Answering(claim, answered, next, reached);
        }

        @Override
        public SignInStep stepOrNull() {
            return latest == null ? null : latest.step;
        }

        @Override
        public String toString() {
            return "Answering[" + progress + (latest == null ? "" : ", " + latest.challenge.name()) + "]";
        }
    }

    /** How far a claim got; once {@link #SIGNED_IN}, it stays so. */
    enum Progress {
        /** Nothing sent: the answered challenge is untouched. */
        NOTHING_SENT,
        /** A request went out with the answered challenge's session; no newer session yet. */
        SENT,
        /** A newer session was swapped in, not shown to the user: the answered one is spent. */
        SWAPPED,
        /** A newer challenge was shown to the user: it waits for an answer once the exchange returns. */
        SHOWN,
        /** The user is signed in: nothing waits. */
        SIGNED_IN;

        Progress sent() {
            return this == NOTHING_SENT ? SENT : this;
        }

        Progress then(Progress reached) {
            return this == SIGNED_IN ? this : reached;
        }
    }
}
