package dev.cognitosecured.runtime;

import java.util.Objects;

/**
 * Where Cognito sent a code, as the user may be told: "We sent a code to a***@e***".
 *
 * @param destination the masked destination, e.g. {@code a***@e***} or {@code +*******1234}
 * @param medium how it was sent: {@code EMAIL} or {@code SMS}
 * @param attribute the attribute it was sent to: {@code email} or {@code phone_number}
 */
public record CodeDeliveryDetails(String destination, String medium, String attribute) {

    /**
     * Checks that every component is given.
     *
     * @param destination the masked destination, e.g. {@code a***@e***} or {@code +*******1234}
     * @param medium how it was sent: {@code EMAIL} or {@code SMS}
     * @param attribute the attribute it was sent to: {@code email} or {@code phone_number}
     * @throws NullPointerException if one is {@code null}
     */
    public CodeDeliveryDetails {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(attribute, "attribute");
    }
}
