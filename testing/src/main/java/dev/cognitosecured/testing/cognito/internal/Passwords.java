package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import java.time.InstantSource;

/**
 * Setting a user's password, with what goes with it: when it was set, whether it is temporary, and the SRP
 * verifier {@code USER_SRP_AUTH} checks proofs against (made once here, not at every sign-in). Guarded by
 * {@link CognitoService}'s lock.
 */
final class Passwords {

    private final SrpAuthentication srp;
    private final InstantSource clock;

    Passwords(SrpAuthentication srp, InstantSource clock) {
        this.srp = srp;
        this.clock = clock;
    }

    /** Gives {@code user} of {@code pool} the password {@code password}, to be changed at sign-in if temporary. */
    void set(PoolState pool, UserState user, String password, boolean temporary) {
        IssuedSecrets.record(IssuedSecrets.Kind.PASSWORD, password);
        user.password = password;
        user.srpVerifier = srp.verifier(pool.id, user.username, password);
        user.mustChangePassword = temporary;
        user.passwordSetAt = clock.instant();
    }
}
