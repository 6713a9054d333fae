package dev.cognitosecured.testing.cognito;

import java.time.Instant;
import java.util.Objects;

/**
 * A code LocalCognito "sent" by e-mail or SMS, as the user would have received it. {@link #toString()}
 * does not show the code.
 *
 * @param username the user it was sent to
 * @param purpose what it is for
 * @param attribute the attribute it was sent to: {@code email} or {@code phone_number}
 * @param destination that attribute's value, unmasked
 * @param maskedDestination the destination as Cognito names it in {@code CodeDeliveryDetails}, e.g. {@code a***@e***}
 * @param code the code
 * @param sentAt when it was sent, on LocalCognito's clock
 */
public record SentCode(
        String username,
        CodePurpose purpose,
        String attribute,
        String destination,
        String maskedDestination,
        String code,
        Instant sentAt) {

    /**
     * A sent code.
     *
     * @param username the user it was sent to
     * @param purpose what it is for
     * @param attribute the attribute it was sent to
     * @param destination that attribute's value, unmasked
     * @param maskedDestination the destination as Cognito names it in {@code CodeDeliveryDetails}
     * @param code the code
     * @param sentAt when it was sent, on LocalCognito's clock
     * @throws NullPointerException if a component is {@code null}
     */
    public SentCode {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(maskedDestination, "maskedDestination");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** {@return {@code SMS} for a {@code phone_number}, else {@code EMAIL}, as Cognito's {@code DeliveryMedium}} */
    public String medium() {
        return "phone_number".equals(attribute) ? "SMS" : "EMAIL";
    }

    @Override
    public String toString() {
        return "SentCode[" + purpose + " to " + username + " by " + medium() + " at " + maskedDestination
                + ", code=***, sentAt=" + sentAt + "]";
    }
}
