package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.srp.SrpOutcome;
import dev.cognitosecured.testing.cognito.srp.SrpVerifier;
import java.time.InstantSource;

/**
 * The server side of Cognito's SRP ({@code USER_SRP_AUTH} then {@code PASSWORD_VERIFIER}): the extension point
 * for the SRP arithmetic. LocalCognito keeps the session, single use, expiry, {@code SECRET_HASH}, lockout and
 * what comes after the password; an implementation only does the protocol's arithmetic.
 */
public interface SrpAuthentication {

    /**
     * What the pool keeps to check SRP proofs for a password: a fresh salt and the verifier. Called whenever a
     * user's password is set, so a sign-in does not derive it again.
     *
     * @param poolId the user pool's id ({@code <region>_<name>}; Cognito's SRP uses the part after {@code _})
     * @param userIdForSrp the user name the client must use in its proof ({@code USER_ID_FOR_SRP})
     * @param password the new password; read, not kept
     */
    SrpVerifier verifier(String poolId, String userIdForSrp, String password);

    /**
     * Starts SRP for a user: computes the server's values from the client's {@code SRP_A}.
     *
     * @param verifier what the pool keeps for the user's password
     * @param srpA the client's public value {@code SRP_A}, hexadecimal
     * @return the values for the {@code PASSWORD_VERIFIER} challenge and how to check the proof
     * @throws IllegalArgumentException if {@code srpA} is not acceptable (answered as {@code
     *     InvalidParameterException}); the message names the fault, not the value
     */
    SrpStart begin(SrpVerifier verifier, String srpA);

    /**
     * The server's values for the {@code PASSWORD_VERIFIER} challenge.
     *
     * @param salt {@code SALT}, hexadecimal
     * @param srpB {@code SRP_B}, hexadecimal
     * @param secretBlock {@code SECRET_BLOCK}, opaque (Base64); the client signs it and sends it back
     * @param check how to check the client's answer; good for one answer
     */
    record SrpStart(String salt, String srpB, String secretBlock, ProofCheck check) {
        @Override
        public String toString() {
            return "SrpStart[secretBlock=***]";
        }
    }

    /** Checks the client's answer to {@code PASSWORD_VERIFIER}, once. */
    @FunctionalInterface
    interface ProofCheck {

        /**
         * What the answer proves, judged at the time of the clock the implementation was made with.
         *
         * @param secretBlock {@code PASSWORD_CLAIM_SECRET_BLOCK}
         * @param timestamp {@code TIMESTAMP}, as {@code EEE MMM d HH:mm:ss z yyyy} in UTC
         * @param signature {@code PASSWORD_CLAIM_SIGNATURE}, Base64
         */
        SrpOutcome check(String secretBlock, String timestamp, String signature);
    }

    /**
     * Cognito's SRP on {@link dev.cognitosecured.testing.cognito.srp.SrpServer}: the 3072-bit group, random
     * 128-bit salts, timestamps checked against {@code clock}.
     */
    static SrpAuthentication cognito(InstantSource clock) {
        return new SrpServerAuthentication(clock);
    }
}
