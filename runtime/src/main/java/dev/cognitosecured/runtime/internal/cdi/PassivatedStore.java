package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The serialization proxy of a session store in a passivating scope: the pool's name and the store's
 * serialized form, as the pool's {@link dev.cognitosecured.runtime.spi.SessionCodec} encoded it. Read on
 * another JVM (or after a restart), it becomes a store of that JVM's pool runtime, its tokens' expiry
 * re-based on that JVM's clocks. {@link #toString()} shows no byte of the form.
 *
 * @param pool the pool's name
 * @param encoded the encoded form: the user's tokens
 */
record PassivatedStore(String pool, byte[] encoded) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Serial
    private Object readResolve() {
        return PassivatedStore.runtimeOf(pool).restoreStore(encoded);
    }

    /** The runtime of {@code pool} in the application that reads the proxy. */
    static PoolRuntime runtimeOf(String pool) {
        return CDI.current().select(PoolRuntime.class, AuthFlow.Literal.of(pool)).get();
    }

    /** The client proxy of the session store of {@code pool} in the application that reads the proxy. */
    static SessionStore storeOf(String pool) {
        return CDI.current().select(SessionStore.class, AuthFlow.Literal.of(pool)).get();
    }

    /** The session store of {@code pool} in the context of each call (where the sign-in keeps device credentials). */
    static Supplier<SessionStore> storeInContextOf(String pool) {
        return PoolBeans.storeInContext(CDI.current().getBeanManager(), AuthFlow.Literal.of(pool));
    }

    @Override
    public String toString() {
        return "PassivatedStore[pool=" + pool + ", " + encoded.length + " bytes]";
    }
}
