package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.ContinuousCalls.Pace;
import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 8, asynchronous calls: scenario 1 through the {@code CompletionStage} methods, issued from
 * two threads that never wait; and, with a refresh held at Cognito, those two threads issue every
 * call without waiting for it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AsyncCallsTest {

    private static final int IN_FLIGHT = 50;
    private static final int ISSUERS = 2;
    private static final int LIFETIMES = 20;

    @Test
    void fiftyCallsInFlightAcrossTwentyLifetimesSeeNoUnauthorizedAndCauseOneRefreshPerLifetime() {
        try (StandIns standIns = StandIns.builder().latencyUpTo(Duration.ofMillis(200)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            TokenTiming timing = standIns.timing();
            Duration span = timing.lifetimes(LIFETIMES);
            Set<String> issuingThreads = ContinuousCalls.threadNames();

            Pace pace = Pace.expiringInFlight(timing);
            LongestMargin margin = new LongestMargin(app.margin());
            CallTally calls = ContinuousCalls.nonBlocking(IN_FLIGHT, ISSUERS, standIns.clock(), pace, span,
                    () -> margin.afterIssuing(() -> Calls.readOrAddLater(todos)), issuingThreads);
            // the margin learned from the time attempts spent in flight refreshes tokens earlier
            timing = timing.withLearnedMargin(margin.longest());

            ServerLog server = ServerLog.of(standIns.graphQL());
            long refreshes = standIns.refreshes();
            Measured.report("scenario 8 async", "in_flight", IN_FLIGHT, "issuer_threads", issuingThreads.size(),
                    "lifetimes", LIFETIMES, "calls", calls.calls(),
                    "unauthorized_surfaced", calls.failedWith(UnauthorizedException.class), "refreshes", refreshes,
                    "allowed", timing.allowed(span.minus(pace.step()), span),
                    "learned_margin_ms", margin.longest().toMillis(),
                    "server_401_expired_in_flight", server.expired(), "tokens", server.distinctTokens());

            assertEquals(0, calls.failedWith(UnauthorizedException.class), calls::describeFailures);
            assertEquals(0, calls.failedCount(), calls::describeFailures);
            assertEquals(Set.of("issuer-1", "issuer-2"), issuingThreads);
            timing.assertAllows(refreshes, span.minus(pace.step()), span);
            assertEquals(refreshes, app.events().count(TokensRefreshed.class));
            assertEquals(0, app.events().count(RefreshFailed.class) + app.events().count(SessionEnded.class));
            assertEquals(calls.calls(), server.executed());
            assertEquals(server.unauthorized(), server.expired(), server::toString);
            assertEquals(server.count(), server.executed() + server.expired());
            assertEquals(refreshes + 1, server.distinctTokens());
        }
    }

    @Test
    void theIssuingThreadsNeverWaitForARefresh() {
        int calls = 48; // below the 50 connections LocalGraphQL accepts at once (see BoundedTransport)
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("warm-up");
            String signedInToken = ServerLog.of(standIns.graphQL()).tokens().get(0);
            standIns.graphQL().clearRequests();
            standIns.clock().advance(standIns.timing().lifetime());
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);

            ConcurrentLinkedQueue<CompletionStage<Todo>> stages = new ConcurrentLinkedQueue<>();
            CountDownLatch issued = new CountDownLatch(calls);
            ExecutorService issuers = Threads.platform("issuer", ISSUERS);
            try {
                for (int i = 0; i < calls; i++) {
                    String id = Integer.toString(i);
                    boolean read = i % 2 == 0;
                    issuers.execute(() -> {
                        stages.add(read ? todos.todoLater(id) : todos.addLater("task " + id));
                        issued.countDown();
                    });
                }
                // Every call was issued while the refresh they all need is held: no issuer waited for it.
                assertTrue(issued.await(Threads.STALL_SECONDS, TimeUnit.SECONDS), "the issuers blocked");
                Threads.await(gate.arrivals(1), "the refresh request");
                assertEquals(calls, stages.size());
                assertTrue(stages.stream().noneMatch(stage -> stage.toCompletableFuture().isDone()),
                        "no call can complete before the refresh");

                gate.open();
                CompletableFuture<?>[] all = stages.stream().map(CompletionStage::toCompletableFuture)
                        .toArray(CompletableFuture<?>[]::new);
                Threads.await(CompletableFuture.allOf(all), "the calls");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                gate.open();
                Threads.stop(issuers);
            }

            ServerLog server = ServerLog.of(standIns.graphQL());
            List<String> tokens = server.tokens();
            Measured.report("scenario 8 held refresh", "calls", calls, "issuer_threads", ISSUERS,
                    "issued_while_refresh_held", calls, "refreshes", standIns.refreshes(), "tokens", tokens.size());
            assertEquals(1, standIns.refreshes());
            assertEquals(calls, server.executed());
            assertEquals(1, tokens.size());
            assertNotEquals(signedInToken, tokens.get(0));
        }
    }
}
