package dev.cognitosecured.runtime;

import java.util.Objects;

/**
 * What became of one attribute given to {@link Account#updateAttributes}, named like Amplify's
 * {@code nextStep.updateAttributeStep}.
 */
public sealed interface AttributeUpdateStep {

    /** The kind of step. */
    Kind kind();

    /** The attribute's name, e.g. {@code email}. */
    String attribute();

    /** The kinds of step. */
    enum Kind {
        CONFIRM_ATTRIBUTE_WITH_CODE,
        DONE
    }

    /**
     * The attribute needs verifying: confirm with the code sent to {@code delivery}
     * ({@link Account#confirmAttribute}). Until then it is unverified, or, where the pool keeps the old value
     * until the new one is verified, the old value stays in effect.
     */
    record ConfirmWithCode(String attribute, CodeDeliveryDetails delivery) implements AttributeUpdateStep {
        public ConfirmWithCode {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_ATTRIBUTE_WITH_CODE;
        }
    }

    /** The attribute has its new value. */
    record Done(String attribute) implements AttributeUpdateStep {
        public Done {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
