package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.ForwardingStore;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole-call deadline of {@link SecuredCaller}: waiting for a refresh, an attempt and a replay end
 * at {@code callTimeout} (a few tens of milliseconds of real time here) with {@link CallTimeoutException}
 * naming the part; the tests assert the outcome, not how long it took.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallDeadlineTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(50);
    private static final String KEY = "cognito-secured.graphql.call-timeout";

    private final FakeTicker ticker = new FakeTicker(42_000_000_000L);
    private final FakeIdentityProvider provider = new FakeIdentityProvider(); // refreshes stay pending
    private final DefaultSessionStore store =
            new DefaultSessionStore("default", provider, ticker, Duration.ZERO, new RecordedEvents());
    private final long signedInAt = ticker.read();
    private final List<Duration> maxWaits = new CopyOnWriteArrayList<>();
    private final FakeTransport transport = new FakeTransport() {
        @Override
        public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token,
                Duration maxWait) {
            maxWaits.add(maxWait);
            return execute(operation, variables, token);
        }
    };
    private final SecuredCaller caller = new SecuredCaller(store, transport, new CallMargin(ticker), CALL_TIMEOUT);

    {
        store.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
    }

    private static Operation<String> getTodo() {
        return Operation.query("TodoApi.getTodo", "query Get($id: ID!) { getTodo(id: $id) { id title } }")
                .rootField("getTodo").variables("id").policy(new CallPolicy(TokenKind.ACCESS, SKEW, 1))
                .returning(String.class);
    }

    private void expire() {
        ticker.moveTo(signedInAt + HOUR.toNanos());
    }

    private static void assertPart(Part part, CallTimeoutException e) {
        assertEquals(part, e.part(), e::getMessage);
        assertEquals(KEY, e.key());
        assertTrue(e.getMessage().contains("TodoApi.getTodo") || e.getMessage().contains("pool 'default'"),
                e.getMessage());
    }

    @Test
    void aBlockingCallWaitingForARefreshEndsAtItsDeadline() {
        expire();
        assertPart(Part.WAITING_FOR_REFRESH, assertThrows(CallTimeoutException.class, () -> caller.call(getTodo(), "1")));
        assertEquals(List.of(), transport.sentTokens(), "nothing was sent with expired tokens");
        assertEquals(1, provider.refreshCalls());
    }

    @Test
    void aBlockingReplayWaitingForItsRefreshEndsAtTheDeadline() {
        transport.answerWith(token -> {
            throw new UnauthorizedException("HTTP 401: Token has expired.", 401);
        });
        assertPart(Part.REPLAY, assertThrows(CallTimeoutException.class, () -> caller.call(getTodo(), "1")));
        assertEquals(List.of("access-1"), transport.sentTokens());
        assertEquals(1, provider.refreshCalls(), "the replay's refresh was started and carries on");
    }

    @Test
    void withAStoreOfItsOwnTokensAtHandTakeTheFastPathAndAWaitForARefreshEndsAtTheDeadline() {
        SecuredCaller viaOtherStore = new SecuredCaller(new ForwardingStore(store), transport, new CallMargin(ticker),
                CALL_TIMEOUT);
        assertEquals("data for access-1", viaOtherStore.call(getTodo(), "1"));
        assertEquals(List.of(), maxWaits, "SessionStore.tokensAtHand's default found the tokens at hand: no bound needed");

        expire();
        assertPart(Part.WAITING_FOR_REFRESH,
                assertThrows(CallTimeoutException.class, () -> viaOtherStore.call(getTodo(), "2")));
        assertEquals(List.of("access-1"), transport.sentTokens(), "nothing was sent with expired tokens");
        assertEquals(1, provider.refreshCalls(), "one refresh, which the default's tokensAsync started");
    }

    @Test
    void anAsyncCallCompletesExceptionallyAtTheDeadlineNamingThePart() throws Exception {
        expire();
        ExecutionException waiting = assertThrows(ExecutionException.class,
                () -> caller.callAsync(getTodo(), "1").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertPart(Part.WAITING_FOR_REFRESH, assertInstanceOf(CallTimeoutException.class, waiting.getCause()));

        provider.response(0).complete(issued(2, HOUR));
        ExecutionException attempt = assertThrows(ExecutionException.class,
                () -> caller.callAsync(getTodo(), "1").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertPart(Part.ATTEMPT, assertInstanceOf(CallTimeoutException.class, attempt.getCause()));
        assertEquals(List.of("access-2"), transport.sentTokens(), "the attempt went out and was never answered");
    }
}
