package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cognitosecured.it.e2e.ContinuousCalls.Pace;
import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.ReceivedRequest.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 1, the expiry instant: calls keep going across many token lifetimes, with latency on the
 * GraphQL path so that a token can expire while its request is in flight. No caller ever sees
 * {@link UnauthorizedException}, and Cognito sees one refresh per lifetime (give or take the
 * prefetch), never one per caller.
 *
 * <p>Time moves as calls complete ({@link Pace#expiringInFlight}), so whether a token expires in flight
 * depends on how the requests interleave: the server's 401s are counted and reported, and each must
 * have been replayed. {@link #aTokenThatExpiresInFlightIsReplayedOnceWithFreshTokens} makes it happen
 * deterministically.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExpiryInstantTest {

    private static final int CALLERS = 50;
    private static final int LIFETIMES = 20;

    @Test
    void fiftyCallersAcrossTwentyLifetimesSeeNoUnauthorizedAndCauseOneRefreshPerLifetime() {
        try (StandIns standIns = StandIns.builder().latencyUpTo(Duration.ofMillis(200)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
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

            ServerLog server = ServerLog.of(standIns.graphQL());
            long refreshes = standIns.refreshes();
            Measured.report("scenario 1 expiry instant", "callers", CALLERS, "lifetimes", LIFETIMES,
                    "calls", calls.calls(), "unauthorized_surfaced", calls.failedWith(UnauthorizedException.class),
                    "refreshes", refreshes, "allowed", timing.allowed(span.minus(pace.step()), span),
                    "learned_margin_ms", margin.longest().toMillis(),
                    "server_401_expired_in_flight", server.expired(), "tokens", server.distinctTokens());

            assertEquals(0, calls.failedWith(UnauthorizedException.class), calls::describeFailures);
            assertEquals(0, calls.failedCount(), calls::describeFailures);
            timing.assertAllows(refreshes, span.minus(pace.step()), span);
            assertEquals(refreshes, app.events().count(TokensRefreshed.class), "every refresh succeeded");
            assertEquals(0, app.events().count(RefreshFailed.class) + app.events().count(SessionEnded.class));
            assertEquals(1, standIns.passwordSignIns());

            assertEquals(calls.calls(), server.executed(), "each call ran exactly once on the server");
            assertEquals(server.unauthorized(), server.expired(),
                    "the only rejections were tokens that expired in flight: " + server);
            assertEquals(server.count(), server.executed() + server.expired(), "each rejection was replayed once");
            assertEquals(refreshes + 1, server.distinctTokens(), "the signed-in tokens, then one set per refresh");
        }
    }

    @Test
    void aTokenThatExpiresInFlightIsReplayedOnceWithFreshTokens() {
        try (StandIns standIns = StandIns.start()) {
            ClientTicker ticker = ClientTicker.following(standIns.clock());
            try (TodoApp app = TodoApp.boot(standIns.config(), ticker)) {
                standIns.user("alice");
                TodoService todos = app.service();
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                todos.todo("1");

                // The caller takes its token (valid for long enough), then the token's lifetime passes
                // before the server checks it.
                ticker.advanceClockAfterNextRead(standIns.timing().lifetime());
                Todo todo = todos.todo("2");

                assertEquals("2", todo.id());
                List<ReceivedRequest> requests = ServerLog.of(standIns.graphQL()).requests();
                assertEquals(List.of(Outcome.EXECUTED, Outcome.TOKEN_EXPIRED, Outcome.EXECUTED),
                        requests.stream().map(ReceivedRequest::outcome).toList());
                assertEquals(requests.get(0).tokenFingerprint(), requests.get(1).tokenFingerprint());
                assertNotEquals(requests.get(1).tokenFingerprint(), requests.get(2).tokenFingerprint());
                assertEquals(1, standIns.refreshes());
            }
        }
    }
}
