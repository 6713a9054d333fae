package dev.cognitosecured.benchmarks.support;

import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An identity provider in process: every sign-in and refresh completes at once with new
 * {@link SyntheticTokens}. For benchmarks where Cognito is not what is measured (the fast path never
 * refreshes; the memory benchmark signs in many sessions). It counts refreshes, so a benchmark can
 * check that none happened.
 */
public final class CannedIdentityProvider implements IdentityProvider {

    private final Duration lifetime;
    private final AtomicLong refreshes = new AtomicLong();

    public CannedIdentityProvider(Duration lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        return CompletableFuture.completedFuture(SyntheticTokens.of(username, lifetime));
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        refreshes.incrementAndGet();
        return CompletableFuture.completedFuture(SyntheticTokens.of(current.username(), lifetime));
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return CompletableFuture.completedFuture(null);
    }

    /** How many refreshes were asked for. */
    public long refreshes() {
        return refreshes.get();
    }

    @Override
    public String toString() {
        return "CannedIdentityProvider[lifetime=" + lifetime + "]";
    }
}
