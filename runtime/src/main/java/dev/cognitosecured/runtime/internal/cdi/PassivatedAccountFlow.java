package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.SessionStore;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The serialization proxy of the account beans of a pool ({@code SignUp}, {@code PasswordReset},
 * {@code Account}, {@code Passkeys}, {@code Mfa}, {@code Devices}): the pool's name, which bean, and for
 * {@code SignUp} the user name of a sign-up in progress (not a secret). Read on another JVM, it becomes that bean
 * of that JVM's pool runtime; the beans of a signed-in user work with the client proxy of the pool's
 * {@link SessionStore}, as a restored {@code SignIn} does.
 *
 * @param pool the pool's name
 * @param flow which bean
 * @param pendingUsername the user name of a sign-up in progress, or null
 */
record PassivatedAccountFlow(String pool, Flow flow, String pendingUsername) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The account beans. */
    enum Flow {
        SIGN_UP,
        PASSWORD_RESET,
        ACCOUNT,
        PASSKEYS,
        MFA,
        DEVICES
    }

    PassivatedAccountFlow {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(flow, "flow");
    }

    /** The proxy of {@code flow}, a bean that keeps nothing between requests. */
    static PassivatedAccountFlow of(String pool, Flow flow) {
        return new PassivatedAccountFlow(pool, flow, null);
    }

    @Serial
    private Object readResolve() {
        PoolRuntime runtime = PassivatedStore.runtimeOf(pool);
        return switch (flow) {
            case SIGN_UP -> runtime.newSignUp(Optional.ofNullable(pendingUsername));
            case PASSWORD_RESET -> runtime.newPasswordReset();
            case ACCOUNT -> runtime.newAccount(PassivatedStore.storeOf(pool));
            case PASSKEYS -> runtime.newPasskeys(PassivatedStore.storeOf(pool));
            case MFA -> runtime.newMfa(PassivatedStore.storeOf(pool));
            case DEVICES -> runtime.newDevices(PassivatedStore.storeOf(pool),
                    new StoreDevices(PassivatedStore.storeInContextOf(pool)));
        };
    }
}
