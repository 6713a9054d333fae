package dev.cognitosecured.runtime;

import java.util.Objects;

/** Where a password reset stands, named like Amplify's {@code nextStep.resetPasswordStep}. */
public sealed interface ResetPasswordStep {

    /** {@return the kind of step, for a {@code switch} where pattern matching on the type is not wanted} */
    Kind kind();

    /** {@return whether the new password is set, so the user can sign in with it} */
    default boolean isDone() {
        return kind() == Kind.DONE;
    }

    /** The kinds of step. */
    enum Kind {
        /** A code was sent: confirm with it and the new password ({@link ConfirmWithCode}). */
        CONFIRM_RESET_PASSWORD_WITH_CODE,
        /** The new password is set ({@link Done}). */
        DONE
    }

    /**
     * Cognito sent a code to {@code delivery}: confirm with it and the new password
     * ({@link PasswordReset#confirmResetPassword}).
     *
     * @param delivery where the code was sent, to tell the user where to look
     */
    record ConfirmWithCode(CodeDeliveryDetails delivery) implements ResetPasswordStep {
        /**
         * Checks that the delivery is given.
         *
         * @param delivery where the code was sent, to tell the user where to look
         * @throws NullPointerException if it is {@code null}
         */
        public ConfirmWithCode {
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_RESET_PASSWORD_WITH_CODE;
        }
    }

    /** The new password is set; the user signs in with it. */
    record Done() implements ResetPasswordStep {
        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
