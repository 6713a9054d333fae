package dev.cognitosecured.testing.cognito;

import dev.cognitosecured.testing.cognito.internal.CognitoService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The codes a {@link LocalCognito} "sent" by e-mail and SMS, for tests to read as the user would:
 *
 * <pre>{@code
 * String code = cognito.outbox().last(pool, "alice", CodePurpose.SIGN_UP).orElseThrow().code();
 * }</pre>
 *
 * <p>Every code goes here: sign-up confirmation, password reset, attribute verification, and the
 * {@code SMS_MFA} / {@code EMAIL_OTP} codes of a sign-in. With {@link #useFixedCode(String)} every code
 * sent from then on is that one, for tests that type it in. Thread-safe.
 *
 * <p>The rules LocalCognito keeps for codes (Cognito's, where documented): a sign-up or verification code
 * is valid 24 hours, a reset code 1 hour ({@code ExpiredCodeException} after); only the latest code of a
 * kind is valid; a wrong code is {@code CodeMismatchException}, and after 5 wrong codes the code is void
 * and further attempts get {@code LimitExceededException} until a new one is sent; at most 5 codes of a kind are sent to a
 * user in an hour ({@code LimitExceededException} after).
 */
public final class Outbox {

    private final CognitoService service;

    Outbox(CognitoService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * {@return every code sent to {@code username} of {@code pool}, oldest first}
     *
     * @param pool the user's pool
     * @param username the user's name
     */
    public List<SentCode> to(UserPool pool, String username) {
        return service.sentCodes(pool.id(), Objects.requireNonNull(username, "username"));
    }

    /**
     * {@return the last code sent to {@code username} of {@code pool}, for any purpose}
     *
     * @param pool the user's pool
     * @param username the user's name
     */
    public Optional<SentCode> last(UserPool pool, String username) {
        List<SentCode> sent = to(pool, username);
        return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1));
    }

    /**
     * {@return the last code sent to {@code username} of {@code pool} for {@code purpose}}
     *
     * @param pool the user's pool
     * @param username the user's name
     * @param purpose what the code is for
     */
    public Optional<SentCode> last(UserPool pool, String username, CodePurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        List<SentCode> sent = to(pool, username);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).purpose() == purpose) {
                return Optional.of(sent.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Every code sent from now on is {@code code} (digits), until {@link #useRandomCodes()}.
     *
     * @param code one or more digits
     * @throws IllegalArgumentException if {@code code} is empty or not all digits
     */
    public void useFixedCode(String code) {
        Objects.requireNonNull(code, "code");
        if (code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a code is digits");
        }
        service.useFixedCode(Optional.of(code));
    }

    /** Codes are random again (the default): 6 digits, 8 for {@code EMAIL_OTP}. */
    public void useRandomCodes() {
        service.useFixedCode(Optional.empty());
    }

    /** Forgets every code sent so far (the codes stay valid). */
    public void clear() {
        service.clearSentCodes();
    }

    @Override
    public String toString() {
        return "Outbox";
    }
}
