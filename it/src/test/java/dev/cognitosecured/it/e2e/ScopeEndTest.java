package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 §3: a session store whose CDI scope ends is closed. With {@code session-scope=session}, the HTTP
 * session is invalidated while a refresh is in flight and callers wait for it (5 asynchronous calls, 3
 * blocking ones on their own threads in the same session); with the application scope, the
 * container shuts down. The tokens are dropped, the refresh's answer is never installed, every waiting caller
 * and every later caller holding the store gets {@link SignInRequiredException} with
 * {@link SessionEnded.Reason#SCOPE_ENDED}, and nothing more is asked of Cognito.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScopeEndTest {

    private static final int WAITING = 5;
    private static final int BLOCKED = 3;

    @Test
    void anInvalidatedSessionClosesItsStoreWhileARefreshIsInFlight() throws InterruptedException {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("session-scope", "session"),
                        ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            Map<String, Object> session = new HashMap<>();
            SessionStore store = inSession(app.sessions(), session, () -> {
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                return app.storeInstance();
            });
            Tokens held = store.tokens(Duration.ZERO);

            standIns.cognito().resetRequestCounts();
            standIns.clock().advance(standIns.timing().lifetime());
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);
            List<CompletableFuture<Todo>> waiting = inSession(app.sessions(), session, () -> {
                List<CompletableFuture<Todo>> calls = new ArrayList<>();
                for (int i = 0; i < WAITING; i++) {
                    calls.add(todos.todoLater("2").toCompletableFuture());
                }
                return calls;
            });
            Threads.await(gate.arrivals(1), "the refresh request");
            ConcurrentLinkedQueue<Throwable> blockedSaw = new ConcurrentLinkedQueue<>();
            List<Thread> blocked = new ArrayList<>();
            for (int i = 0; i < BLOCKED; i++) {
                Thread caller = new Thread(() -> {
                    try {
                        inSession(app.sessions(), session, () -> todos.todo("3"));
                    } catch (RuntimeException e) {
                        blockedSaw.add(e);
                    }
                }, "blocked-caller-" + i);
                caller.start();
                blocked.add(caller);
            }
            for (Thread caller : blocked) {
                while (caller.getState() != Thread.State.TIMED_WAITING) { // parked until the call's deadline
                    Thread.onSpinWait(); // until it waits for the refresh; the class timeout guards against a hang
                }
            }
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the callers wait for the refresh");

            endSession(app.sessions(), session);

            for (Thread caller : blocked) {
                caller.join(TimeUnit.SECONDS.toMillis(Threads.STALL_SECONDS));
                assertFalse(caller.isAlive(), caller.getName() + " still waits");
            }
            assertEquals(BLOCKED, blockedSaw.size());
            for (Throwable failure : blockedSaw) {
                SignInRequiredException ended = assertInstanceOf(SignInRequiredException.class, failure);
                assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), ended.reason());
            }

            for (CompletableFuture<Todo> call : waiting) {
                CompletionException failure = assertThrows(CompletionException.class, call::join);
                SignInRequiredException ended = assertInstanceOf(SignInRequiredException.class, failure.getCause());
                assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), ended.reason());
                assertNoSecretIn(ended.getMessage(), held);
            }
            assertEquals(List.of(new SessionEnded("default", "alice", SessionEnded.Reason.SCOPE_ENDED)),
                    app.events().of(SessionEnded.class));
            assertFalse(store.isSignedIn(), "the tokens are dropped");

            gate.open(); // the refresh in flight goes on to Cognito; DefaultSessionStoreTest shows it is never installed
            SignInRequiredException late = assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO));
            assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), late.reason());
            assertTrue(late.getMessage().contains("scope"), late.getMessage());
            assertNoSecretIn(late.getMessage(), held);
            assertThrows(SignInRequiredException.class, () -> store.signIn(held, Duration.ZERO),
                    "nothing signs in to a closed store");
            assertFalse(store.isSignedIn());
            assertEquals(0, app.events().count(TokensRefreshed.class), "the refresh's tokens were never installed");
            // requests held by the gate are counted when they arrive (refreshes() counts them once answered)
            assertEquals(1, standIns.cognito().requestCount(Action.INITIATE_AUTH),
                    "the one refresh in flight; nothing after the scope ended");
            assertEquals(0, standIns.graphQL().requestCount(), "no call went out");
        }
    }

    @Test
    void aContainerThatShutsDownClosesTheApplicationsStore() {
        try (StandIns standIns = StandIns.start()) {
            standIns.user("alice");
            SessionStore store;
            Tokens held;
            try (TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
                app.service().login("alice", StandIns.PASSWORD.toCharArray());
                store = app.storeInstance();
                held = store.tokens(Duration.ZERO);
            }
            long cognitoRequests = standIns.cognito().requestCount(Action.INITIATE_AUTH);

            assertFalse(store.isSignedIn(), "the tokens are dropped");
            SignInRequiredException late = assertThrows(SignInRequiredException.class, () -> store.tokens(Duration.ZERO));
            assertEquals(Optional.of(SessionEnded.Reason.SCOPE_ENDED), late.reason());
            assertNoSecretIn(late.getMessage(), held);
            assertEquals(cognitoRequests, standIns.cognito().requestCount(Action.INITIATE_AUTH));
        }
    }

    private static void assertNoSecretIn(String message, Tokens tokens) {
        assertFalse(message.contains(tokens.accessToken()), message);
        assertFalse(message.contains(tokens.idToken()), message);
        tokens.refreshToken().ifPresent(refresh -> assertFalse(message.contains(refresh), message));
    }

    /** Invalidates the HTTP session, as a servlet container does when it times out or the application ends it. */
    private static void endSession(BoundSessionContext sessions, Map<String, Object> storage) {
        sessions.associate(storage);
        sessions.activate();
        sessions.invalidate();
        sessions.deactivate(); // destroys the session's beans
        sessions.dissociate(storage);
    }
}
