package dev.cognitosecured.runtime.internal.observe;

import dev.cognitosecured.runtime.spi.GraphQLOperation;

/**
 * Told by a pool's {@code SecuredCaller} when each call starts. {@link #NONE} observes nothing and
 * hands out {@link CallObservation#NONE}, so that a call that nothing observes allocates nothing.
 */
@FunctionalInterface
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = operation -> CallObservation.NONE;

    /**
     * A call of {@code operation} starts on the calling thread; what the call tells from now on goes to
     * the observation returned, which has made the call's context current on this thread until
     * {@link CallObservation#leave()}.
     */
    CallObservation callStarted(GraphQLOperation<?> operation);
}
