package dev.cognitosecured.runtime.internal.observe;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Observes one pool for one integration (metrics, tracing): the store's events, the calls, the sign-in
 * steps and the Cognito requests. Every method does nothing by default; {@link #NONE} observes nothing.
 */
public interface PoolObserver extends AutoCloseable {

    /** Observes nothing. */
    PoolObserver NONE = new PoolObserver() {
    };

    /** What the pool's callers tell of each call. */
    default CallObserver calls() {
        return CallObserver.NONE;
    }

    /**
     * A store of the pool fired {@code event} ({@code SignedIn}, {@code TokensRefreshed},
     * {@code RefreshFailed}, {@code SessionEnded}), before the application's observers see it.
     */
    default void event(Object event) {
    }

    /**
     * A step of a sign-in ended: {@code step} is {@code start}, {@code confirm} or {@code new_password};
     * {@code outcome} the next step's kind in lower case ({@code done} when signed in), or the simple
     * name of the exception it threw.
     */
    default void signInStep(String step, String outcome) {
    }

    /** What to add to the pool's Cognito client, if the default one is used. */
    default List<ExecutionInterceptor> cognitoInterceptors() {
        return List.of();
    }

    /** The pool is shut down: what this registered (meters) is removed. */
    @Override
    default void close() {
    }
}
