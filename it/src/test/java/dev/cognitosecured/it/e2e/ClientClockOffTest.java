package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 2, the client's clock is off by two minutes either way relative to Cognito and the API.
 *
 * <p>Both of the client's clocks are off. Its wall clock (what {@code Instant.now()} reads in this
 * JVM) is two minutes away from the stand-ins' clock when the scenario starts, so any code path that
 * compared a token's {@code exp} with it would misjudge every token: two minutes behind, it would
 * keep sending expired tokens (401s); two minutes ahead, it would find every 20-second token expired
 * on arrival and refresh before each call (a refresh loop). And the monotonic clock the session store
 * reads is offset by the same two minutes from the stand-ins', which must not matter either, since
 * only its differences do.
 *
 * <p>The calls run in lockstep rounds, with time moving between rounds only, so a request the server
 * finds expired can only have been sent with an expired token: the scenario expects none, and one
 * refresh per lifetime.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClientClockOffTest {

    private static final int CALLERS = 10;
    private static final int LIFETIMES = 10;
    private static final Duration ROUND = Duration.ofSeconds(1);

    @ParameterizedTest(name = "client clock off by {0} s")
    @ValueSource(longs = {-120, 120})
    void noUnauthorizedAndNoRefreshLoop(long offsetSeconds) {
        Duration clientOffset = Duration.ofSeconds(offsetSeconds);
        Instant clientNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (StandIns standIns = StandIns.builder().clockAt(clientNow.minus(clientOffset)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.offsetFrom(standIns.clock(), clientOffset))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            Instant signedIn = standIns.clock().instant();
            TokenTiming timing = standIns.timing();
            int rounds = Math.toIntExact(timing.lifetimes(LIFETIMES).dividedBy(ROUND));

            CallTally calls = LockstepCalls.run(CALLERS, rounds, () -> standIns.clock().advance(ROUND),
                    () -> todos.todo("1"));

            Duration elapsed = Duration.between(signedIn, standIns.clock().instant());
            ServerLog server = ServerLog.of(standIns.graphQL());
            long refreshes = standIns.refreshes();
            Measured.report("scenario 2 client clock off by " + offsetSeconds + " s", "calls", calls.calls(),
                    "unauthorized_surfaced", calls.failedWith(UnauthorizedException.class), "server_401", server.unauthorized(),
                    "refreshes", refreshes, "allowed", timing.allowed(elapsed.minus(ROUND), elapsed));

            assertEquals(0, calls.failedCount(), calls::describeFailures);
            assertEquals(0, server.unauthorized(), "no request went out with an expired token: " + server);
            assertEquals(calls.calls(), server.executed());
            timing.assertAllows(refreshes, elapsed.minus(ROUND), elapsed);
            assertEquals(refreshes, app.events().count(TokensRefreshed.class));
        }
    }
}
