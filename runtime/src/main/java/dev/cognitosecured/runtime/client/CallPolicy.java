package dev.cognitosecured.runtime.client;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import java.time.Duration;
import java.util.Objects;

/**
 * How the calls of one {@code @CognitoSecured} interface use the session, as parsed at compile
 * time from the annotation. Generated clients spell it out, e.g.
 * {@code CallPolicy.accessToken().refreshSkew(Duration.ofSeconds(30)).replays(1)}.
 *
 * @param token which token goes into the {@code Authorization} header
 * @param refreshSkew the least time the token must stay valid for a call to be sent with it
 * @param retryOnUnauthorized how many times an HTTP 401 is answered by a refresh and a replay
 */
public record CallPolicy(TokenKind token, Duration refreshSkew, int retryOnUnauthorized) {

    /** The defaults of {@link CognitoSecured#refreshSkew()} and {@link CognitoSecured#retryOnUnauthorized()}. */
    private static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);
    private static final int DEFAULT_REPLAYS = 1;

    /**
     * A policy; generated clients build theirs with {@link #accessToken()} or {@link #idToken()}.
     *
     * @param token which token calls carry
     * @param refreshSkew the least validity a token must have left; not negative
     * @param retryOnUnauthorized refreshes and replays after an HTTP 401, 0 to 5
     */
    public CallPolicy {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("refreshSkew must not be negative: " + refreshSkew);
        }
        if (retryOnUnauthorized < 0 || retryOnUnauthorized > 5) {
            throw new IllegalArgumentException("retryOnUnauthorized must be 0 to 5: " + retryOnUnauthorized);
        }
    }

    /** {@return a policy that calls with the access token, with the annotation's default skew (30 s) and replays (1)} */
    public static CallPolicy accessToken() {
        return new CallPolicy(TokenKind.ACCESS, DEFAULT_SKEW, DEFAULT_REPLAYS);
    }

    /** {@return a policy that calls with the ID token, with the annotation's default skew (30 s) and replays (1)} */
    public static CallPolicy idToken() {
        return new CallPolicy(TokenKind.ID, DEFAULT_SKEW, DEFAULT_REPLAYS);
    }

    /**
     * This policy with another skew.
     *
     * @param skew the least time a token must stay valid for a call to be sent with it; not negative
     * @return a policy that differs from this one in its skew only
     */
    public CallPolicy refreshSkew(Duration skew) {
        return new CallPolicy(token, skew, retryOnUnauthorized);
    }

    /**
     * This policy with another number of refreshes and replays after an HTTP 401.
     *
     * @param replays 0 to 5
     * @return a policy that differs from this one in its replays only
     */
    public CallPolicy replays(int replays) {
        return new CallPolicy(token, refreshSkew, replays);
    }
}
