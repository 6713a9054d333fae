package dev.cognitosecured.benchmarks.storm;

import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes everything to the real identity provider and times the refreshes: from the call of
 * {@link #refresh} until its stage completed, as the store sees it.
 */
final class TimedRefreshes implements IdentityProvider {

    private final IdentityProvider delegate;
    private final AtomicLong lastRefreshNanos = new AtomicLong(-1);

    TimedRefreshes(IdentityProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        return delegate.signIn(username, password);
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        long start = System.nanoTime();
        return delegate.refresh(current)
                .whenComplete((tokens, failure) -> lastRefreshNanos.set(System.nanoTime() - start));
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return delegate.revoke(current);
    }

    /** How long the last refresh took, in nanoseconds; -1 if none completed. */
    long lastRefreshNanos() {
        return lastRefreshNanos.get();
    }
}
