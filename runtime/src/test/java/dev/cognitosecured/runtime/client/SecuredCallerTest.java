package dev.cognitosecured.runtime.client;

import static dev.cognitosecured.runtime.internal.store.TestTokens.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.GraphQLError;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeIdentityProvider;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SecuredCaller} with a real {@link DefaultSessionStore}, a fake identity provider and a fake
 * transport: an HTTP 401 is answered by refresh-if-current and a replay, as often as the policy
 * allows; GraphQL errors are never replayed.
 */
// A guard against a hang, not a timing assertion; a separate thread, as a caller may block in join().
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecuredCallerTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final FakeTicker ticker = new FakeTicker(42_000_000_000L);
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final DefaultSessionStore store =
            new DefaultSessionStore("default", provider, ticker, Duration.ofMinutes(2), new RecordedEvents());
    private final FakeTransport transport = new FakeTransport();
    private final SecuredCaller caller = new SecuredCaller(store, transport);
    private final long signedInAt = ticker.read();
    private final Tokens signedIn = store.signIn(() -> CompletableFuture.completedFuture(issued(1, HOUR)));

    private static Operation<String> getTodo(int retryOnUnauthorized) {
        return getTodo(new CallPolicy(TokenKind.ACCESS, SKEW, retryOnUnauthorized));
    }

    private static Operation<String> getTodo(CallPolicy policy) {
        return Operation.query("TodoApi.getTodo", "query Get($id: ID!) { getTodo(id: $id) { id title } }")
                .rootField("getTodo").variables("id").policy(policy).returning(String.class);
    }

    private static UnauthorizedException expired() {
        return new UnauthorizedException("HTTP 401: Token has expired.", 401);
    }

    /** The server rejects {@code access-1} and answers every other token. */
    private void rejectTheFirstToken() {
        transport.answerWith(token -> {
            if (token.equals("access-1")) {
                throw expired();
            }
            return "data for " + token;
        });
    }

    /** Each refresh answers at once with the next tokens. */
    private void refreshAtOnce() {
        provider.answerRefreshesWith(current -> CompletableFuture.completedFuture(
                issued(provider.refreshCalls() + 1, HOUR)));
    }

    @Nested
    class Blocking {

        @Test
        void sendsTheCurrentTokenWithoutRefreshing() {
            assertEquals("data for access-1", caller.call(getTodo(1), "42"));
            assertEquals(List.of("access-1"), transport.sentTokens());
            assertEquals(0, provider.refreshCalls());
        }

        @Test
        void sendsTheIdTokenWhenThePolicySaysSo() {
            caller.call(getTodo(new CallPolicy(TokenKind.ID, SKEW, 1)), "42");
            assertEquals(List.of("id-1"), transport.sentTokens());
        }

        @Test
        void refreshesATokenAboutToExpireBeforeSendingIt() {
            refreshAtOnce();
            ticker.moveTo(signedInAt + HOUR.minusSeconds(1).minus(SKEW).toNanos());

            assertEquals("data for access-2", caller.call(getTodo(1), "42"));
            assertEquals(List.of("access-2"), transport.sentTokens(), "the server never saw the expiring token");
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void answersA401WithARefreshAndAReplay() {
            rejectTheFirstToken();
            refreshAtOnce();

            assertEquals("data for access-2", caller.call(getTodo(1), "42"));
            assertEquals(List.of("access-1", "access-2"), transport.sentTokens());
            assertEquals(1, provider.refreshCalls());
            assertSame(signedIn, provider.refreshedFrom(0));
        }

        @Test
        void replaysAsOftenAsThePolicyAllowsThenSurfacesUnauthorized() {
            transport.answerWith(token -> {
                throw expired();
            });
            refreshAtOnce();

            UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> caller.call(getTodo(2), "42"));
            assertEquals(401, e.status());
            assertTrue(e.getMessage().contains("after 2 refreshes and replays"), e.getMessage());
            assertFalse(e.getMessage().contains("access-"), "no token in the message");
            assertEquals(List.of("access-1", "access-2", "access-3"), transport.sentTokens());
            assertEquals(2, provider.refreshCalls());
        }

        @Test
        void withoutReplaysTheFirst401Surfaces() {
            UnauthorizedException rejection = expired();
            transport.answerWith(token -> {
                throw rejection;
            });

            assertSame(rejection, assertThrows(UnauthorizedException.class, () -> caller.call(getTodo(0), "42")));
            assertEquals(0, provider.refreshCalls());
        }

        @Test
        void neverReplaysGraphQLErrors() {
            GraphQLErrorsException denied = permissionDenied();
            transport.answerWith(token -> {
                throw denied;
            });

            assertSame(denied, assertThrows(GraphQLErrorsException.class, () -> caller.call(getTodo(3), "42")));
            assertEquals(List.of("access-1"), transport.sentTokens());
            assertEquals(0, provider.refreshCalls());
        }

        @Test
        void twoRejectedCallersShareOneRefresh() throws InterruptedException {
            CyclicBarrier bothSent = new CyclicBarrier(2);
            transport.answerWith(token -> {
                if (token.equals("access-1")) {
                    awaitBoth(bothSent); // both calls are on the server with the same token
                    throw expired();
                }
                return "data for " + token;
            });
            refreshAtOnce();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> caller.call(getTodo(1), "1"), threads);
                CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> caller.call(getTodo(1), "2"), threads);

                assertEquals("data for access-2", first.join());
                assertEquals("data for access-2", second.join());
            } finally {
                threads.shutdown();
                assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES));
            }
            assertEquals(1, provider.refreshCalls());
            assertEquals(2, Collections.frequency(transport.sentTokens(), "access-1"));
            assertEquals(2, Collections.frequency(transport.sentTokens(), "access-2"));
        }

        @Test
        void withoutASessionNothingIsSent() {
            store.end(SessionEnded.Reason.SIGNED_OUT);
            assertThrows(SignInRequiredException.class, () -> caller.call(getTodo(1), "42"));
            assertTrue(transport.sentTokens().isEmpty());
        }
    }

    @Nested
    class Async {

        @Test
        void answersA401WithARefreshAndAReplayWithoutBlocking() {
            CompletableFuture<String> call = caller.callAsync(getTodo(1), "42").toCompletableFuture();
            assertEquals(List.of("access-1"), transport.sentTokens());

            transport.response(0).completeExceptionally(expired());
            assertEquals(1, provider.refreshCalls());
            assertFalse(call.isDone());

            provider.response(0).complete(issued(2, HOUR));
            assertEquals(List.of("access-1", "access-2"), transport.sentTokens());
            assertFalse(call.isDone());

            transport.response(1).complete("data for access-2");
            assertEquals("data for access-2", call.join());
        }

        @Test
        void replaysAsOftenAsThePolicyAllowsThenSurfacesUnauthorized() {
            CompletableFuture<String> call = caller.callAsync(getTodo(2), "42").toCompletableFuture();
            for (int attempt = 0; attempt < 2; attempt++) {
                transport.response(attempt).completeExceptionally(expired());
                provider.response(attempt).complete(issued(attempt + 2, HOUR));
            }
            assertFalse(call.isDone());
            transport.response(2).completeExceptionally(expired());

            UnauthorizedException e = assertInstanceOf(UnauthorizedException.class, causeOf(call));
            assertTrue(e.getMessage().contains("after 2 refreshes and replays"), e.getMessage());
            assertEquals(List.of("access-1", "access-2", "access-3"), transport.sentTokens());
            assertEquals(2, provider.refreshCalls());
        }

        @Test
        void neverReplaysGraphQLErrors() {
            GraphQLErrorsException denied = permissionDenied();
            CompletableFuture<String> call = caller.callAsync(getTodo(3), "42").toCompletableFuture();
            transport.response(0).completeExceptionally(denied);

            assertSame(denied, causeOf(call));
            assertEquals(1, transport.asyncSends());
            assertEquals(0, provider.refreshCalls());
        }

        @Test
        void twoRejectedCallersShareOneRefresh() {
            CompletableFuture<String> first = caller.callAsync(getTodo(1), "1").toCompletableFuture();
            CompletableFuture<String> second = caller.callAsync(getTodo(1), "2").toCompletableFuture();

            transport.response(0).completeExceptionally(expired());
            transport.response(1).completeExceptionally(expired());
            assertEquals(1, provider.refreshCalls(), "the second rejection joins the refresh in flight");

            provider.response(0).complete(issued(2, HOUR));
            assertEquals(List.of("access-1", "access-1", "access-2", "access-2"), transport.sentTokens());
            answerReplaysWithTheirId();

            assertEquals("todo 1", first.join());
            assertEquals("todo 2", second.join());
            assertEquals(1, provider.refreshCalls());
        }

        @Test
        void aRejectionAfterAnotherCallerRefreshedReplaysWithoutRefreshing() {
            CompletableFuture<String> first = caller.callAsync(getTodo(1), "1").toCompletableFuture();
            CompletableFuture<String> second = caller.callAsync(getTodo(1), "2").toCompletableFuture();

            transport.response(0).completeExceptionally(expired());
            provider.response(0).complete(issued(2, HOUR));
            transport.response(1).completeExceptionally(expired()); // sent with access-1, rejected late

            assertEquals(1, provider.refreshCalls());
            assertEquals(List.of("access-1", "access-1", "access-2", "access-2"), transport.sentTokens());
            answerReplaysWithTheirId();
            assertEquals("todo 1", first.join());
            assertEquals("todo 2", second.join());
        }
    }

    /** What both call styles share: the variables, and the store asked once per call on the calling thread. */
    @Nested
    class VariablesAndStores {

        private final Operation<String> addTodo = Operation.mutation("TodoApi.addTodo",
                        "mutation Add($title: String!, $note: String) { addTodo(title: $title, note: $note) { id } }")
                .rootField("addTodo").variables("title", "note").policy(new CallPolicy(TokenKind.ACCESS, SKEW, 1))
                .returning(String.class);

        @Test
        void sendsSeveralVariablesInOrderWithNulls() {
            caller.call(addTodo, "milk", null);
            caller.callAsync(addTodo, "bread", "wholemeal");

            assertEquals(List.of("title", "note"), List.copyOf(transport.sentVariables(0).keySet()));
            assertNull(transport.sentVariables(0).get("note"));
            assertTrue(transport.sentVariables(0).containsKey("note"));
            assertEquals(Map.of("title", "bread", "note", "wholemeal"), transport.sentVariables(1));
        }

        @Test
        void sendsOneVariableWhateverItsType() {
            String[] ids = {"1", "2"};
            caller.call(getTodo(1), (Object) ids);
            caller.call(getTodo(1), (Object) null);

            assertSame(ids, transport.sentVariables(0).get("id"));
            assertTrue(transport.sentVariables(1).containsKey("id"));
            assertEquals(1, transport.sentVariables(1).size());
        }

        @Test
        void refusesAWrongNumberOfValuesBeforeSending() {
            IllegalArgumentException blocking =
                    assertThrows(IllegalArgumentException.class, () -> caller.call(addTodo, "milk"));
            assertEquals("TodoApi.addTodo takes 2 variables, was given 1", blocking.getMessage());
            assertThrows(IllegalArgumentException.class, () -> caller.call(getTodo(1), "1", "2"));

            CompletableFuture<String> one = caller.callAsync(addTodo, "milk").toCompletableFuture();
            CompletableFuture<String> three = caller.callAsync(addTodo, "milk", null, true).toCompletableFuture();
            assertInstanceOf(IllegalArgumentException.class, causeOf(one));
            assertInstanceOf(IllegalArgumentException.class, causeOf(three));
            assertTrue(transport.sentTokens().isEmpty());
        }

        @Test
        void asksTheStoreSupplierOncePerCallOnTheCallingThread() {
            List<Thread> askedOn = new CopyOnWriteArrayList<>();
            SecuredCaller perContext = new SecuredCaller(() -> {
                askedOn.add(Thread.currentThread());
                return store;
            }, transport);
            refreshAtOnce();
            rejectTheFirstToken();

            assertEquals("data for access-2", perContext.call(getTodo(1), "42"));
            assertEquals(List.of(Thread.currentThread()), askedOn, "one store for the call, its refresh and replay");

            CompletableFuture<String> async = perContext.callAsync(addTodo, "milk", null).toCompletableFuture();
            assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), askedOn);
            transport.response(0).complete("done");
            assertEquals("done", async.join());
            assertEquals(2, askedOn.size());
        }

        @Test
        void aStoreSupplierThatFailsFailsTheCall() {
            IllegalStateException noContext = new IllegalStateException("no session context");
            SecuredCaller perContext = new SecuredCaller(() -> {
                throw noContext;
            }, transport);

            assertSame(noContext, assertThrows(IllegalStateException.class, () -> perContext.call(getTodo(1), "42")));
            assertSame(noContext, causeOf(perContext.callAsync(getTodo(1), "42").toCompletableFuture()));
            assertSame(noContext, causeOf(perContext.callAsync(addTodo, "milk", null).toCompletableFuture()));
            assertTrue(transport.sentTokens().isEmpty());
        }
    }

    /** Answers the two replays (sends 2 and 3, in whichever order they went out) with their {@code id}. */
    private void answerReplaysWithTheirId() {
        for (int send = 2; send < 4; send++) {
            transport.response(send).complete("todo " + transport.sentVariables(send).get("id"));
        }
    }

    private static GraphQLErrorsException permissionDenied() {
        GraphQLError error = new GraphQLError("Not Authorized to access getTodo on type Query",
                Optional.of("Unauthorized"), List.of("getTodo"), Map.of());
        return new GraphQLErrorsException("TodoApi.getTodo", List.of(error), Optional.empty());
    }

    private static void awaitBoth(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        assertTrue(future.isDone(), "the call should have completed");
        return assertThrows(CompletionException.class, future::join).getCause();
    }
}
