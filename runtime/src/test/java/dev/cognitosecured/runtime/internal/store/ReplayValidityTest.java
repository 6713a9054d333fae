package dev.cognitosecured.runtime.internal.store;

import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code refreshIfCurrent(rejected, minValidity)} when another caller already replaced the rejected
 * tokens: the newer tokens serve the replay only if they outlast what it needs, else the replay waits
 * for the one refresh every replaying caller shares. Tokens live 10 s (9 s of local validity).
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayValidityTest {

    private static final Duration LIFETIME = Duration.ofSeconds(10);

    private final StoreFixture fixture = new StoreFixture(Duration.ZERO);
    private final DefaultSessionStore store = fixture.store;
    private final FakeTicker ticker = fixture.ticker;
    private final FakeIdentityProvider provider = fixture.provider;
    private Tokens rejected;
    private Tokens newer;

    /** {@code rejected} signed in, then replaced at once by {@code newer} (9 s of validity from now). */
    @BeforeEach
    void anotherCallerAlreadyRefreshed() {
        rejected = fixture.signIn(issued(1, LIFETIME));
        provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(issued(2, LIFETIME)));
        newer = store.refreshIfCurrent(rejected);
        provider.answerRefreshesWith(current -> provider.pending());
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void newerTokensThatOutlastTheReplayServeIt() {
        ticker.advance(Duration.ofSeconds(2)); // 7 s left

        assertSame(newer, store.refreshIfCurrent(rejected, Duration.ofSeconds(6)));
        assertSame(newer, store.refreshIfCurrentAsync(rejected, Duration.ofSeconds(6)).toCompletableFuture().join());
        assertEquals(1, provider.refreshCalls(), "no refresh: the newer tokens last the replay");
    }

    @Test
    void newerTokensTooShortForTheReplayAreRefreshedFirst() {
        ticker.advance(Duration.ofSeconds(4)); // 5 s left, the replay needs 6 s

        CompletableFuture<Tokens> replay =
                store.refreshIfCurrentAsync(rejected, Duration.ofSeconds(6)).toCompletableFuture();
        assertFalse(replay.isDone(), "the replay must not go out with tokens that would expire in flight");
        assertEquals(2, provider.refreshCalls());
        assertSame(newer, provider.refreshedFrom(1));

        Tokens refreshed = issued(3, LIFETIME);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, replay.join());
    }

    @Test
    void manyReplayingCallersShareOneRefresh() {
        ticker.advance(Duration.ofSeconds(4));
        List<CompletableFuture<Tokens>> replays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replays.add(store.refreshIfCurrentAsync(rejected, Duration.ofSeconds(6)).toCompletableFuture());
        }
        replays.add(store.refreshIfCurrentAsync(newer, Duration.ofSeconds(6)).toCompletableFuture());
        assertEquals(2, provider.refreshCalls(), "one refresh for every replay, whichever tokens it had");

        Tokens refreshed = issued(3, LIFETIME);
        provider.response(0).complete(refreshed);
        for (CompletableFuture<Tokens> replay : replays) {
            assertSame(refreshed, replay.join());
        }
    }

    @Test
    void aNeedLongerThanAnyTokenLastsAsksForThreeQuartersOfTheValidity() {
        Duration longerThanAnyToken = Duration.ofSeconds(11);
        ticker.advance(Duration.ofSeconds(2)); // 7 s left: more than 3/4 of 9 s

        assertSame(newer, store.refreshIfCurrent(rejected, longerThanAnyToken));
        assertEquals(1, provider.refreshCalls());

        ticker.advance(Duration.ofSeconds(1)); // 6 s left: less than 6.75 s
        CompletableFuture<Tokens> replay = store.refreshIfCurrentAsync(rejected, longerThanAnyToken).toCompletableFuture();
        assertEquals(2, provider.refreshCalls());
        Tokens refreshed = issued(3, LIFETIME);
        provider.response(0).complete(refreshed);
        assertSame(refreshed, replay.join());

        assertSame(refreshed, store.refreshIfCurrent(newer, longerThanAnyToken),
                "fresh tokens serve the next replay: no refresh per replaying caller");
        assertEquals(2, provider.refreshCalls());
    }

    @Test
    void aFirstAttemptWithTheSameNeedStillFallsToAQuarter() {
        ticker.advance(Duration.ofSeconds(6)); // 3 s left: more than 9 s / 4

        assertSame(newer, store.tokens(Duration.ofSeconds(11)));
        assertEquals(1, provider.refreshCalls(), "the first-attempt rule is unchanged");
    }

    @Test
    void refusesANegativeNeed() {
        assertThrows(IllegalArgumentException.class, () -> store.refreshIfCurrent(rejected, Duration.ofSeconds(-1)));
        CompletableFuture<Tokens> async =
                store.refreshIfCurrentAsync(rejected, Duration.ofSeconds(-1)).toCompletableFuture();
        assertTrue(async.isCompletedExceptionally());
        CompletionException failure = assertThrows(CompletionException.class, async::join);
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
    }
}
