package dev.cognitosecured.runtime.internal.observe;

/**
 * Makes the observer of a pool for one integration. Implementations sit in a sub-package that uses the
 * integration's library, and are loaded by name ({@link Integrations}) only when it is present.
 */
public interface ObserverFactory {

    /** The observer of {@code pool}, made when the pool is first used. */
    PoolObserver observe(ObservedPool pool);
}
