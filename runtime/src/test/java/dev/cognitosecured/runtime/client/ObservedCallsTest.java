package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.internal.observe.CallObservation;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a {@link SecuredCaller} tells its {@link CallObserver}: each call starts once, ends once (with its
 * failure, if any) and leaves the calling thread once; each replay and each wait for tokens is told.
 */
class ObservedCallsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Operation<String> GET_TODO = Operation.query("TodoApi.getTodo",
                    "query Get($id: ID!) { getTodo(id: $id) { id title } }")
            .rootField("getTodo").variables("id").policy(new CallPolicy(TokenKind.ACCESS, SKEW, 1))
            .returning(String.class);

    private final FakeTicker ticker = new FakeTicker(42_000_000_000L);
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final DefaultSessionStore store =
            new DefaultSessionStore("default", provider, ticker, Duration.ofMinutes(2), new RecordedEvents());
    private final FakeTransport transport = new FakeTransport();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final SecuredCaller caller = new SecuredCaller(() -> store, transport, new CallMargin(ticker),
            Duration.ofMinutes(1), null, this::started);
    private final long signedInAt = ticker.read();

    ObservedCallsTest() {
        store.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));
        provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(
                issued(provider.refreshCalls() + 1, HOUR)));
    }

    private CallObservation started(GraphQLOperation<?> operation) {
        told.add("started " + operation.name());
        return new CallObservation() {
            @Override
            public void waitedForTokens(long nanos) {
                told.add("waited");
            }

            @Override
            public void replaying() {
                told.add("replaying");
            }

            @Override
            public void leave() {
                told.add("left");
            }

            @Override
            public void ended(Throwable failure) {
                told.add("ended " + (failure == null ? "ok" : failure.getClass().getSimpleName()));
            }
        };
    }

    private void rejectTheFirstToken() {
        transport.answerWith(token -> {
            if (token.equals("access-1")) {
                throw expired();
            }
            return "data for " + token;
        });
    }

    @Test
    void aCallWithTokensAtHandStartsEndsAndLeaves() {
        caller.call(GET_TODO, "1");
        assertEquals(List.of("started TodoApi.getTodo", "ended ok", "left"), told);
    }

    @Test
    void aReplayAfterA401IsTold() {
        rejectTheFirstToken();
        assertEquals("data for access-2", caller.call(GET_TODO, "1"));
        assertEquals(List.of("started TodoApi.getTodo", "replaying", "ended ok", "left"), told);
    }

    @Test
    void aCallThatWaitedForARefreshSaysSo() {
        CompletableFuture<Tokens> refresh = new CompletableFuture<>();
        provider.answerRefreshesWith(current -> refresh);
        ticker.moveTo(signedInAt + HOUR.toNanos());

        CompletableFuture<String> call = caller.callAsync(GET_TODO, "1").toCompletableFuture();
        refresh.complete(issued(2, HOUR));
        transport.response(0).complete("data for access-2");
        assertEquals("data for access-2", call.join());
        assertEquals(List.of("started TodoApi.getTodo", "left", "waited", "ended ok"), told);
    }

    @Test
    void aRefreshThatAnswersAtOnceIsNoWait() {
        ticker.moveTo(signedInAt + HOUR.toNanos());
        assertEquals("data for access-2", caller.call(GET_TODO, "1"));
        assertEquals(List.of("started TodoApi.getTodo", "ended ok", "left"), told);
    }

    @Test
    void aFailedCallEndsWithItsFailure() {
        transport.answerWith(token -> {
            throw expired();
        });
        assertThrows(UnauthorizedException.class, () -> caller.call(GET_TODO, "1"));
        assertEquals(List.of("started TodoApi.getTodo", "replaying", "ended UnauthorizedException", "left"), told);
    }

    @Test
    void anAsyncCallLeavesTheCallingThreadAtOnceAndEndsWhenItsStageCompletes() {
        CompletableFuture<String> call = caller.callAsync(GET_TODO, "1").toCompletableFuture();
        assertEquals(List.of("started TodoApi.getTodo", "left"), told, "the calling thread left; the call goes on");

        transport.response(0).completeExceptionally(expired());
        transport.response(1).complete("data for access-2");
        assertEquals("data for access-2", call.join());
        assertEquals(List.of("started TodoApi.getTodo", "left", "replaying", "ended ok"), told);
    }

    @Test
    void aFailedAsyncCallEndsWithItsFailure() {
        CompletableFuture<String> call = caller.callAsync(GET_TODO, "1").toCompletableFuture();
        transport.response(0).completeExceptionally(expired());
        transport.response(1).completeExceptionally(expired());

        assertThrows(CompletionException.class, call::join);
        assertEquals(List.of("started TodoApi.getTodo", "left", "replaying", "ended UnauthorizedException"), told);
    }

    private static UnauthorizedException expired() {
        return new UnauthorizedException("HTTP 401: Token has expired.", 401);
    }
}
