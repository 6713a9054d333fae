package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.SlowNetworkApi;
import dev.cognitosecured.runtime.client.CallMargin;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.Latency;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The slow network of issue 11: 20 callers, 10-second tokens, {@code refreshSkew = "5s"},
 * {@code retryOnUnauthorized = 1}, and a GraphQL server that waits 4 to 6 seconds in flight before it
 * checks {@code exp}. Time is the stand-ins' {@link ManualClock}, moved by {@link SimulatedLatency}
 * whenever every caller waits at the server, over twelve token lifetimes. No call may surface an
 * error; the margin learned from the slow attempts keeps the first attempts from going out with a
 * token that would expire in flight, so the server should send no expiry 401 at all.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SlowNetworkTest {

    private static final int CALLERS = 20;
    private static final TokenTiming TIMING = TokenTiming.of(Duration.ofSeconds(10));
    private static final Duration SPAN = TIMING.lifetimes(12);
    private static final Latency IN_FLIGHT = Latency.between(Duration.ofSeconds(4), Duration.ofSeconds(6));

    @Test
    void noCallFailsAndNoTokenExpiresInFlight() throws InterruptedException {
        ManualClock clock = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        SimulatedLatency latency = new SimulatedLatency(clock, CALLERS);
        try (StandIns standIns = StandIns.builder().clock(clock).timing(TIMING).latency(IN_FLIGHT)
                .latencyWait(latency).start()) {
            run(standIns, latency);
        }
    }

    private static void run(StandIns standIns, SimulatedLatency latency) throws InterruptedException {
        ManualClock clock = standIns.clock();
        try (TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(clock))) {
            standIns.user("alice");
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            SlowNetworkApi api = app.client(SlowNetworkApi.class);
            long wallStart = System.nanoTime();
            Instant start = clock.instant();
            Instant end = start.plus(SPAN);

            CallTally tally = new CallTally();
            AtomicLong slowestCall = new AtomicLong();
            ExecutorService threads = Threads.platform("slow-caller", CALLERS);
            try {
                List<Future<?>> loops = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    String id = Integer.toString(i);
                    loops.add(threads.submit(() -> {
                        try {
                            while (clock.instant().isBefore(end)) {
                                Instant sent = clock.instant();
                                tally.run(() -> api.hello(id));
                                slowestCall.accumulateAndGet(Duration.between(sent, clock.instant()).toNanos(), Math::max);
                            }
                        } finally {
                            latency.callerDone();
                        }
                    }));
                }
                while (latency.advanceWhenAllWait()) {
                    // each round moves the clock to the next request due at the server
                }
                for (Future<?> loop : loops) {
                    Threads.await(loop, "a caller");
                }
            } finally {
                Threads.stop(threads);
            }
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);

            ServerLog server = ServerLog.of(standIns.graphQL());
            CallMargin margin = app.margin();
            Measured.report("slow network (issue 11)", "callers", CALLERS, "token_lifetime_s",
                    TIMING.lifetime().toSeconds(), "latency_s", "4-6", "simulated_s", SPAN.toSeconds(),
                    "calls", tally.calls(), "surfaced", tally.failedCount(), "expiry_401", server.expired(),
                    "other_401", server.invalid(), "executed", server.executed(), "refreshes", standIns.refreshes(),
                    "slowest_call_ms", TimeUnit.NANOSECONDS.toMillis(slowestCall.get()),
                    "learned_margin_ms", margin.learned().toMillis(), "wall_ms", wallMillis);

            assertEquals(0, tally.failedCount(), tally::describeFailures);
            assertTrue(tally.calls() >= CALLERS * SPAN.toSeconds() / 6, "every caller kept calling: " + tally);
            assertEquals(0, server.expired(), "no token expired in flight");
            assertEquals(0, server.invalid());
            assertTrue(margin.learned().compareTo(Duration.ofMillis(6250)) >= 0,
                    "the margin covers the slow attempts: " + margin);
            // a token serves until less than the margin (at most 7.5 s of its 9 s) is left: one refresh per token
            long mostRefreshes = SPAN.toMillis() / Duration.ofMillis(9_000 - 7_500).toMillis() + 2;
            assertTrue(standIns.refreshes() <= mostRefreshes, standIns.refreshes() + " refreshes");
        }
    }
}
