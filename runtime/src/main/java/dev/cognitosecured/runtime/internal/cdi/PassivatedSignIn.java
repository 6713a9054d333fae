package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.SessionStore;
import java.io.Serial;
import java.io.Serializable;

/**
 * The serialization proxy of a {@link PassivatingSignIn}: the pool's name and the serialized form of its
 * challenge slot (the challenge waiting for an answer, with its session), as the pool's
 * {@link dev.cognitosecured.runtime.spi.SessionCodec} encoded it. Read on another JVM, it becomes a
 * sign-in flow of that JVM's pool runtime over the client proxy of the pool's {@link SessionStore}: the
 * store is a bean of its own in the same scope, written and read apart from the flow (a container may
 * write each bean of a session as an attribute of its own), so the flow finds the store of whatever
 * context calls it. {@link #toString()} shows no byte of the form.
 *
 * @param pool the pool's name
 * @param encoded the encoded form: the challenge's session, a secret
 */
record PassivatedSignIn(String pool, byte[] encoded) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Serial
    private Object readResolve() {
        return PassivatedStore.runtimeOf(pool).restoreSignIn(PassivatedStore.storeOf(pool),
                PassivatedStore.storeInContextOf(pool), encoded);
    }

    @Override
    public String toString() {
        return "PassivatedSignIn[pool=" + pool + ", " + encoded.length + " bytes]";
    }
}
