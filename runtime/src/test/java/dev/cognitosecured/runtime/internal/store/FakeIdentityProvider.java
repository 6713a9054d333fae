package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An identity provider that counts refreshes. By default each refresh answers with a pending future
 * that the test completes when it wants ({@link #response(int)}); {@link #answerRefreshesWith}
 * changes that.
 */
public final class FakeIdentityProvider implements IdentityProvider {

    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final List<Tokens> refreshedFrom = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Tokens>> responses = new CopyOnWriteArrayList<>();
    private volatile Function<Tokens, CompletionStage<Tokens>> onRefresh = current -> pending();

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        refreshCalls.incrementAndGet();
        refreshedFrom.add(current);
        return onRefresh.apply(current);
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by these tests"));
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by these tests"));
    }

    /** From now on, answers each refresh with what {@code answer} returns (or throws). */
    public void answerRefreshesWith(Function<Tokens, CompletionStage<Tokens>> answer) {
        this.onRefresh = answer;
    }

    /** A pending response, recorded so that the test can complete it ({@link #response(int)}). */
    public CompletableFuture<Tokens> pending() {
        CompletableFuture<Tokens> response = new CompletableFuture<>();
        responses.add(response);
        return response;
    }

    /** How many times {@link #refresh} was called. */
    public int refreshCalls() {
        return refreshCalls.get();
    }

    /** The tokens the {@code index}-th refresh was asked to refresh. */
    public Tokens refreshedFrom(int index) {
        return refreshedFrom.get(index);
    }

    /** The {@code index}-th pending response handed out. */
    public CompletableFuture<Tokens> response(int index) {
        return responses.get(index);
    }
}
