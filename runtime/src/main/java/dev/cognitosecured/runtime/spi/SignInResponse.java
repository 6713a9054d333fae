package dev.cognitosecured.runtime.spi;

import java.util.Objects;

/**
 * What Cognito answered a step of a sign-in with: the tokens, or the next challenge.
 */
public sealed interface SignInResponse {

    /**
     * The user is signed in.
     *
     * @param tokens the tokens Cognito issued
     */
    record Authenticated(Tokens tokens) implements SignInResponse {
        /**
         * The user is signed in with {@code tokens}.
         *
         * @param tokens the tokens Cognito issued
         */
        public Authenticated {
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /**
     * The user must answer {@code challenge} first.
     *
     * @param challenge the challenge Cognito sent, with its session
     */
    record Challenged(Challenge challenge) implements SignInResponse {
        /**
         * The user must answer {@code challenge}.
         *
         * @param challenge the challenge Cognito sent, with its session
         */
        public Challenged {
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
