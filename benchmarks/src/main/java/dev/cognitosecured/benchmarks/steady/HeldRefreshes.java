package dev.cognitosecured.benchmarks.steady;

import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wraps the real identity provider so that a refresh, once Cognito has answered it, completes only
 * when the harness says so ({@link #releaseAll()}, at the end of a tick of the simulated clock). The
 * refresh is sent at once and for real; only its completion is held, so it takes one whole tick of
 * simulated time (a pessimistic refresh latency), and which callers had to wait for it does not
 * depend on how fast this machine is.
 */
final class HeldRefreshes implements IdentityProvider {

    private final IdentityProvider delegate;
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();

    HeldRefreshes(IdentityProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        return delegate.signIn(username, password);
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        CompletableFuture<Tokens> released = new CompletableFuture<>();
        held.add(new Held(delegate.refresh(current).toCompletableFuture(), released));
        return released;
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return delegate.revoke(current);
    }

    /**
     * Waits for Cognito's answer to every refresh held, then completes them, in order.
     *
     * @return how many were released
     */
    int releaseAll() {
        int released = 0;
        for (Held next = held.poll(); next != null; next = held.poll()) {
            try {
                next.released().complete(next.response().join());
            } catch (CompletionException e) {
                next.released().completeExceptionally(e.getCause() != null ? e.getCause() : e);
            }
            released++;
        }
        return released;
    }

    private record Held(CompletableFuture<Tokens> response, CompletableFuture<Tokens> released) {
    }
}
