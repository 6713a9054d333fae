package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.CodeDeliveryDetails;
import dev.cognitosecured.runtime.TransportException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;

/** Cognito's {@code CodeDeliveryDetails} as the library's {@link CodeDeliveryDetails}. */
final class Deliveries {

    private Deliveries() {}

    static CodeDeliveryDetails of(CodeDeliveryDetailsType details, String call) {
        if (details == null || details.destination() == null) {
            throw new TransportException("Cognito's answer to " + call + " does not say where the code was sent"
                    + " (no CodeDeliveryDetails).", null);
        }
        return new CodeDeliveryDetails(details.destination(),
                details.deliveryMediumAsString() == null ? "EMAIL" : details.deliveryMediumAsString(),
                details.attributeName() == null ? "" : details.attributeName());
    }
}
