package dev.cognitosecured.testing.cognito;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cognito's custom authentication Lambda triggers, played by test code: set with {@link
 * PoolSettings#withCustomAuth(CustomAuthTriggers)}, used by {@code InitiateAuth} with {@code CUSTOM_AUTH} and
 * answered through {@code RespondToAuthChallenge} with {@code CUSTOM_CHALLENGE} and {@code ANSWER}. A sign-in
 * started with {@code CHALLENGE_NAME} {@code SRP_A} (and {@code SRP_A}) proves the password first, through
 * {@code PASSWORD_VERIFIER}: LocalCognito plays those first rounds of the define trigger itself, as Cognito's
 * documentation describes them (a wrong proof fails the sign-in), and calls {@link #define} once the password is
 * proven, with no answers yet. Each round
 * uses up its session and, if another challenge follows, returns a new one, as in Cognito. A trigger that
 * throws fails the request with {@code UserLambdaValidationException}. Called on LocalCognito's server
 * threads, one request at a time.
 */
public interface CustomAuthTriggers {

    /**
     * Define auth challenge: what happens next in the sign-in of {@code username}.
     *
     * @param username the user who signs in
     * @param answers whether each custom challenge answered so far in this sign-in was right, oldest first
     * @return whether to issue tokens, fail the sign-in or send another custom challenge
     */
    Decision define(String username, List<Boolean> answers);

    /**
     * Create auth challenge: the next challenge for {@code username}.
     *
     * @param username the user who signs in
     * @param answers as for {@link #define}
     * @return the challenge to send
     */
    CustomChallenge create(String username, List<Boolean> answers);

    /**
     * Verify auth challenge response.
     *
     * @param username the user who signs in
     * @param challenge the challenge {@link #create} made, with its private parameters
     * @param answer the client's {@code ANSWER}
     * @return whether {@code answer} answers {@code challenge}
     */
    boolean verify(String username, CustomChallenge challenge, String answer);

    /** The outcome of {@link #define}. */
    enum Decision {
        /** The sign-in succeeds: tokens are issued. */
        ISSUE_TOKENS,
        /** The sign-in fails: "Incorrect username or password.". */
        FAIL_AUTHENTICATION,
        /** Another custom challenge follows, made by {@link #create}. */
        CUSTOM_CHALLENGE
    }

    /**
     * A challenge made by {@link #create}.
     *
     * @param publicParameters sent to the client as {@code ChallengeParameters}
     * @param privateParameters kept on the server for {@link #verify}, such as the expected answer
     */
    record CustomChallenge(Map<String, String> publicParameters, Map<String, String> privateParameters) {

        /**
         * A challenge, its parameters copied.
         *
         * @param publicParameters sent to the client as {@code ChallengeParameters}
         * @param privateParameters kept on the server for {@link #verify}
         * @throws NullPointerException if a component is {@code null}
         */
        public CustomChallenge {
            publicParameters = Map.copyOf(Objects.requireNonNull(publicParameters, "publicParameters"));
            privateParameters = Map.copyOf(Objects.requireNonNull(privateParameters, "privateParameters"));
        }

        @Override
        public String toString() {
            return "CustomChallenge[publicParameters=" + publicParameters.keySet() + ", privateParameters=***]";
        }
    }
}
