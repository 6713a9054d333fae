package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SecuredCaller} when attempts take seconds (the ticker moves while the fake transport
 * "sends"): the first attempt is sent with the learned margin, a replay with tokens that outlast the
 * rejected attempt plus the skew, and a rejection naming expiry says how long the attempts took.
 * Tokens live 10 s (9 s of local validity); the skew is 2 s.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowAttemptsTest {

    private static final Duration LIFETIME = Duration.ofSeconds(10);
    private static final Duration SKEW = Duration.ofSeconds(2);
    private static final Operation<String> GET_TODO = Operation
            .query("TodoApi.getTodo", "query Get($id: ID!) { getTodo(id: $id) { id title } }")
            .rootField("getTodo").variables("id").policy(new CallPolicy(TokenKind.ACCESS, SKEW, 1))
            .returning(String.class);

    private final FakeTicker ticker = new FakeTicker(7_000_000_000L);
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final DefaultSessionStore store =
            new DefaultSessionStore("default", provider, ticker, Duration.ZERO, new RecordedEvents());
    private final FakeTransport transport = new FakeTransport();
    private final CallMargin margin = new CallMargin(ticker);
    private final SecuredCaller caller = new SecuredCaller(store, transport, margin);
    private final Tokens signedIn = store.signIn(() -> CompletableFuture.completedFuture(issued(1, LIFETIME)));

    {
        provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(
                issued(provider.refreshCalls() + 1, LIFETIME)));
    }

    private static UnauthorizedException expiredInFlight() {
        return new UnauthorizedException("HTTP 401: Token has expired.", 401, true, null);
    }

    /** Every attempt takes {@code span}, then is answered. */
    private void everyAttemptTakes(Duration span) {
        transport.answerWith(token -> {
            ticker.advance(span);
            return "data for " + token;
        });
    }

    @Test
    void aSlowAttemptRaisesTheMarginOfTheNextFirstAttempt() {
        everyAttemptTakes(Duration.ofSeconds(4));
        assertEquals("data for access-1", caller.call(GET_TODO, "42"));
        assertEquals(Duration.ofSeconds(5), margin.learned());

        // access-1 has 5 s left: enough for the 2 s skew, not for a 4 s attempt with headroom
        SecuredCaller another = new SecuredCaller(store, transport, margin);
        assertEquals("data for access-2", another.call(GET_TODO, "42"));
        assertEquals(List.of("access-1", "access-2"), transport.sentTokens());
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void withoutSlowAttemptsTheSkewAlone() {
        everyAttemptTakes(Duration.ofMillis(100));
        caller.call(GET_TODO, "42");
        ticker.advance(Duration.ofSeconds(6)); // 2.9 s left, more than the skew

        assertEquals("data for access-1", caller.call(GET_TODO, "42"));
        assertEquals(0, provider.refreshCalls());
        assertSame(SKEW, margin.forSkew(SKEW));
    }

    @Test
    void aReplayWaitsForTokensThatOutlastTheRejectedAttemptPlusTheSkew() {
        transport.answerWith(token -> {
            if (token.equals("access-1")) {
                store.refreshIfCurrent(signedIn); // another caller refreshes while this attempt is in flight
                ticker.advance(Duration.ofSeconds(5));
                throw expiredInFlight();
            }
            return "data for " + token;
        });

        // access-2 has 4 s left when the replay is decided; it needs 5 s + 2 s
        assertEquals("data for access-3", caller.call(GET_TODO, "42"));
        assertEquals(List.of("access-1", "access-3"), transport.sentTokens());
        assertEquals(2, provider.refreshCalls());
    }

    @Test
    void aReplayTakesNewerTokensThatLastIt() {
        transport.answerWith(token -> {
            if (token.equals("access-1")) {
                store.refreshIfCurrent(signedIn);
                ticker.advance(Duration.ofSeconds(1));
                throw expiredInFlight();
            }
            return "data for " + token;
        });

        assertEquals("data for access-2", caller.call(GET_TODO, "42"));
        assertEquals(1, provider.refreshCalls(), "8 s left is more than 1 s + 2 s: no second refresh");
    }

    @Test
    void aRejectionNamingExpirySaysTheTokenExpiredInFlight() {
        transport.answerWith(token -> {
            ticker.advance(Duration.ofMillis(3200));
            throw expiredInFlight();
        });

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> caller.call(GET_TODO, "42"));
        assertTrue(e.tokenExpired());
        assertEquals(401, e.status());
        assertInstanceOf(UnauthorizedException.class, e.getCause());
        assertEquals("TodoApi.getTodo was rejected with HTTP 401 after 1 refresh and replay: the server said the"
                + " token had expired, so it expired in flight (the attempts took 3.2 s and 3.2 s). Tokens are sent"
                + " with at least the longer of refreshSkew (2.0 s) and the margin learned from slow calls (now 4.0 s,"
                + " at most 60.0 s) left: raise refreshSkew above the slowest attempt, or the app client's token"
                + " validity if the attempts take about as long as the tokens live", e.getMessage());
        assertFalse(e.getMessage().contains("trusts"), "not the advice for a pool the API does not trust");
    }

    @Test
    void withoutReplaysAnExpiryIsExplainedToo() {
        Operation<String> noReplay = Operation.query("TodoApi.getTodo", GET_TODO.document())
                .rootField("getTodo").variables("id").policy(new CallPolicy(TokenKind.ACCESS, SKEW, 0))
                .returning(String.class);
        transport.answerWith(token -> {
            ticker.advance(Duration.ofSeconds(1));
            throw expiredInFlight();
        });

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> caller.call(noReplay, "42"));
        assertTrue(e.getMessage().startsWith("TodoApi.getTodo was rejected with HTTP 401: the server said the token"
                + " had expired, so it expired in flight (the attempt took 1.0 s)."), e.getMessage());
    }

    @Test
    void otherRejectionsKeepTheAdviceAboutTrust() {
        transport.answerWith(token -> {
            throw new UnauthorizedException("HTTP 401: Valid authorization header not provided.", 401);
        });

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> caller.call(GET_TODO, "42"));
        assertFalse(e.tokenExpired());
        assertEquals("TodoApi.getTodo was rejected with HTTP 401 after 1 refresh and replay; check that the API"
                + " trusts this user pool and app client, and which token it expects", e.getMessage());
    }

    @Test
    void asyncCallsTimeTheirAttemptsAndReplayTheSameWay() {
        CompletableFuture<String> call = caller.callAsync(GET_TODO, "42").toCompletableFuture();
        store.refreshIfCurrent(signedIn); // another caller refreshed: access-2
        ticker.advance(Duration.ofSeconds(5));
        transport.response(0).completeExceptionally(expiredInFlight());

        assertEquals(List.of("access-1", "access-3"), transport.sentTokens(), "access-2 had 4 s left, 7 s needed");
        ticker.advance(Duration.ofSeconds(5));
        transport.response(1).completeExceptionally(expiredInFlight());

        CompletionException failure = assertThrows(CompletionException.class, call::join);
        UnauthorizedException e = assertInstanceOf(UnauthorizedException.class, failure.getCause());
        assertTrue(e.tokenExpired());
        assertTrue(e.getMessage().contains("(the attempts took 5.0 s and 5.0 s)"), e.getMessage());
        assertEquals(Duration.ofMillis(6250), margin.learned());
    }
}
