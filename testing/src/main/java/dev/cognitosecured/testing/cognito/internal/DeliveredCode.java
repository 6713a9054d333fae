package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;

/**
 * A code "sent" to a user by SMS or e-mail.
 *
 * @param factor how it was sent
 * @param destination the masked destination, as in {@code CODE_DELIVERY_DESTINATION}
 * @param code the code
 */
record DeliveredCode(MfaFactor factor, String destination, String code) {

    @Override
    public String toString() {
        return "DeliveredCode[" + factor + " to " + destination + ", code=***]";
    }
}
