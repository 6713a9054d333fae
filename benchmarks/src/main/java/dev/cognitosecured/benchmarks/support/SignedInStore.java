package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import java.time.Duration;

/** Session stores made and signed in the way the CDI extension makes them, without a container. */
public final class SignedInStore {

    /** The pool name the stores report. */
    public static final String POOL = "default";

    private SignedInStore() {
    }

    /** A store of {@code provider}'s user, signed in through {@code provider}, with no event observer. */
    public static DefaultSessionStore of(IdentityProvider provider, Ticker ticker, Duration prefetch, String username) {
        DefaultSessionStore store = new DefaultSessionStore(POOL, provider, ticker, prefetch, event -> { });
        store.signIn(() -> provider.signIn(username, "unused".toCharArray()));
        return store;
    }
}
