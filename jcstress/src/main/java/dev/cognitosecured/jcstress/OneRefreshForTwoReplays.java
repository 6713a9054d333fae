package dev.cognitosecured.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The server rejects the current tokens for two callers at once ({@code refreshIfCurrent} after an HTTP
 * 401): one refresh, both replays wait for it. r1: refreshes sent; r2: 1 if both got the refreshed tokens.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "one refresh, both replays served by it")
@Outcome(expect = FORBIDDEN, desc = "a duplicated refresh, or a replay left without the refreshed tokens")
@State
public class OneRefreshForTwoReplays {

    private final StoreFixture fixture = StoreFixture.fresh();
    private CompletableFuture<Tokens> first;
    private CompletableFuture<Tokens> second;

    @Actor
    public void firstReplay() {
        first = fixture.store.refreshIfCurrentAsync(fixture.first, Duration.ZERO).toCompletableFuture();
    }

    @Actor
    public void secondReplay() {
        second = fixture.store.refreshIfCurrentAsync(fixture.first, Duration.ZERO).toCompletableFuture();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = fixture.refreshes.size();
        Tokens refreshed = StoreFixture.tokens(2);
        fixture.refreshes.forEach(response -> response.complete(refreshed));
        r.r2 = StoreFixture.holds(first, refreshed) && StoreFixture.holds(second, refreshed) ? 1 : 0;
    }
}
