package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.Totp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/** Checks authenticator-app codes: the current 30-second step or one step either side, each step once. */
final class SoftwareTokens {

    static final String ALREADY_USED = "Your software token has already been used once.";

    private SoftwareTokens() {}

    /** The time step whose code {@code code} is, among the steps around {@code now}. */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        long current = Totp.stepOf(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(Totp.codeAtStep(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Accepts the code of {@code step} for {@code user}.
     *
     * @throws CognitoException {@code ExpiredCodeException} if a code of this step or a later one was used
     */
    static void use(UserState user, long step) {
        if (step <= user.lastTotpStep) {
            throw CognitoException.expiredCode(ALREADY_USED);
        }
        user.lastTotpStep = step;
    }
}
