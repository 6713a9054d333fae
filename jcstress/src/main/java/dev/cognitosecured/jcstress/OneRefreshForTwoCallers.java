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
 * Two callers find the tokens expired at once: one refresh goes out, and both get its tokens. r1: how many
 * refreshes were sent; r2: 1 if both callers got the refreshed tokens once it was answered.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "one refresh, both callers served by it")
@Outcome(expect = FORBIDDEN, desc = "a duplicated refresh, or a caller left without the refreshed tokens")
@State
public class OneRefreshForTwoCallers {

    private final StoreFixture fixture = StoreFixture.expired();
    private CompletableFuture<Tokens> first;
    private CompletableFuture<Tokens> second;

    @Actor
    public void firstCaller() {
        first = fixture.store.tokensAsync(Duration.ZERO).toCompletableFuture();
    }

    @Actor
    public void secondCaller() {
        second = fixture.store.tokensAsync(Duration.ZERO).toCompletableFuture();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = fixture.refreshes.size();
        Tokens refreshed = StoreFixture.tokens(2);
        fixture.refreshes.forEach(response -> response.complete(refreshed));
        r.r2 = StoreFixture.holds(first, refreshed) && StoreFixture.holds(second, refreshed) ? 1 : 0;
    }
}
