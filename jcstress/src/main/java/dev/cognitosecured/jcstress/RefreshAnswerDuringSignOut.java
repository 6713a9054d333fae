package dev.cognitosecured.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A refresh's answer races a sign-out ({@code end}), with a caller waiting for the refresh. The session ends
 * either way; {@code end} hands over the tokens it ended (the old ones, or the refreshed ones if they were
 * installed first); the caller gets the refreshed tokens or {@link SignInRequiredException}. r1: 1 if still
 * signed in; r2: what {@code end} returned (0 nothing, 1 the old tokens, 2 the refreshed ones); r3: what
 * the caller got (1 the refreshed tokens, 2 {@code SignInRequiredException}, 0 anything else).
 */
@JCStressTest
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "the sign-out came first: the answer is dropped")
@Outcome(id = "0, 2, 1", expect = ACCEPTABLE, desc = "the answer came first: the sign-out ends the refreshed session")
@Outcome(expect = FORBIDDEN, desc = "a session left signed in, tokens lost, or a caller answered otherwise")
@State
public class RefreshAnswerDuringSignOut {

    private final StoreFixture fixture = StoreFixture.expired();
    private final CompletableFuture<Tokens> caller = fixture.store.tokensAsync(Duration.ZERO).toCompletableFuture();
    private final Tokens refreshed = StoreFixture.tokens(2);
    private Tokens ended;

    @Actor
    public void answer() {
        fixture.refreshes.get(0).complete(refreshed);
    }

    @Actor
    public void signOut() {
        ended = fixture.store.end(SessionEnded.Reason.SIGNED_OUT).orElse(null);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = fixture.store.isSignedIn() ? 1 : 0;
        r.r2 = ended == null ? 0 : ended.accessToken().equals(fixture.first.accessToken()) ? 1
                : ended.accessToken().equals(refreshed.accessToken()) ? 2 : 3;
        if (StoreFixture.holds(caller, refreshed)) {
            r.r3 = 1;
        } else {
            try {
                caller.join();
                r.r3 = 0;
            } catch (CompletionException e) {
                r.r3 = e.getCause() instanceof SignInRequiredException ? 2 : 0;
            }
        }
    }
}
