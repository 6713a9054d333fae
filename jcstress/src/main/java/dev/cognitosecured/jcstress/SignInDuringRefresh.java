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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A caller that needs a refresh races a sign-in. Whatever the order, the caller gets the new session's
 * tokens, and the refresh (if it went out) installs nothing when answered later. r1: refreshes sent
 * (0 or 1); r2: 1 if the caller got the signed-in tokens; r3: 1 if the store still holds them after the
 * stale refresh was answered.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the sign-in came first; no refresh")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the refresh went out, the sign-in replaced it")
@Outcome(expect = FORBIDDEN, desc = "a caller without the new tokens, or the stale refresh installed")
@State
public class SignInDuringRefresh {

    private final StoreFixture fixture = StoreFixture.expired();
    private final Tokens signedIn = StoreFixture.tokens(3);
    private CompletableFuture<Tokens> caller;

    @Actor
    public void caller() {
        caller = fixture.store.tokensAsync(Duration.ZERO).toCompletableFuture();
    }

    @Actor
    public void signIn() {
        fixture.store.signIn(signedIn, Duration.ZERO);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = fixture.refreshes.size();
        r.r2 = StoreFixture.holds(caller, signedIn) ? 1 : 0;
        fixture.refreshes.forEach(response -> response.complete(StoreFixture.tokens(2)));
        r.r3 = StoreFixture.holds(fixture.store.tokensAsync(Duration.ZERO).toCompletableFuture(), signedIn) ? 1 : 0;
    }
}
