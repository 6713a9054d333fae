package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import dev.cognitosecured.testing.graphql.Latency;
import dev.cognitosecured.testing.graphql.LatencyWait;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every call ends in time (issue 11 §1), over real HTTP to LocalCognito and LocalGraphQL: a GraphQL
 * server that accepts and never answers, a refresh held at Cognito past the caller's deadline, an
 * interrupted waiter, a sign-in step Cognito never answers, and the application's own JAX-RS client.
 * The bounds are a few hundred milliseconds of real time; the tests assert on the exception's part,
 * key and message, and on the request counts, never on measured durations.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeadlinesTest {

    private static final String GRAPHQL_TIMEOUT = "cognito-secured.graphql.timeout";
    private static final String CALL_TIMEOUT = "cognito-secured.graphql.call-timeout";

    /** LocalGraphQL's latency wait that holds every request until released: a server that never answers. */
    private static final class SilentServer implements LatencyWait {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger();

        @Override
        public void await(Duration delay) throws InterruptedException {
            held.incrementAndGet();
            released.await();
        }

        void release() {
            released.countDown();
        }
    }

    @Test
    void aSilentGraphQLServerEndsTheCallAtGraphqlTimeoutSyncAndAsync() throws Exception {
        SilentServer silent = new SilentServer();
        try (StandIns standIns = StandIns.builder().latency(Latency.fixed(Duration.ofSeconds(1))).latencyWait(silent)
                .start()) {
            Leaks leaks = Leaks.threadsNow();
            // long enough for the call after recovery on a busy machine; the silent server holds for ever anyway
            TodoApp app = TodoApp.boot(standIns.config("graphql.timeout", "1s"),
                    ClientTicker.following(standIns.clock()));
            List<Thread> appThreads;
            try {
                standIns.user("alice");
                TodoService todos = app.service();
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                String tokenBefore = app.store().tokens(Duration.ZERO).accessToken();

                CallTimeoutException blocking = assertThrows(CallTimeoutException.class, () -> todos.todo("1"));
                assertAttemptTimedOut(blocking);

                ExecutionException async = assertThrows(ExecutionException.class,
                        () -> todos.todoLater("1").toCompletableFuture().get(30, TimeUnit.SECONDS));
                assertAttemptTimedOut(assertInstanceOf(CallTimeoutException.class, async.getCause()));

                assertEquals(2, silent.held.get(), "one request per call: a timed-out attempt is not replayed");
                assertEquals(tokenBefore, app.store().tokens(Duration.ZERO).accessToken(), "the tokens are kept");
                assertEquals(0, standIns.refreshes());

                silent.release();
                standIns.graphQL().latency(Latency.none());
                Todo todo = todos.todo("1");
                assertEquals("1", todo.id(), "the next call after recovery succeeds");
                Measured.report("deadline silent graphql", "calls", 3, "held", silent.held.get(),
                        "refreshes", standIns.refreshes(), "waited_sync_ms", blocking.waited().toMillis(),
                        "waited_async_ms", ((CallTimeoutException) async.getCause()).waited().toMillis());
                appThreads = CognitoFaultsTest.applicationThreads(leaks);
            } finally {
                silent.release();
                app.close();
            }
            assertEquals(List.of(), Leaks.stillAliveAfterJoining(appThreads), "threads left after closing");
            CognitoFaultsTest.assertNoConnectionsLeft(standIns.cognito().endpoint().getPort(),
                    standIns.graphQL().port());
        }
    }

    private static void assertAttemptTimedOut(CallTimeoutException e) {
        assertEquals(Part.WAITING_FOR_ANSWER, e.part(), e::getMessage);
        assertEquals(GRAPHQL_TIMEOUT, e.key());
        assertTrue(e.getMessage().contains("TodoApi.getTodo") && e.getMessage().contains(GRAPHQL_TIMEOUT)
                && e.getMessage().contains("waiting for the GraphQL API's answer"), e.getMessage());
        assertFalse(e.waited().isNegative());
    }

    @Test
    void aCallerWaitingForARefreshHeldAtCognitoEndsAtItsDeadlineSyncAndAsync() throws Exception {
        // cognito.timeout 30 s: the SDK's attempt timeout (10 s) cannot send a second attempt of the held refresh
        // while the test runs, however slow a loaded machine makes it
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("graphql.call-timeout", "300ms", "cognito.timeout", "30s"),
                        ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("warm-up");
            long requestsBefore = standIns.graphQL().requestCount();

            standIns.clock().advance(standIns.timing().lifetime()); // expired: every call needs the refresh
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate)); // every attempt of the SDK

            CallTimeoutException blocking = assertThrows(CallTimeoutException.class, () -> todos.todo("1"));
            assertRefreshTimedOut(blocking);
            ExecutionException async = assertThrows(ExecutionException.class,
                    () -> todos.todoLater("1").toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertRefreshTimedOut(assertInstanceOf(CallTimeoutException.class, async.getCause()));

            // the callers may give up before the SDK's request reaches LocalCognito on a loaded machine: wait for it
            gate.arrivals(1).get(30, TimeUnit.SECONDS);
            assertEquals(1, gate.arrived(), "one refresh reached Cognito; the second caller joined it");
            assertEquals(requestsBefore, standIns.graphQL().requestCount(), "no attempt went out with expired tokens");

            gate.open();
            assertEquals("1", todos.todo("1").id(), "the held refresh completes, and the next call uses it");
            assertEquals(1, standIns.refreshes(), "the refresh carried on after its callers gave up; no second one");
            assertEquals(1, app.events().count(TokensRefreshed.class));
            assertEquals(0, app.events().count(RefreshFailed.class));
            Measured.report("deadline held refresh", "calls", 3, "refreshes", standIns.refreshes(),
                    "graphql_requests", standIns.graphQL().requestCount() - requestsBefore,
                    "waited_sync_ms", blocking.waited().toMillis(),
                    "waited_async_ms", ((CallTimeoutException) async.getCause()).waited().toMillis());
        }
    }

    private static void assertRefreshTimedOut(CallTimeoutException e) {
        assertEquals(Part.WAITING_FOR_REFRESH, e.part(), e::getMessage);
        assertEquals(CALL_TIMEOUT, e.key());
        assertTrue(e.getMessage().contains("waiting for a refresh") && e.getMessage().contains(CALL_TIMEOUT),
                e.getMessage());
    }

    @Test
    void anInterruptedWaiterGetsATypedExceptionAndKeepsItsInterruptFlag() throws Exception {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            standIns.clock().advance(standIns.timing().lifetime());
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate)); // every attempt of the SDK

            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    todos.todo("1");
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
            }, "interrupted-waiter");
            waiter.start();
            gate.arrivals(1).get(30, TimeUnit.SECONDS); // the refresh is held: the waiter waits for it
            waiter.interrupt();
            waiter.join(TimeUnit.SECONDS.toMillis(30));

            assertFalse(waiter.isAlive(), "the waiter stopped waiting");
            CallInterruptedException e = assertInstanceOf(CallInterruptedException.class, thrown.get());
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt flag is set again");

            gate.open();
            assertEquals("1", todos.todo("1").id());
            assertEquals(1, standIns.refreshes(), "the refresh carried on for the next caller");
        }
    }

    @Test
    void aSignInStepCognitoNeverAnswersEndsAtCognitoTimeout() throws Exception {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("cognito.timeout", "1s"),
                        ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate)); // every attempt of the SDK
            try {
                CallTimeoutException e = assertThrows(CallTimeoutException.class,
                        () -> app.service().login("alice", StandIns.PASSWORD.toCharArray()));
                assertEquals(Part.COGNITO, e.part(), e::getMessage);
                Measured.report("deadline sign-in step", "waited_ms", e.waited().toMillis());
                assertEquals("cognito-secured.cognito.timeout", e.key());
                assertFalse(app.store().isSignedIn());
            } finally {
                gate.open();
                standIns.cognito().clearFaults();
            }
            // how many of the SDK's attempts reached LocalCognito depends on how fast the SDK starts: none,
            // if loading it took the whole second
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            assertTrue(app.store().isSignedIn(), "the next sign-in succeeds");
        }
    }

    @Test
    void theApplicationsOwnClientIsUsedAndNotClosed() {
        AtomicInteger filtered = new AtomicInteger();
        Client own = ClientBuilder.newClient().register((ClientRequestFilter) request -> filtered.incrementAndGet());
        try (StandIns standIns = StandIns.start()) {
            try (TodoApp app = TodoApp.with(standIns.config(), ClientTicker.following(standIns.clock()))
                    .client(own).boot()) {
                standIns.user("alice");
                TodoService todos = app.service();
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                todos.todo("1");
                todos.todoLater("2").toCompletableFuture().join();
                assertEquals(2, filtered.get(), "both calls went through the application's client");
                assertEquals(2, standIns.graphQL().requestCount());
            }
            // The container is gone; the application's client is still open, and still the application's.
            int status;
            try (jakarta.ws.rs.core.Response answer = own.target(standIns.graphQL().endpoint()).request()
                    .post(jakarta.ws.rs.client.Entity.json("{\"query\":\"{__typename}\"}"))) {
                status = answer.getStatus();
            }
            assertEquals(401, status, "the library did not close the application's client (no token: a 401)");
            assertEquals(3, filtered.get());
        } finally {
            own.close();
        }
    }
}
