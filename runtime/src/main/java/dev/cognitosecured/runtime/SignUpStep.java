package dev.cognitosecured.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a sign-up stands, named like Amplify's {@code nextStep.signUpStep}: a code to confirm, or done.
 * Neither carries a secret.
 */
public sealed interface SignUpStep {

    /** {@return the kind of step, for a {@code switch} where pattern matching on the type is not wanted} */
    Kind kind();

    /** {@return whether the account is confirmed, so the user can sign in} */
    default boolean isDone() {
        return kind() == Kind.DONE;
    }

    /** The kinds of step. */
    enum Kind {
        /** The account waits for the code Cognito sent ({@link ConfirmSignUp}). */
        CONFIRM_SIGN_UP,
        /** The account is confirmed ({@link Done}). */
        DONE
    }

    /**
     * The account must be confirmed with the code Cognito sent ({@link SignUp#confirmSignUp(String)}).
     * {@code delivery} says where it went; it is empty when the pool verifies nothing at sign-up and an
     * administrator confirms accounts. {@code userId} is the user's id in the pool (the {@code sub} of its
     * tokens).
     *
     * @param userId the user's id in the pool, the {@code sub} of its tokens
     * @param delivery where the code went; empty if the pool sends none and an administrator confirms accounts
     */
    record ConfirmSignUp(String userId, Optional<CodeDeliveryDetails> delivery) implements SignUpStep {
        /**
         * Checks that both components are given ({@code delivery} may be empty, not {@code null}).
         *
         * @param userId the user's id in the pool, the {@code sub} of its tokens
         * @param delivery where the code went; empty if the pool sends none and an administrator confirms accounts
         * @throws NullPointerException if one is {@code null}
         */
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
     *
     * @param userId the user's id in the pool (the {@code sub} of its tokens); empty after a confirmation
     */
    record Done(Optional<String> userId) implements SignUpStep {
        /**
         * Checks that {@code userId} is given (it may be empty, not {@code null}).
         *
         * @param userId the user's id in the pool (the {@code sub} of its tokens); empty after a confirmation
         * @throws NullPointerException if it is {@code null}
         */
        public Done {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public Kind kind() {
            return Kind.DONE;
        }
    }
}
