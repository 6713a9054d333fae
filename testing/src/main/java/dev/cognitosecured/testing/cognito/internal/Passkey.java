package dev.cognitosecured.testing.cognito.internal;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/** A passkey registered by a user: its credential id, public key and signature counter. Guarded by the lock. */
final class Passkey {

    final String credentialId;
    final PublicKey publicKey;
    final String relyingPartyId;
    final List<String> transports;
    final String attachment;
    final Instant createdAt;
    long signCount;

    Passkey(String credentialId, PublicKey publicKey, String relyingPartyId, List<String> transports, String attachment,
            Instant createdAt, long signCount) {
        this.credentialId = credentialId;
        this.publicKey = publicKey;
        this.relyingPartyId = relyingPartyId;
        this.transports = List.copyOf(transports);
        this.attachment = attachment;
        this.createdAt = createdAt;
        this.signCount = signCount;
    }

    @Override
    public String toString() {
        return "Passkey[" + credentialId + ", rp=" + relyingPartyId + "]";
    }
}
