package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.SentCode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends codes (into the outbox) and checks the codes users send back, with Cognito's rules: validity per
 * purpose, only the latest code of a kind valid, a limit on wrong codes and on codes sent per hour. Guarded by
 * {@link CognitoService}'s lock.
 */
final class Codes {

    /** Wrong codes after which a code is void ({@code LimitExceededException} until a new one is sent). */
    static final int MAX_WRONG_CODES = 5;
    /** Codes of one purpose sent to one user within an hour, at most. */
    static final int MAX_CODES_PER_HOUR = 5;

    static final String MISMATCH = "Invalid verification code provided, please try again.";
    static final String EXPIRED = "Invalid code provided, please request a code again.";
    static final String ATTEMPTS = "Attempt limit exceeded, please try after some time.";

    private final InstantSource clock;
    private final Map<String, List<SentCode>> sent = new HashMap<>();
    private Optional<String> fixed = Optional.empty();

    Codes(InstantSource clock) {
        this.clock = clock;
    }

    /** How long a code for {@code purpose} is valid. */
    static Duration validity(CodePurpose purpose) {
        return purpose == CodePurpose.FORGOT_PASSWORD ? Duration.ofHours(1) : Duration.ofHours(24);
    }

    /**
     * Sends a new code for {@code purpose} to {@code user}'s {@code attribute} ({@code email} or {@code
     * phone_number}); it replaces the previous one of that purpose and attribute.
     *
     * @throws CognitoException {@code LimitExceededException} if too many were sent within the hour
     */
    SentCode send(PoolState pool, UserState user, CodePurpose purpose, String attribute) {
        return send(pool, user, purpose, attribute, user.attribute(attribute).orElseThrow(() ->
                CognitoException.invalidParameter("User has no " + attribute + " to send a code to")));
    }

    /** As {@link #send(PoolState, UserState, CodePurpose, String)}, to {@code destination} (a value not yet in effect). */
    SentCode send(PoolState pool, UserState user, CodePurpose purpose, String attribute, String destination) {
        Instant now = clock.instant();
        long recent = sentTo(pool, user.username).stream()
                .filter(code -> code.purpose() == purpose && code.sentAt().isAfter(now.minus(Duration.ofHours(1))))
                .count();
        if (recent >= MAX_CODES_PER_HOUR) {
            throw new CognitoException("LimitExceededException", ATTEMPTS);
        }
        SentCode code = deliver(pool, user, purpose, attribute, destination, 6);
        user.pendingCodes.put(key(purpose, attribute), new PendingCode(code.code(), now));
        return code;
    }

    /** Records a sign-in code ({@code SMS_MFA}, {@code EMAIL_OTP}); its session checks it. */
    SentCode sendSignInCode(PoolState pool, UserState user, String attribute, int digits) {
        return deliver(pool, user, CodePurpose.SIGN_IN, attribute, user.attribute(attribute).orElseThrow(), digits);
    }

    private SentCode deliver(PoolState pool, UserState user, CodePurpose purpose, String attribute, String destination,
            int digits) {
        String value = fixed.orElseGet(() -> Ids.digits(digits));
        IssuedSecrets.record(IssuedSecrets.Kind.CODE, value);
        SentCode code = new SentCode(user.username, purpose, attribute, destination, mask(attribute, destination), value,
                clock.instant());
        sent.computeIfAbsent(pool.id + "/" + user.username, k -> new ArrayList<>()).add(code);
        return code;
    }

    /**
     * Checks {@code code} against the pending code for {@code purpose} and {@code attribute}; the code is spent
     * if right.
     *
     * @throws CognitoException {@code CodeMismatchException}, {@code ExpiredCodeException} (none pending, or too
     *     old) or {@code LimitExceededException} (too many wrong ones)
     */
    void check(UserState user, CodePurpose purpose, String attribute, String code) {
        String key = key(purpose, attribute);
        PendingCode pending = user.pendingCodes.get(key);
        if (pending == null) {
            throw CognitoException.expiredCode(EXPIRED);
        }
        if (pending.wrong >= MAX_WRONG_CODES) {
            throw new CognitoException("LimitExceededException", ATTEMPTS);
        }
        if (!clock.instant().isBefore(pending.sentAt.plus(validity(purpose)))) {
            throw CognitoException.expiredCode(EXPIRED);
        }
        if (!pending.code.equals(code)) {
            pending.wrong++;
            throw CognitoException.codeMismatch(MISMATCH);
        }
        user.pendingCodes.remove(key);
    }

    /** Every code sent to {@code username} of {@code pool}, oldest first. */
    List<SentCode> sentTo(PoolState pool, String username) {
        return List.copyOf(sent.getOrDefault(pool.id + "/" + username, List.of()));
    }

    void useFixed(Optional<String> code) {
        code.ifPresent(value -> IssuedSecrets.record(IssuedSecrets.Kind.CODE, value));
        fixed = code;
    }

    void clear() {
        sent.clear();
    }

    /** The destination as {@code CodeDeliveryDetails} shows it. */
    static String mask(String attribute, String destination) {
        return "phone_number".equals(attribute) ? CodeDelivery.maskPhone(destination) : CodeDelivery.maskEmail(destination);
    }

    private static String key(CodePurpose purpose, String attribute) {
        return purpose + ":" + attribute;
    }

    /** A code waiting to be sent back. */
    static final class PendingCode {
        final String code;
        final Instant sentAt;
        int wrong;

        PendingCode(String code, Instant sentAt) {
            this.code = code;
            this.sentAt = sentAt;
        }

        @Override
        public String toString() {
            return "PendingCode[sentAt=" + sentAt + ", wrong=" + wrong + "]";
        }
    }
}
