package dev.cognitosecured.testing.cognito.srp;

/** What {@link SrpServer#verify} found. Every outcome but {@link #VERIFIED} is a failed sign-in. */
public enum SrpOutcome {
    /** The signature proves the password. */
    VERIFIED,
    /** The signature does not match: a wrong password, or a signature that is not base64 of 32 bytes. */
    WRONG_SIGNATURE,
    /** {@code PASSWORD_CLAIM_SECRET_BLOCK} is not the {@code SECRET_BLOCK} of the challenge. */
    SECRET_BLOCK_MISMATCH,
    /** {@code TIMESTAMP} is not in Cognito's form, e.g. {@code Tue Feb 3 04:05:06 UTC 2026}. */
    MALFORMED_TIMESTAMP,
    /** {@code TIMESTAMP} is too far from the server's clock. */
    STALE_TIMESTAMP,
    /** The challenge was answered before; each is good for one answer. */
    ALREADY_ANSWERED
}
