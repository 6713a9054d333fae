package dev.cognitosecured.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a sign-up stands, named like Amplify's {@code nextStep.signUpStep}: a code to confirm, or done.
 * Neither carries a secret.
 */
public sealed interface SignUpStep {

    /** The kind of step. */
    Kind kind();

    /** Whether the account is confirmed: the user can sign in. */
    default boolean isDone() {
        return kind() == Kind.DONE;
    }

    /** The kinds of step. */
    enum Kind {
        CONFIRM_SIGN_UP,
        DONE
    }

    /**
     * The account must be confirmed with the code Cognito sent ({@link SignUp#confirmSignUp(String)}).
     * {@code delivery} says where it went; it is empty when the pool verifies nothing at sign-up and an
     * administrator confirms accounts. {@code userId} is the user's id in the pool (the {@code sub} of its
     * tokens).
     */
    record ConfirmSignUp(String userId, Optional<CodeDeliveryDetails> delivery) implements SignUpStep {
        public ConfirmSignUp {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public Kind kind() {
            return Kind.CONFIRM_SIGN_UP;
        }
    }

    /**
     * The account is confirmed; the user signs in with {@link SignIn#start}. {@code userId} is the user's id
     * in the pool when Cognito said it (at sign-up; a confirmation does not).
     */
    record Done(Optional<String> userId) implements SignUpStep {
        public Done {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
