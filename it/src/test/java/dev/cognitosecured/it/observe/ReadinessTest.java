package dev.cognitosecured.it.observe;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.smallrye.health.AsyncHealthCheckFactory;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.health.registry.HealthRegistries;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.Test;

/**
 * With MicroProfile Health present, SmallRye Health's reporter lists a readiness check per pool,
 * {@code cognito-secured-<pool>}, computed from what the pool's stores last told: no probe sends a
 * request to Cognito.
 */
class ReadinessTest {

    private static final String CHECK = "cognito-secured-default";

    @Test
    void anApplicationScopedPoolIsReadyWhileSignedInAndReportsFailedRefreshes() throws InterruptedException {
        try (StandIns standIns = StandIns.start();
                TodoApp app = boot(standIns, standIns.config())) {
            SmallRyeHealthReporter health = app.client(SmallRyeHealthReporter.class);
            JsonObject before = check(health);
            assertEquals("DOWN", before.getString("status"), "no session before the first sign-in");
            assertFalse(before.getJsonObject("data").getBoolean("signedIn"));
            assertEquals("application", before.getJsonObject("data").getString("scope"));

            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            JsonObject signedIn = check(health);
            assertEquals("UP", signedIn.getString("status"));
            assertTrue(signedIn.getJsonObject("data").getBoolean("signedIn"));

            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.serverError());
            standIns.clock().advance(standIns.timing().lifetime());
            assertThrows(CognitoSecuredException.class, () -> todos.todo("1"));
            app.events().awaitCount(RefreshFailed.class, 1);
            long cognitoRequests = standIns.cognito().requestCount(Action.INITIATE_AUTH);
            JsonObject failed = check(health);
            JsonObject data = failed.getJsonObject("data");
            assertEquals("UP", failed.getString("status"), "the session holds its tokens: still signed in");
            assertEquals(1, data.getInt("refreshFailuresInRow"));
            assertTrue(data.getBoolean("lastRefreshFailed"));
            assertEquals(app.events().of(RefreshFailed.class).get(0).cause().getClass().getSimpleName(),
                    data.getString("lastRefreshFailure"));
            assertTrue(data.containsKey("lastRefreshFailedAt"));
            for (int i = 0; i < 5; i++) {
                check(health);
            }
            assertEquals(cognitoRequests, standIns.cognito().requestCount(Action.INITIATE_AUTH), "probes ask nothing");

            standIns.cognito().clearFaults();
            standIns.clock().advance(Duration.ofSeconds(2)); // past the first back-off (at most 1 s)
            todos.todo("2");
            JsonObject recovered = check(health);
            assertEquals("UP", recovered.getString("status"));
            assertEquals(0, recovered.getJsonObject("data").getInt("refreshFailuresInRow"));
            assertFalse(recovered.getJsonObject("data").getBoolean("lastRefreshFailed"));
            assertTrue(recovered.getJsonObject("data").containsKey("lastRefreshAt"));

            todos.logout();
            assertEquals("DOWN", check(health).getString("status"), "the session ended");
        }
    }

    @Test
    void aSessionScopedPoolIsNotReadyWhileItsLastRefreshFailed() throws InterruptedException {
        try (StandIns standIns = StandIns.start();
                TodoApp app = boot(standIns, standIns.config("session-scope", "session"))) {
            SmallRyeHealthReporter health = app.client(SmallRyeHealthReporter.class);
            TodoService todos = app.service();
            BoundSessionContext sessions = app.sessions();
            Map<String, Object> alice = new HashMap<>();
            standIns.user("alice");
            inSession(sessions, alice, () -> todos.login("alice", StandIns.PASSWORD.toCharArray()));
            JsonObject ready = check(health);
            assertEquals("UP", ready.getString("status"));
            assertEquals("session", ready.getJsonObject("data").getString("scope"));
            assertFalse(ready.getJsonObject("data").containsKey("signedIn"), "a probe has no session");

            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.serverError());
            standIns.clock().advance(standIns.timing().lifetime());
            inSession(sessions, alice, () -> assertThrows(CognitoSecuredException.class, () -> todos.todo("1")));
            app.events().awaitCount(RefreshFailed.class, 1);
            JsonObject failed = check(health);
            assertEquals("DOWN", failed.getString("status"));
            assertEquals(1, failed.getJsonObject("data").getInt("refreshFailuresInRow"));

            standIns.cognito().clearFaults();
            standIns.clock().advance(Duration.ofSeconds(2));
            inSession(sessions, alice, () -> todos.todo("2"));
            assertEquals("UP", check(health).getString("status"));
        }
    }

    private static TodoApp boot(StandIns standIns, Map<String, String> config) {
        return TodoApp.with(config, ClientTicker.following(standIns.clock()))
                .with(List.of(SmallRyeHealthReporter.class, AsyncHealthCheckFactory.class, HealthRegistries.class),
                        List.of())
                .boot();
    }

    /** The pool's check in SmallRye Health's readiness answer. */
    private static JsonObject check(SmallRyeHealthReporter health) {
        JsonObject payload = health.getReadiness().getPayload();
        List<JsonObject> checks = payload.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(CHECK))
                .toList();
        assertEquals(1, checks.size(), payload::toString);
        return checks.get(0);
    }
}
