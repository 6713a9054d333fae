package dev.cognitosecured.runtime;

import java.util.Objects;

/**
 * What became of one attribute given to {@link Account#updateAttributes}, named like Amplify's
 * {@code nextStep.updateAttributeStep}.
 */
public sealed interface AttributeUpdateStep {

    /** {@return the kind of step, for a {@code switch} where pattern matching on the type is not wanted} */
    Kind kind();

    /** {@return the attribute's name, e.g. {@code email}} */
    String attribute();

    /** The kinds of step. */
    enum Kind {
        /** The attribute waits for the code sent to the user: {@link ConfirmWithCode}. */
        CONFIRM_ATTRIBUTE_WITH_CODE,
        /** The attribute has its new value: {@link Done}. */
        DONE
    }

    /**
     * The attribute needs verifying: confirm with the code sent to {@code delivery}
     * ({@link Account#confirmAttribute}). Until then it is unverified, or, where the pool keeps the old value
     * until the new one is verified, the old value stays in effect.
     *
     * @param attribute the attribute's name, e.g. {@code email}
     * @param delivery where the code was sent, to tell the user where to look
     */
    record ConfirmWithCode(String attribute, CodeDeliveryDetails delivery) implements AttributeUpdateStep {
        /**
         * Checks that both components are given.
         *
         * @param attribute the attribute's name, e.g. {@code email}
         * @param delivery where the code was sent, to tell the user where to look
         * @throws NullPointerException if one is {@code null}
         */
        public ConfirmWithCode {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_ATTRIBUTE_WITH_CODE;
        }
    }

    /**
     * The attribute has its new value.
     *
     * @param attribute the attribute's name, e.g. {@code email}
     */
    record Done(String attribute) implements AttributeUpdateStep {
        /**
         * Checks that the attribute is given.
         *
         * @param attribute the attribute's name, e.g. {@code email}
         * @throws NullPointerException if it is {@code null}
         */
        public Done {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
