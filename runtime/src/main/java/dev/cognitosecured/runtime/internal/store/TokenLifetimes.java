package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Optional;

/**
 * The lifetimes the library accepts for access and ID tokens: more than zero, and at most Cognito's
 * maximum of one day. Tokens outside are refused where they arrive (the JWTs' {@code exp - iat} when
 * Cognito's answer is read, and again in the store for any identity provider): a lifetime of zero or
 * less would send every call into a refresh, and an absurd one would keep a token long after the
 * server stops accepting it.
 */
public final class TokenLifetimes {

    /** Cognito's maximum validity of an access or ID token. */
    public static final Duration MAX = Duration.ofDays(1);

    private TokenLifetimes() {
    }

    /**
     * What is wrong with {@code lifetime}, to follow a token's name in a message
     * (e.g. {@code "lasts 0 s, not a positive time"}), or empty if nothing is.
     */
    public static Optional<String> problem(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            return Optional.of("lasts " + lifetime.toSeconds() + " s, not a positive time");
        }
        if (lifetime.compareTo(MAX) > 0) {
            return Optional.of("lasts " + lifetime.toSeconds() + " s, more than Cognito's maximum of "
                    + MAX.toSeconds() + " s (one day)");
        }
        return Optional.empty();
    }

    /**
     * The failure for tokens from an identity provider whose lifetime makes no sense, if theirs does;
     * {@code kept} says what the store keeps instead. Names the user, never a token.
     */
    static Optional<TransportException> refusal(Tokens tokens, String kept) {
        return problem(tokens.lifetime()).map(problem -> new TransportException("The identity provider issued"
                + " tokens for " + tokens.username() + " that make no sense: they " + problem + ". " + kept, null));
    }
}
