package dev.cognitosecured.runtime.internal.cognito.srp;

/**
 * The answer to a {@code PASSWORD_VERIFIER} challenge, besides the secret block sent back as it
 * came and the user name.
 *
 * @param signature the {@code PASSWORD_CLAIM_SIGNATURE}, base64
 * @param timestamp the {@code TIMESTAMP} the signature covers
 */
public record PasswordClaim(String signature, String timestamp) {

    /** Names the timestamp only: the signature is proof of the password and stays out of logs. */
    @Override
    public String toString() {
        return "PasswordClaim[timestamp=" + timestamp + ", signature=(hidden)]";
    }
}
