package dev.cognitosecured.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A passkey registered by the user, as {@code ListWebAuthnCredentials} describes it. Nothing secret: the
 * credential id is public (the browser sends it with every assertion).
 *
 * @param credentialId the credential's id (base64url), what {@link Passkeys#delete} takes
 * @param friendlyName the name the authenticator gave it, if any
 * @param relyingPartyId the relying party it was registered for
 * @param authenticatorAttachment {@code platform} or {@code cross-platform}, if known
 * @param transports how the authenticator is reached ({@code internal}, {@code usb}, {@code hybrid}…)
 * @param createdAt when it was registered
 */
public record PasskeyCredential(String credentialId, Optional<String> friendlyName, String relyingPartyId,
        Optional<String> authenticatorAttachment, List<String> transports, Instant createdAt) {

    /**
     * Keeps an unmodifiable copy of {@code transports}.
     *
     * @param credentialId the credential's id (base64url), what {@link Passkeys#delete} takes
     * @param friendlyName the name the authenticator gave it, if any
     * @param relyingPartyId the relying party it was registered for
     * @param authenticatorAttachment {@code platform} or {@code cross-platform}, if known
     * @param transports how the authenticator is reached ({@code internal}, {@code usb}, {@code hybrid}…)
     * @param createdAt when it was registered
     * @throws NullPointerException if a component is {@code null}
     */
    public PasskeyCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(relyingPartyId, "relyingPartyId");
        Objects.requireNonNull(authenticatorAttachment, "authenticatorAttachment");
        transports = List.copyOf(transports);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
