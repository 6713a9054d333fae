package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.srp.SrpVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A user of a pool. Guarded by {@link CognitoService}'s lock. */
final class UserState {

    final String username;
    final String sub;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<String> groups = new ArrayList<>();
    final Set<MfaFactor> enabledMfa = EnumSet.noneOf(MfaFactor.class);
    final Lockout lockout = new Lockout();
    /** The devices issued to the user, by device key, oldest first. */
    final Map<String, DeviceState> devices = new LinkedHashMap<>();

    String password;
    /** What {@code USER_SRP_AUTH} checks proofs against; made with the password by {@link Passwords}. */
    SrpVerifier srpVerifier;
    boolean mustChangePassword;
    Instant passwordSetAt;
    Optional<MfaFactor> preferredMfa = Optional.empty();
    /** The verified software token's secret. */
    Optional<String> softwareTokenSecret = Optional.empty();
    /** A secret from {@code AssociateSoftwareToken} with an access token, not verified yet. */
    Optional<String> pendingSoftwareTokenSecret = Optional.empty();
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    long lastTotpStep = Long.MIN_VALUE;
    /** Tokens issued at or before this sequence number were revoked by {@code GlobalSignOut}. */
    long signedOutUpTo = -1;
    /** Access tokens issued at or before this sequence number were revoked by disabling the user. */
    long accessRevokedUpTo = -1;
    /** Whether an administrator disabled the user: no sign-in, no refresh. */
    boolean disabled;
    /** Whether the user was deleted from the pool; the tokens issued to it still point here. */
    boolean deleted;
    Optional<DeliveredCode> lastCode = Optional.empty();
    /** The passkeys the user registered ({@code CompleteWebAuthnRegistration}). */
    final List<Passkey> passkeys = new ArrayList<>();
    /** The challenge of a {@code StartWebAuthnRegistration} not completed yet. */
    Optional<byte[]> pendingRegistration = Optional.empty();
    /** Whether the account is confirmed; a user who signed up is not until the sign-up code comes back. */
    boolean confirmed = true;
    /** Codes sent for sign-up, password reset or attribute verification, by purpose and attribute. */
    final Map<String, Codes.PendingCode> pendingCodes = new java.util.HashMap<>();
    /** New values of attributes that take effect once verified ({@code AttributesRequireVerificationBeforeUpdate}). */
    final Map<String, String> unverifiedValues = new LinkedHashMap<>();

    UserState(String username, String sub) {
        this.username = username;
        this.sub = sub;
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name)).filter(v -> !v.isEmpty());
    }
}
