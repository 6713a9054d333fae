package dev.cognitosecured.jcstress;

import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store on a ticker that never moves, with an identity provider that records each refresh and leaves
 * its response pending until the test answers it.
 */
final class StoreFixture implements IdentityProvider {

    static final Duration HOUR = Duration.ofHours(1);

    final List<CompletableFuture<Tokens>> refreshes = new CopyOnWriteArrayList<>();
    final DefaultSessionStore store = new DefaultSessionStore("default", this, () -> 0L, Duration.ZERO, event -> { });
    final Tokens first = tokens(1);

    /** Signed in with {@link #first}, which expired an hour ago: the next caller needs a refresh. */
    static StoreFixture expired() {
        StoreFixture fixture = new StoreFixture();
        fixture.store.signIn(fixture.first, Duration.ofHours(2));
        return fixture;
    }

    /** Signed in with {@link #first}, valid for almost an hour. */
    static StoreFixture fresh() {
        StoreFixture fixture = new StoreFixture();
        fixture.store.signIn(fixture.first, Duration.ZERO);
        return fixture;
    }

    static Tokens tokens(int n) {
        return Tokens.of("access-" + n, "id-" + n, Optional.of("refresh-" + n), HOUR, "alice");
    }

    /** Whether {@code answer} is done with tokens whose access token is {@code expected}'s. */
    static boolean holds(CompletableFuture<Tokens> answer, Tokens expected) {
        return answer.isDone() && !answer.isCompletedExceptionally()
                && answer.join().accessToken().equals(expected.accessToken());
    }

    @Override
    public CompletionStage<Tokens> refresh(Tokens current) {
        CompletableFuture<Tokens> response = new CompletableFuture<>();
        refreshes.add(response);
        return response;
    }

    @Override
    public CompletionStage<Tokens> signIn(String username, char[] password) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not used"));
    }

    @Override
    public CompletionStage<Void> revoke(Tokens current) {
        return CompletableFuture.completedFuture(null);
    }
}
