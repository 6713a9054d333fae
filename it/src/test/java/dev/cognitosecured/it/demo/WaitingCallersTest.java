package dev.cognitosecured.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which stacks count as a caller waiting for a refresh in the session store. */
class WaitingCallersTest {

    private static final String STORE = "dev.cognitosecured.runtime.internal.store.DefaultSessionStore";
    private static final String CALLER = "dev.cognitosecured.runtime.client.SecuredCaller";
    private static final String CLIENT = "dev.cognitosecured.it.demo.TodoApi_CognitoClient";

    private final WaitingCallers waitingCallers = new WaitingCallers();

    @Test
    void aCallerParkedOnTheStoresRefreshWaits() {
        assertTrue(waitingCallers.waitsInSessionStore(stack(
                frame("jdk.internal.misc.Unsafe", "park"),
                frame("java.util.concurrent.locks.LockSupport", "park"),
                frame("java.util.concurrent.CompletableFuture$Signaller", "block"),
                frame("java.util.concurrent.ForkJoinPool", "managedBlock"),
                frame("java.util.concurrent.CompletableFuture", "waitingGet"),
                frame("java.util.concurrent.CompletableFuture", "join"),
                frame(STORE, "awaitUnlessSuperseded"),
                frame(STORE, "tokens"),
                frame(CALLER, "call"),
                frame(CLIENT, "getTodo"))));
    }

    @Test
    void aCallerOnTheFastPathOrOnTheWireDoesNotWait() {
        assertFalse(waitingCallers.waitsInSessionStore(stack(
                frame(STORE, "tokens"),
                frame(CALLER, "call"),
                frame(CLIENT, "getTodo"))));
        assertFalse(waitingCallers.waitsInSessionStore(stack(
                frame("sun.nio.ch.NioSocketImpl", "read"),
                frame("dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport", "execute"),
                frame(CALLER, "call"),
                frame(CLIENT, "getTodo"))));
    }

    @Test
    void aFutureWaitOutsideTheStoreIsNotARefresh() {
        assertFalse(waitingCallers.waitsInSessionStore(stack(
                frame("java.util.concurrent.CompletableFuture", "join"),
                frame("dev.cognitosecured.runtime.internal.cognito.CognitoSignIn", "start"),
                frame("dev.cognitosecured.it.demo.TodoService", "signIn"))));
    }

    @Test
    void onlyCallsInProgressAreLookedAtAndEachIsCountedOnce() {
        WaitingCallers.Caller idle = waitingCallers.watch(Thread.currentThread());
        waitingCallers.refreshSettled();
        assertEquals(0, waitingCallers.blockedCalls());

        // This thread, in a call, is running the observer: it is not parked on a refresh.
        idle.begin(1);
        waitingCallers.refreshSettled();
        idle.end();
        assertEquals(0, waitingCallers.blockedCalls());
    }

    private static StackTraceElement[] stack(StackTraceElement... frames) {
        return frames;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
