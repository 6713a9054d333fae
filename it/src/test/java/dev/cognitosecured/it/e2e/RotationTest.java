package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.ContinuousCalls.Pace;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 4, refresh-token rotation with no grace period: every {@code GetTokensFromRefreshToken}
 * returns a new refresh token and the one it replaces is refused from then on
 * ({@code RefreshTokenReuseException}, which would end the session). Sending a refresh token twice,
 * as two concurrent refreshes would, is thus fatal; the workloads of scenarios 1 and 3 never do it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RotationTest {

    private static final int CALLERS = 50;
    private static final int LIFETIMES = 20;

    private static StandIns.Builder rotating() {
        return StandIns.builder().client(ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO));
    }

    private static TodoApp boot(StandIns standIns) {
        return TodoApp.boot(standIns.config("refresh", "GET_TOKENS_FROM_REFRESH_TOKEN"),
                ClientTicker.following(standIns.clock()));
    }

    @Test
    void fiftyCallersAcrossTwentyLifetimesNeverReuseARotatedRefreshToken() {
        try (StandIns standIns = rotating().latencyUpTo(Duration.ofMillis(200)).start(); TodoApp app = boot(standIns)) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            TokenTiming timing = standIns.timing();
            Duration span = timing.lifetimes(LIFETIMES);

            Pace pace = Pace.expiringInFlight(timing);
            LongestMargin margin = new LongestMargin(app.margin());
            CallTally calls = ContinuousCalls.blocking(CALLERS, standIns.clock(), pace, span,
                    () -> margin.after(() -> Calls.readOrAdd(todos)));
            // the margin learned from the time attempts spent in flight refreshes tokens earlier
            timing = timing.withLearnedMargin(margin.longest());

            long rotations = standIns.cognito().requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN);
            Measured.report("scenario 4 rotation", "callers", CALLERS, "lifetimes", LIFETIMES, "calls", calls.calls(),
                    "refreshes", rotations, "allowed", timing.allowed(span.minus(pace.step()), span),
                    "learned_margin_ms", margin.longest().toMillis(),
                    "session_ended", app.events().count(SessionEnded.class),
                    "refresh_failed", app.events().count(RefreshFailed.class));

            assertEquals(0, calls.failedCount(), calls::describeFailures);
            assertEquals(0, app.events().count(SessionEnded.class), "no RefreshTokenReuseException ended the session");
            assertEquals(0, app.events().count(RefreshFailed.class));
            assertEquals(rotations, app.events().of(TokensRefreshed.class).stream().filter(TokensRefreshed::rotated).count(),
                    "every GetTokensFromRefreshToken succeeded and rotated the refresh token");
            assertEquals(0, standIns.cognito().initiateAuthCount("REFRESH_TOKEN_AUTH"));
            timing.assertAllows(rotations, span.minus(pace.step()), span);
            assertTrue(app.store().isSignedIn());
        }
    }

    @Test
    void stormsAtTwoExpiriesRotateOnceEach() {
        try (StandIns standIns = rotating().start();
                BoundedTransport transport = new BoundedTransport(standIns.graphQL().endpoint(),
                        BoundedTransport.STORM_CONNECTIONS);
                TodoApp app = TodoApp.with(standIns.config("refresh", "GET_TOKENS_FROM_REFRESH_TOKEN"),
                        ClientTicker.following(standIns.clock())).transport(transport).boot()) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());

            for (int expiry = 1; expiry <= 2; expiry++) {
                standIns.clock().advance(standIns.timing().lifetime());
                RequestGate gate = new RequestGate();
                standIns.cognito().injectFault(Action.GET_TOKENS_FROM_REFRESH_TOKEN, Fault.holdAt(gate), 1);
                Storm storm = Storm.run(Threads.platform("storm", 200), 200, HeldRefresh.at(gate), () -> todos.todo("1"));

                assertEquals(200, storm.tally().succeededCount(), storm.tally()::describeFailures);
                assertEquals(expiry, standIns.cognito().requestCount(Action.GET_TOKENS_FROM_REFRESH_TOKEN));
            }
            // The second refresh sent the refresh token the first one returned: the old one would have
            // been refused and would have ended the session.
            assertEquals(2, app.events().of(TokensRefreshed.class).stream().filter(TokensRefreshed::rotated).count());
            assertEquals(0, app.events().count(SessionEnded.class));
            assertEquals(0, ServerLog.of(standIns.graphQL()).unauthorized());
        }
    }
}
