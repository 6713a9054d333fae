package dev.cognitosecured.testing.cognito.internal;

/**
 * What LocalCognito remembers of an access token it issued, to reject it once revoked.
 *
 * @param family the sign-in it comes from
 * @param sequence when it was issued, in {@link TokenService}'s sequence
 * @param expiresAt its {@code exp} claim, in epoch seconds
 */
record IssuedAccessToken(TokenFamily family, long sequence, long expiresAt) {

    boolean isRevoked() {
        return family.revoked || sequence <= family.user.signedOutUpTo || sequence <= family.user.accessRevokedUpTo;
    }
}
