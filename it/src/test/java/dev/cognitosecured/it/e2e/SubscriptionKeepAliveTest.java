package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.app.TodoEvents;
import dev.cognitosecured.runtime.internal.realtime.RealtimeCounters;
import dev.cognitosecured.runtime.internal.realtime.Subscriptions;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14: "{@code ka} keep-alives (a connection that misses them is dead)", end to end. Real parts: Weld SE, the
 * AWS SDK to LocalCognito, the JDK's WebSocket to LocalGraphQL's real-time endpoint; one manual clock for the kit
 * and the client. The kit's {@code connection_ack} says {@code connectionTimeoutMs} = 60 s (of the clock); it sends
 * {@code ka} every 20 ms of real time. The client's watchdog measures silence on the manual clock, so only the test
 * moves time, and tokens live an hour so that no token replacement mixes in.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SubscriptionKeepAliveTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KEEP_ALIVE_EVERY = Duration.ofMillis(20);
    private static final Duration STEP = TIMEOUT.dividedBy(4);
    private static final int STEPS = 20; // 5 minutes of clock: five times the connection timeout
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void keepAlivesKeepAQuietConnectionWellPastItsTimeout() throws InterruptedException {
        try (StandIns standIns = standIns();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = signInAndSubscribe(standIns, app);
            EventCollector collector = subscribe(app, graphQL);
            publishAndAwait(graphQL, collector, 0);

            // Only keep-alives arrive while the clock moves 5 minutes, in steps of a quarter of the timeout; before
            // each step, two more ka are sent (the client heard at least the one before them, in order).
            long keepAlivesBefore = graphQL.realtimeCounters().keepAlivesSent();
            for (int step = 0; step < STEPS; step++) {
                long sent = graphQL.realtimeCounters().keepAlivesSent();
                await(() -> graphQL.realtimeCounters().keepAlivesSent() >= sent + 2, () -> "two ka sent: "
                        + graphQL.realtimeCounters());
                standIns.clock().advance(STEP);
                subscriptions.checkNow();
            }
            publishAndAwait(graphQL, collector, 1);

            RealtimeCounters client = subscriptions.counters();
            var server = graphQL.realtimeCounters();
            System.out.printf("SubscriptionKeepAliveTest kept: clock moved %d s (connectionTimeoutMs %d s), %d ka sent,"
                            + " client %s, server %s%n", STEP.multipliedBy(STEPS).toSeconds(), TIMEOUT.toSeconds(),
                    server.keepAlivesSent() - keepAlivesBefore, client, server);
            assertNull(collector.failure(), "no error reached the subscriber");
            assertEquals(List.of("0", "1"), collector.ids(), "events flow on the kept connection");
            assertEquals(0, client.replacements(), "the connection was not replaced: " + client);
            assertEquals(1, client.connectionsOpened(), client::toString);
            assertEquals(0, client.drops(), client::toString);
            assertEquals(1, server.connectionsOpened(), server::toString);
            assertEquals(1, server.connectionsOpen(), server::toString);
            assertEquals(1, server.startsAcknowledged(), server::toString);
            assertEquals(0, server.stops(), server::toString);
            assertTrue(server.keepAlivesSent() - keepAlivesBefore >= 2L * STEPS, server::toString);
        }
    }

    @Test
    void aConnectionThatMissesKeepAlivesIsReplacedMakeBeforeBreakAndLosesNoEvent() throws InterruptedException {
        try (StandIns standIns = standIns();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = signInAndSubscribe(standIns, app);
            EventCollector collector = subscribe(app, graphQL);
            for (int i = 0; i < 3; i++) {
                publishAndAwait(graphQL, collector, i);
            }

            long sent = graphQL.realtimeCounters().keepAlivesSent();
            await(() -> graphQL.realtimeCounters().keepAlivesSent() >= sent + 2, () -> "ka flowed before they stop: "
                    + graphQL.realtimeCounters());
            graphQL.sendKeepAlives(false);
            publishAndAwait(graphQL, collector, 3); // the client has read everything the kit sent so far
            assertEquals(0, subscriptions.counters().replacements(), "not replaced while ka arrived");

            // The connection stays open (pongs answer the client's pings) but says nothing past connectionTimeoutMs.
            standIns.clock().advance(TIMEOUT.plusSeconds(1));
            subscriptions.checkNow();
            int fewestActive = Integer.MAX_VALUE;
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (true) {
                var server = graphQL.realtimeCounters();
                fewestActive = Math.min(fewestActive, server.subscriptionsActive());
                if (subscriptions.counters().replacements() >= 1 && subscriptions.settled()
                        && server.stops() >= 1 && server.connectionsOpen() == 1) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("not replaced within " + BOUND.toSeconds() + " s: "
                            + subscriptions.counters() + ", " + server);
                }
                LockSupport.parkNanos(100_000);
            }

            for (int i = 4; i < 14; i++) {
                publishAndAwait(graphQL, collector, i);
            }

            RealtimeCounters client = subscriptions.counters();
            var server = graphQL.realtimeCounters();
            System.out.printf("SubscriptionKeepAliveTest missed: ka stopped, clock moved %d s past the last message"
                            + " (connectionTimeoutMs %d s), fewest subscriptions active at the kit during the"
                            + " replacement %d, client %s, server %s%n", TIMEOUT.plusSeconds(1).toSeconds(),
                    TIMEOUT.toSeconds(), fewestActive, client, server);
            assertNull(collector.failure(), "no error reached the subscriber");
            assertEquals(IntStream.range(0, 14).mapToObj(Integer::toString).toList(), collector.ids(),
                    "every event once, in order");
            assertTrue(fewestActive >= 1, "the subscription was always started somewhere: make before break");
            assertEquals(1, client.replacements(), "one replacement: " + client);
            assertEquals(2, client.connectionsOpened(), client::toString);
            assertEquals(0, client.failedAttempts(), client::toString);
            assertEquals(0, client.gaps(), client::toString);
            assertEquals(0, client.duplicatesDropped(), client::toString);
            assertEquals(2, server.connectionsOpened(), server::toString);
            assertEquals(1, server.connectionsOpen(), "the old connection closed: " + server);
            assertEquals(2, server.startsAcknowledged(), server::toString);
            assertEquals(1, server.stops(), "the old connection's subscription stopped: " + server);
            assertEquals(1, server.subscriptionsActive(), server::toString);
            assertEquals(14, server.eventsSent(), "no event sent twice: " + server);
        }
    }

    private static StandIns standIns() {
        return StandIns.builder()
                .timing(TokenTiming.of(Duration.ofHours(1)))
                .graphQL(graphQL -> graphQL.connectionTimeout(TIMEOUT).keepAliveInterval(KEEP_ALIVE_EVERY))
                .start();
    }

    private static Subscriptions signInAndSubscribe(StandIns standIns, TodoApp app) {
        standIns.user("alice");
        app.service().login("alice", StandIns.PASSWORD.toCharArray());
        return app.beans().createInstance().select(Subscriptions.class, AuthFlow.Literal.of("default")).get();
    }

    private static EventCollector subscribe(TodoApp app, LocalGraphQL graphQL) throws InterruptedException {
        EventCollector collector = new EventCollector();
        app.client(TodoEvents.class).onAddTodo().subscribe(collector);
        assertTrue(graphQL.awaitSubscriptions(1, BOUND), "the subscription started");
        return collector;
    }

    private static void publishAndAwait(LocalGraphQL graphQL, EventCollector collector, int id)
            throws InterruptedException {
        graphQL.publish("onAddTodo", Map.of("id", Integer.toString(id), "title", "event " + id, "done", false,
                "owner", "alice"));
        assertTrue(collector.awaitEvents(id + 1, BOUND), () -> "event " + id + " arrived; the subscriber has "
                + collector.ids() + ", failure " + collector.failure());
    }

    /** Waits, bounded, for a condition that no callback announces; never a timing wait. */
    private static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what.get());
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
