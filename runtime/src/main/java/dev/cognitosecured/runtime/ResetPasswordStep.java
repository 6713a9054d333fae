package dev.cognitosecured.runtime;

import java.util.Objects;

/** Where a password reset stands, named like Amplify's {@code nextStep.resetPasswordStep}. */
public sealed interface ResetPasswordStep {

    /** The kind of step. */
    Kind kind();

    /** Whether the new password is set. */
    default boolean isDone() {
        return kind() == Kind.DONE;
    }

    /** The kinds of step. */
    enum Kind {
        CONFIRM_RESET_PASSWORD_WITH_CODE,
        DONE
    }

    /** Cognito sent a code to {@code delivery}: confirm with it and the new password. */
    record ConfirmWithCode(CodeDeliveryDetails delivery) implements ResetPasswordStep {
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
