package dev.cognitosecured.testing.cognito.internal;

import java.time.Instant;

/**
 * The server side of Cognito's SRP ({@code USER_SRP_AUTH} then {@code PASSWORD_VERIFIER}): the extension point
 * for the SRP implementation. LocalCognito keeps the session, single use, expiry, {@code SECRET_HASH}, lockout
 * and what comes after the password; an implementation only does the protocol's arithmetic.
 */
public interface SrpAuthentication {

    /**
     * Starts SRP for a user: computes the server's values from the client's {@code SRP_A}.
     *
     * @param poolId the user pool's id ({@code <region>_<name>}; Cognito's SRP uses the part after {@code _})
     * @param userIdForSrp the user name the client must use in its proof ({@code USER_ID_FOR_SRP})
     * @param password the user's password (LocalCognito keeps passwords; the verifier may be derived on the fly)
     * @param srpA the client's public value {@code SRP_A}, hexadecimal
     * @return the values for the {@code PASSWORD_VERIFIER} challenge and how to check the proof
     * @throws IllegalArgumentException if {@code srpA} is not acceptable (answered as {@code
     *     InvalidParameterException})
     */
    SrpChallenge begin(String poolId, String userIdForSrp, String password, String srpA);

    /**
     * The server's values for the {@code PASSWORD_VERIFIER} challenge.
     *
     * @param salt {@code SALT}, hexadecimal
     * @param srpB {@code SRP_B}, hexadecimal
     * @param secretBlock {@code SECRET_BLOCK}, opaque (Base64); the client signs it and sends it back
     * @param check how to check the client's answer
     */
    record SrpChallenge(String salt, String srpB, String secretBlock, ClaimCheck check) {
        @Override
        public String toString() {
            return "SrpChallenge[secretBlock=***]";
        }
    }

    /** Checks the client's answer to {@code PASSWORD_VERIFIER}. */
    @FunctionalInterface
    interface ClaimCheck {

        /**
         * Whether the proof is right and its timestamp acceptable at {@code now}.
         *
         * @param secretBlock {@code PASSWORD_CLAIM_SECRET_BLOCK}
         * @param timestamp {@code TIMESTAMP}, as {@code EEE MMM d HH:mm:ss z yyyy} in UTC
         * @param signature {@code PASSWORD_CLAIM_SIGNATURE}, Base64
         */
        boolean matches(String secretBlock, String timestamp, String signature, Instant now);
    }

    /** No SRP yet: {@code USER_SRP_AUTH} is refused with {@code InvalidParameterException}. */
    static SrpAuthentication unsupported() {
        return (poolId, user, password, srpA) -> {
            throw new UnsupportedOperationException("USER_SRP_AUTH is not supported by this LocalCognito");
        };
    }
}
