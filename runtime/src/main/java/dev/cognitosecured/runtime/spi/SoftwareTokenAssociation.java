package dev.cognitosecured.runtime.spi;

import java.util.Objects;

/**
 * What {@code AssociateSoftwareToken} returns during an {@code MFA_SETUP} challenge: the secret key
 * for the user's authenticator app, and the challenge with the new session to verify it with.
 *
 * @param secretCode the Base32 key the user enrols in an authenticator app; shown to the user, but
 *     never by {@link #toString()}
 * @param challenge the {@code MFA_SETUP} challenge with the session {@code AssociateSoftwareToken} returned
 */
public record SoftwareTokenAssociation(String secretCode, Challenge challenge) {

    /**
     * What {@code AssociateSoftwareToken} returned.
     *
     * @param secretCode the key the user enters in the authenticator app; a secret
     * @param challenge the {@code MFA_SETUP} challenge with the session it returned
     */
    public SoftwareTokenAssociation {
        Objects.requireNonNull(secretCode, "secretCode");
        Objects.requireNonNull(challenge, "challenge");
    }

    @Override
    public String toString() {
        return "SoftwareTokenAssociation[secretCode=***, challenge=" + challenge + "]";
    }
}
