package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 3, the refresh storm: a crowd of threads calls at once with an expired token. The refresh
 * is held at LocalCognito until every caller has started its call, so they all meet it in flight;
 * exactly one refresh reaches Cognito, and every call goes out with the one set of new tokens.
 *
 * <p>Once the refresh completes, the callers reach the API through a transport with a bounded number
 * of connections ({@link BoundedTransport}), as production HTTP clients have.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RefreshStormTest {

    @Test
    void aThousandPlatformThreadsCauseOneRefresh() {
        storm(Threads.platform("storm", 1_000), 1_000);
    }

    @Test
    void tenThousandVirtualThreadsCauseOneRefresh() {
        Optional<ExecutorService> virtualThreads = Threads.virtual();
        assumeTrue(virtualThreads.isPresent(), "virtual threads need Java 21 or later; this is " + Runtime.version());

        Storm storm = storm(virtualThreads.get(), 10_000);

        assertEquals(10_000, storm.onVirtualThreads());
    }

    private static Storm storm(ExecutorService threads, int callers) {
        try (StandIns standIns = StandIns.start();
                BoundedTransport transport = new BoundedTransport(standIns.graphQL().endpoint(),
                        BoundedTransport.STORM_CONNECTIONS);
                TodoApp app = TodoApp.with(standIns.config(), ClientTicker.following(standIns.clock()))
                        .transport(transport).boot()) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("warm-up");
            String signedInToken = ServerLog.of(standIns.graphQL()).tokens().get(0);
            standIns.graphQL().clearRequests();

            standIns.clock().advance(standIns.timing().lifetime()); // expired, for the store and for the API
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);
            Storm storm = Storm.run(threads, callers, HeldRefresh.at(gate), () -> todos.todo("1"));

            ServerLog server = ServerLog.of(standIns.graphQL());
            Measured.report("scenario 3 refresh storm", "callers", callers,
                    "virtual_threads", storm.onVirtualThreads(), "succeeded", storm.tally().succeededCount(),
                    "refreshes", standIns.refreshes(), "server_401", server.unauthorized(),
                    "tokens", server.distinctTokens());

            assertEquals(callers, storm.tally().succeededCount(), storm.tally()::describeFailures);
            assertEquals(1, standIns.refreshes(), "one refresh reached Cognito");
            assertEquals(1, app.events().count(TokensRefreshed.class));
            assertEquals(callers, server.executed());
            assertEquals(0, server.unauthorized());
            List<String> tokens = server.tokens();
            assertEquals(1, tokens.size(), "every call carried the same refreshed token");
            assertNotEquals(signedInToken, tokens.get(0));
            return storm;
        }
    }
}
