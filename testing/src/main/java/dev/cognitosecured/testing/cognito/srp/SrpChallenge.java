package dev.cognitosecured.testing.cognito.srp;

import java.math.BigInteger;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code PASSWORD_VERIFIER} challenge: the parameters sent to the client and the state the
 * server needs to check the answer, kept by the caller (with the challenge's session) until the
 * answer comes. Good for one answer. {@link #toString()} shows none of the secret state.
 */
public final class SrpChallenge {

    private final SrpVerifier verifier;
    private final BigInteger clientPublic;
    private final BigInteger serverSecret;
    private final BigInteger serverPublic;
    private final byte[] secretBlock;
    private final AtomicBoolean answered = new AtomicBoolean();

    SrpChallenge(SrpVerifier verifier, BigInteger clientPublic, BigInteger serverSecret,
            BigInteger serverPublic, byte[] secretBlock) {
        this.verifier = verifier;
        this.clientPublic = clientPublic;
        this.serverSecret = serverSecret;
        this.serverPublic = serverPublic;
        this.secretBlock = secretBlock.clone();
    }

    /** {@return {@code SRP_B}, hexadecimal} */
    public String srpB() {
        return serverPublic.toString(16);
    }

    /** {@return {@code SALT}, hexadecimal} */
    public String salt() {
        return verifier.saltHex();
    }

    /** {@return {@code SECRET_BLOCK}, base64: opaque random bytes the client signs and sends back} */
    public String secretBlock() {
        return Base64.getEncoder().encodeToString(secretBlock);
    }

    /** {@return {@code USER_ID_FOR_SRP}} */
    public String userIdForSrp() {
        return verifier.userIdForSrp();
    }

    SrpVerifier verifier() {
        return verifier;
    }

    BigInteger clientPublic() {
        return clientPublic;
    }

    BigInteger serverSecret() {
        return serverSecret;
    }

    BigInteger serverPublic() {
        return serverPublic;
    }

    byte[] secretBlockBytes() {
        return secretBlock.clone();
    }

    /** Marks the challenge answered; false if it already was. */
    boolean markAnswered() {
        return answered.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "SrpChallenge[userIdForSrp=" + userIdForSrp() + ", answered=" + answered.get() + "]";
    }
}
