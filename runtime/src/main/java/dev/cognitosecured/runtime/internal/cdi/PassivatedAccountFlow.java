package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The serialization proxy of the account beans of a pool ({@code SignUp}, {@code PasswordReset},
 * {@code Account}): the pool's name, which bean, and for {@code SignUp} the user name of a sign-up in
 * progress (not a secret). Read on another JVM, it becomes that bean of that JVM's pool runtime; an
 * {@code Account} works with the client proxy of the pool's {@link SessionStore}, as a restored
 * {@code SignIn} does.
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
        PASSKEYS
    }

    PassivatedAccountFlow {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(flow, "flow");
    }

    @Serial
    private Object readResolve() {
        PoolRuntime runtime = PassivatedStore.runtimeOf(pool);
        return switch (flow) {
            case SIGN_UP -> runtime.newSignUp(Optional.ofNullable(pendingUsername));
            case PASSWORD_RESET -> runtime.newPasswordReset();
            case ACCOUNT -> runtime.newAccount(CDI.current().select(SessionStore.class, AuthFlow.Literal.of(pool)).get());
            case PASSKEYS -> runtime.newPasskeys(CDI.current().select(SessionStore.class, AuthFlow.Literal.of(pool)).get());
        };
    }
}
