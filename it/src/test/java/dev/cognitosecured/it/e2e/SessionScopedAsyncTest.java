package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.ReceivedRequest.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code session-scope=session}, a call whose token expires in flight is refreshed and replayed,
 * whether the application calls a blocking method or a {@code CompletionStage} one. The replay of an
 * asynchronous call happens on the thread that received the 401, where the caller's HTTP session is
 * not active.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionScopedAsyncTest {

    @Test
    void aBlockingCallIsReplayedAfterItsTokenExpiredInFlight() {
        assertReplayed(todos -> CompletableFuture.completedFuture(todos.todo("2")));
    }

    @Test
    void anAsynchronousCallIsReplayedAfterItsTokenExpiredInFlight() {
        assertReplayed(todos -> todos.todoLater("2").toCompletableFuture());
    }

    private static void assertReplayed(java.util.function.Function<TodoService, CompletableFuture<Todo>> call) {
        try (StandIns standIns = StandIns.start()) {
            ClientTicker ticker = ClientTicker.following(standIns.clock());
            try (TodoApp app = TodoApp.boot(standIns.config("session-scope", "session"), ticker)) {
                standIns.user("alice");
                TodoService todos = app.service();
                Map<String, Object> session = new HashMap<>();
                inSession(app.sessions(), session, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));

                ticker.advanceClockAfterNextRead(standIns.timing().lifetime());
                CompletableFuture<Todo> result = inSession(app.sessions(), session, () -> call.apply(todos));

                assertEquals("2", Threads.await(result, "the call").id());
                assertEquals(List.of(Outcome.TOKEN_EXPIRED, Outcome.EXECUTED),
                        ServerLog.of(standIns.graphQL()).requests().stream().map(ReceivedRequest::outcome).toList());
                assertEquals(1, standIns.refreshes());
            }
        }
    }
}
