package dev.cognitosecured.runtime.internal.store;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;

/**
 * What a {@link DefaultSessionStore} is written as when its scope is passivated or replicated: a
 * serialization proxy that holds {@link DefaultSessionStore#serializedForm} (encoded as the pool's
 * {@link dev.cognitosecured.runtime.spi.SessionCodec} says) and, when read, re-attaches it to the pool's
 * runtime on the reading JVM. The CDI wiring supplies it; a store made without one is not serializable.
 */
@FunctionalInterface
public interface Passivation {

    /** A store made outside the CDI wiring: there is no pool runtime to re-attach it to. */
    Passivation REFUSED = store -> {
        throw new NotSerializableException(DefaultSessionStore.class.getName() + " of pool '" + store.pool()
                + "' was made outside CDI: only the container's stores can be restored on another JVM");
    };

    /** The object written in place of {@code store}. */
    Object replacement(DefaultSessionStore store) throws ObjectStreamException;
}
