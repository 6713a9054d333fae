package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.SentCode;

/**
 * "Sends" SMS and e-mail codes: makes the code, keeps it on the user for tests to read, and masks the
 * destination as Cognito does in {@code CODE_DELIVERY_DESTINATION}.
 */
final class CodeDelivery {

    private CodeDelivery() {}

    /**
     * Sends a new code for {@code factor} ({@code SMS_MFA}: 6 digits; {@code EMAIL_OTP}: 8 digits) through
     * {@code codes}, into the outbox.
     */
    static DeliveredCode send(Codes codes, PoolState pool, UserState user, MfaFactor factor) {
        SentCode sent = switch (factor) {
            case SMS_MFA -> codes.sendSignInCode(pool, user, "phone_number", 6);
            case EMAIL_OTP -> codes.sendSignInCode(pool, user, "email", 8);
            case SOFTWARE_TOKEN_MFA -> throw new IllegalArgumentException("software tokens are not sent");
        };
        DeliveredCode delivered = new DeliveredCode(factor, sent.maskedDestination(), sent.code());
        user.lastCode = java.util.Optional.of(delivered);
        return delivered;
    }

    /** {@code +12065551234} → {@code +*******1234}. */
    static String maskPhone(String phone) {
        int keep = Math.min(4, phone.length());
        String start = phone.startsWith("+") ? "+" : "";
        return start + "*".repeat(Math.max(0, phone.length() - keep - start.length()))
                + phone.substring(phone.length() - keep);
    }

    /** {@code alice@example.com} → {@code a***@e***}. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }
}
