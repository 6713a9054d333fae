package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.MfaFactor;

/**
 * "Sends" SMS and e-mail codes: makes the code, keeps it on the user for tests to read, and masks the
 * destination as Cognito does in {@code CODE_DELIVERY_DESTINATION}.
 */
final class CodeDelivery {

    private CodeDelivery() {}

    /** Sends a new code for {@code factor} ({@code SMS_MFA}: 6 digits; {@code EMAIL_OTP}: 8 digits). */
    static DeliveredCode send(UserState user, MfaFactor factor) {
        DeliveredCode delivered = switch (factor) {
            case SMS_MFA -> new DeliveredCode(factor, maskPhone(user.attribute("phone_number").orElseThrow()),
                    Ids.digits(6));
            case EMAIL_OTP -> new DeliveredCode(factor, maskEmail(user.attribute("email").orElseThrow()),
                    Ids.digits(8));
            case SOFTWARE_TOKEN_MFA -> throw new IllegalArgumentException("software tokens are not sent");
        };
        IssuedSecrets.record(IssuedSecrets.Kind.CODE, delivered.code());
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
