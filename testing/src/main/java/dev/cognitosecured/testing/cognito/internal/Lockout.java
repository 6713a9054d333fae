package dev.cognitosecured.testing.cognito.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Cognito's lockout after failed sign-in attempts (passwords and MFA codes): after the fifth failure in a row
 * the user is locked out for 2^(n-5) seconds, at most about 15 minutes; attempts during a lockout fail with
 * "Password attempts exceeded" and are not counted; a success, or 15 minutes without a failure, resets it.
 */
final class Lockout {

    static final String ATTEMPTS_EXCEEDED = "Password attempts exceeded";

    private static final int FREE_FAILURES = 5;
    private static final Duration LONGEST = Duration.ofMinutes(15);

    private int failures;
    private Optional<Instant> lastFailure = Optional.empty();
    private Instant lockedUntil = Instant.MIN;

    /** @throws CognitoException "Password attempts exceeded" while the user is locked out */
    void check(Instant now) {
        if (lastFailure.isPresent() && !now.isBefore(lastFailure.get().plus(LONGEST))) {
            reset();
        }
        if (now.isBefore(lockedUntil)) {
            throw CognitoException.notAuthorized(ATTEMPTS_EXCEEDED);
        }
    }

    void recordFailure(Instant now) {
        failures++;
        lastFailure = Optional.of(now);
        if (failures >= FREE_FAILURES) {
            int exponent = Math.min(failures - FREE_FAILURES, 20);
            Duration lock = Duration.ofSeconds(1L << exponent);
            lockedUntil = now.plus(lock.compareTo(LONGEST) > 0 ? LONGEST : lock);
        }
    }

    void reset() {
        failures = 0;
        lastFailure = Optional.empty();
        lockedUntil = Instant.MIN;
    }
}
