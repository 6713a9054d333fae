package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.srp.SrpVerifier;
import java.time.Instant;
import java.util.Optional;

/**
 * A device Cognito issued to a user ({@code NewDeviceMetadata}): unconfirmed until {@code ConfirmDevice} sends
 * its SRP verifier, then tracked, and remembered or not. Guarded by {@link CognitoService}'s lock.
 */
final class DeviceState {

    final String key;
    final String groupKey;
    final Instant createdAt;
    Optional<String> name = Optional.empty();
    /** What {@code DEVICE_PASSWORD_VERIFIER} proofs are checked against; set by {@code ConfirmDevice}. */
    Optional<SrpVerifier> verifier = Optional.empty();
    boolean remembered;
    Instant lastModifiedAt;
    Instant lastAuthenticatedAt;

    DeviceState(String key, String groupKey, Instant createdAt) {
        this.key = key;
        this.groupKey = groupKey;
        this.createdAt = createdAt;
        this.lastModifiedAt = createdAt;
        this.lastAuthenticatedAt = createdAt;
    }

    boolean isConfirmed() {
        return verifier.isPresent();
    }

    @Override
    public String toString() {
        return "DeviceState[key=" + key + ", confirmed=" + isConfirmed() + ", remembered=" + remembered + "]";
    }
}
