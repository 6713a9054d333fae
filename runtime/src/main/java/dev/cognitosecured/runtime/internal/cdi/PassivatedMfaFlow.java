package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The serialization proxy of the {@code Mfa} and {@code Devices} beans of a pool: the pool's name and which bean
 * (they keep nothing else). Read on another JVM, it becomes that bean of that JVM's pool runtime, over the client
 * proxy of the pool's {@link SessionStore}, as a restored {@code SignIn} is.
 *
 * @param pool the pool's name
 * @param flow which bean
 */
record PassivatedMfaFlow(String pool, Flow flow) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The beans. */
    enum Flow {
        MFA,
        DEVICES
    }

    PassivatedMfaFlow {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(flow, "flow");
    }

    @Serial
    private Object readResolve() {
        PoolRuntime runtime = PassivatedStore.runtimeOf(pool);
        AuthFlow qualifier = AuthFlow.Literal.of(pool);
        SessionStore store = CDI.current().select(SessionStore.class, qualifier).get();
        return switch (flow) {
            case MFA -> runtime.newMfa(store);
            case DEVICES -> runtime.newDevices(store,
                    new StoreDevices(PoolBeans.storeInContext(CDI.current().getBeanManager(), qualifier)));
        };
    }
}
