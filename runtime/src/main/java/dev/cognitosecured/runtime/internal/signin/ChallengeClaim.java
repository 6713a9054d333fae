package dev.cognitosecured.runtime.internal.signin;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The claim on a {@link ChallengeSlot} that one request (or one short series of requests) of a
 * sign-in holds while in flight: the only way such a request is sent. Used by
 * {@link dev.cognitosecured.runtime.SignIn}'s implementation, on the thread that took the claim.
 * Every method but {@link #challenge()} and {@link #step()} throws {@link SignInRequiredException}
 * if the sign-in was abandoned meanwhile.
 */
public interface ChallengeClaim {

    /** The challenge being answered, with the session to answer with; empty when a sign-in starts. */
    Optional<Challenge> challenge();

    /** The step the user was shown for {@link #challenge()}; empty when a sign-in starts. */
    Optional<SignInStep> step();

    /**
     * Sends {@code request} and waits for its outcome, reading the ticker just before: the instant
     * from which what it obtains (a session, tokens) is aged.
     *
     * @throws SignInRequiredException if the sign-in was abandoned; nothing is sent
     * @throws RuntimeException what the request failed with, unwrapped
     */
    <T> T send(Supplier<? extends CompletionStage<T>> request);

    /**
     * The last request obtained {@code next}, which is not shown to the user yet (it needs another
     * request first): its session replaces the one answered.
     */
    void swap(Challenge next);

    /** The last request obtained {@code next}, which the user answers next, shown as {@code step}. */
    void awaitAnswer(Challenge next, SignInStep step);

    /**
     * The last request signed the user in: nothing waits for an answer any more, and {@code store}
     * starts the session with {@code tokens} ({@link SessionStore#signIn(Tokens, java.time.Duration)}),
     * their expiry measured from the instant that request was sent.
     *
     * @return the tokens, as the store returns them
     */
    Tokens signedIn(SessionStore store, Tokens tokens);
}
