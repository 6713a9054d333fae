package dev.cognitosecured.runtime.client;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import java.time.Duration;
import java.util.Objects;

/**
 * How the calls of one {@code @CognitoSecured} interface use the session, as parsed at compile
 * time from the annotation.
 *
 * @param token which token goes into the {@code Authorization} header
 * @param refreshSkew the least time the token must stay valid for a call to be sent with it
 * @param retryOnUnauthorized how many times an HTTP 401 is answered by a refresh and a replay
 */
public record CallPolicy(TokenKind token, Duration refreshSkew, int retryOnUnauthorized) {

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

    /** The policy of an interface: skew in milliseconds, as generated code writes it. */
    public static CallPolicy of(TokenKind token, long refreshSkewMillis, int retryOnUnauthorized) {
        return new CallPolicy(token, Duration.ofMillis(refreshSkewMillis), retryOnUnauthorized);
    }
}
