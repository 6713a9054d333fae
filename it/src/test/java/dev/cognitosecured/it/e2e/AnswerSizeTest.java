package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.TransportException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 §4: a GraphQL answer larger than {@code graphql.max-answer-size} is refused with a
 * {@link TransportException} that names the bound and the key, over real HTTP from LocalGraphQL (which
 * declares its answers' length); the session and the next call are unharmed. A chunked answer that grows
 * past the bound is covered against a streaming loopback server in {@code JaxRsGraphQLTransportTest}.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class AnswerSizeTest {

    private static final int BOUND = 4 * 1024;

    @Test
    void anAnswerLargerThanTheBoundIsRefusedAndTheNextCallSucceeds() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("graphql.max-answer-size", "4KiB"),
                        ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            String large = "x".repeat(2 * BOUND); // the resolver echoes the title: the answer is over 8 KiB

            TransportException refused = assertThrows(TransportException.class, () -> todos.add(large));
            CompletionException refusedLater = assertThrows(CompletionException.class,
                    () -> todos.addLater(large).toCompletableFuture().join());

            Measured.report("answer over the bound", "bound", BOUND, "graphql_requests",
                    standIns.graphQL().requestCount(), "refreshes", standIns.refreshes());
            for (TransportException e : new TransportException[] {refused,
                    assertInstanceOf(TransportException.class, refusedLater.getCause())}) {
                assertEquals(200, e.status().getAsInt());
                assertTrue(e.getMessage().contains("(Content-Length)"), e.getMessage());
                assertTrue(e.getMessage().contains(BOUND + " bytes"), e.getMessage());
                assertTrue(e.getMessage().contains("cognito-secured.graphql.max-answer-size"), e.getMessage());
            }
            assertEquals(2, standIns.graphQL().requestCount(), "each call sent once, not replayed");
            assertEquals("small", todos.add("small").title(), "the next call succeeds");
            assertTrue(app.store().isSignedIn());
            assertEquals(0, standIns.refreshes());
        }
    }
}
