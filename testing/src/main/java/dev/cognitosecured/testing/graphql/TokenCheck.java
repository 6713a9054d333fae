package dev.cognitosecured.testing.graphql;

import java.util.Optional;

/**
 * What {@link TokenVerifier} made of the token of one request.
 *
 * @param verdict accepted, expired, invalid, or not checkable for want of keys
 * @param caller who made the request, when accepted
 * @param reason why the token was not accepted, when it was not; never quotes the token
 */
record TokenCheck(Verdict verdict, Optional<VerifiedCaller> caller, Optional<String> reason) {

    enum Verdict { ACCEPTED, EXPIRED, INVALID, KEYS_UNAVAILABLE }

    static TokenCheck accepted(VerifiedCaller caller) {
        return new TokenCheck(Verdict.ACCEPTED, Optional.of(caller), Optional.empty());
    }

    static TokenCheck expired(String reason) {
        return new TokenCheck(Verdict.EXPIRED, Optional.empty(), Optional.of(reason));
    }

    static TokenCheck invalid(String reason) {
        return new TokenCheck(Verdict.INVALID, Optional.empty(), Optional.of(reason));
    }

    static TokenCheck keysUnavailable(String reason) {
        return new TokenCheck(Verdict.KEYS_UNAVAILABLE, Optional.empty(), Optional.of(reason));
    }
}
