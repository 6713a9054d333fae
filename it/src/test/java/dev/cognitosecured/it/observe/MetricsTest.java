package dev.cognitosecured.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With Micrometer present and the application's {@code MeterRegistry} bean, the pool's meters count
 * what the stand-ins saw: sign-ins and refused sign-in steps, refreshes, failed refreshes by reason,
 * replays after a 401, calls that waited for tokens, ended sessions; the margin gauge reads the pool's
 * {@code CallMargin}.
 */
class MetricsTest {

    private static final String[] POOL = {"pool", "default"};

    @Test
    void theMetersCountWhatHappenedAtTheServers() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (StandIns standIns = StandIns.start()) {
            ClientTicker ticker = ClientTicker.following(standIns.clock());
            try (TodoApp app = TodoApp.with(standIns.config(), ticker).part(MeterRegistry.class, registry).boot()) {
                standIns.user("alice");
                TodoService todos = app.service();
                CognitoSecuredException refused = assertThrows(CognitoSecuredException.class,
                        () -> todos.login("alice", "Wr0ng-horse-battery".toCharArray()));
                assertEquals(1, registry.get("cognito.secured.sign.in.steps").tags(POOL)
                        .tags("step", "start", "outcome", refused.getClass().getSimpleName()).counter().count());
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                todos.todo("1");
                assertEquals(1, registry.get("cognito.secured.sign.ins").tags(POOL).counter().count());
                assertEquals(1, registry.get("cognito.secured.sign.in.steps").tags(POOL)
                        .tags("step", "start", "outcome", "done").counter().count());

                // three lifetimes: each call finds its tokens expired and waits for one refresh
                for (int i = 0; i < 3; i++) {
                    standIns.clock().advance(standIns.timing().lifetime());
                    todos.todo("2");
                }
                assertEquals(3, standIns.refreshes());
                assertEquals(3, registry.get("cognito.secured.refreshes").tags(POOL).counter().count());
                var waits = registry.get("cognito.secured.token.waits").tags(POOL).tags("operation", "TodoApi.getTodo").timer();
                assertEquals(3, waits.count());
                assertTrue(waits.totalTime(TimeUnit.NANOSECONDS) > 0, waits::toString);

                // a token that expires in flight: one 401, one refresh, one replay
                ticker.advanceClockAfterNextRead(standIns.timing().lifetime());
                todos.todo("3");
                assertEquals(4, standIns.refreshes());
                assertEquals(1, standIns.graphQL().unauthorizedCount());
                assertEquals(1, registry.get("cognito.secured.replays").tags(POOL).tags("operation", "TodoApi.getTodo")
                        .counter().count());
                assertEquals(4, registry.get("cognito.secured.refreshes").tags(POOL).counter().count());

                // Cognito fails every attempt of a refresh: the caller gets the failure, the meter its reason
                standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.serverError());
                standIns.clock().advance(standIns.timing().lifetime());
                assertThrows(CognitoSecuredException.class, () -> todos.todo("4"));
                app.events().awaitCount(RefreshFailed.class, 1);
                String reason = app.events().of(RefreshFailed.class).get(0).cause().getClass().getSimpleName();
                assertEquals(1, registry.get("cognito.secured.refresh.failures").tags(POOL).tags("reason", reason)
                        .counter().count());
                standIns.cognito().clearFaults();
                standIns.clock().advance(Duration.ofSeconds(2)); // past the first back-off (at most 1 s)
                todos.todo("5");
                assertEquals(5, registry.get("cognito.secured.refreshes").tags(POOL).counter().count());

                double gauge = registry.get("cognito.secured.call.margin").tags(POOL).gauge().value();
                assertEquals(app.margin().learned().toNanos() / 1e9, gauge);

                todos.logout();
                assertEquals(1, registry.get("cognito.secured.sessions.ended").tags(POOL)
                        .tags("reason", "signed_out").counter().count());
            }
            assertTrue(registry.getMeters().isEmpty(), () -> "left registered: " + registry.getMeters());
        }
    }
}
