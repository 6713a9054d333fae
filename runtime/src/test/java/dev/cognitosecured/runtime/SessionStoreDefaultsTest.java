package dev.cognitosecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.Tokens;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link SessionStore#tokensAtHand}'s default, for stores the application supplies. */
class SessionStoreDefaultsTest {

    private static final Tokens TOKENS =
            Tokens.of("access-1", "id-1", Optional.of("refresh-1"), Duration.ofHours(1), "alice");
    private static final Duration NEED = Duration.ofSeconds(30);

    @Test
    void tokensTheStoreGivesAtOnceAreAtHand() {
        StageStore store = new StageStore(CompletableFuture.completedFuture(TOKENS));
        assertEquals(Optional.of(TOKENS), store.tokensAtHand(NEED));
        assertEquals(List.of(NEED), store.asked);
    }

    @Test
    void tokensStillToComeAreNotAtHand() {
        CompletableFuture<Tokens> refreshing = new CompletableFuture<>();
        StageStore store = new StageStore(refreshing);
        assertEquals(Optional.empty(), store.tokensAtHand(NEED));
        refreshing.complete(TOKENS);
        assertEquals(Optional.of(TOKENS), store.tokensAtHand(NEED));
    }

    @Test
    void aFailureIsLeftForTheBoundedWaitToReport() {
        StageStore store = new StageStore(CompletableFuture.failedFuture(
                new SignInRequiredException("Nobody is signed in to pool 'default'.")));
        assertEquals(Optional.empty(), store.tokensAtHand(NEED));
    }

    @Test
    void aStageThatCannotBeAFutureIsNotAtHand() {
        @SuppressWarnings("unchecked")
        CompletionStage<Tokens> opaque = (CompletionStage<Tokens>) Proxy.newProxyInstance(
                CompletionStage.class.getClassLoader(), new Class<?>[] {CompletionStage.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName()); // as CompletionStage allows
                });
        assertEquals(Optional.empty(), new StageStore(opaque).tokensAtHand(NEED));
    }

    /** A store whose {@code tokensAsync} gives one stage; nothing else is used. */
    private static final class StageStore implements SessionStore {
        private final CompletionStage<Tokens> stage;
        final List<Duration> asked = new CopyOnWriteArrayList<>();

        StageStore(CompletionStage<Tokens> stage) {
            this.stage = stage;
        }

        @Override
        public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
            asked.add(minValidity);
            return stage;
        }

        @Override
        public String pool() {
            return "default";
        }

        @Override
        public boolean isSignedIn() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens tokens(Duration minValidity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens refreshIfCurrent(Tokens rejected, Duration minValidity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected, Duration minValidity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens signIn(Tokens tokens, Duration age) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tokens> end(SessionEnded.Reason reason) {
            throw new UnsupportedOperationException();
        }
    }
}
