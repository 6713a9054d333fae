package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.app.TodoEvents;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SubscriptionGapException;
import dev.cognitosecured.runtime.internal.realtime.RealtimeCounters;
import dev.cognitosecured.runtime.internal.realtime.Subscriptions;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14: subscriptions that outlive the token and lose no event. Real parts throughout: Weld SE, the AWS SDK
 * to LocalCognito, the JDK's WebSocket to LocalGraphQL's real-time endpoint (which ends a subscription whose
 * token expires, as AppSync does by Amplify's account), one manual clock for all.
 *
 * <p>Tokens live 10 s; an event is published every 50 ms of the kit's clock for 20 lifetimes (4,000 events), and
 * every 3 s the kit drops every real-time connection without a close frame. The test waits for each event before
 * it moves the clock, and for the client to be connected again after a drop before it publishes (no time passes
 * on the clock meanwhile, so no event can be missed: AppSync keeps none). Every subscriber must receive every
 * event exactly once and in order, with no error; the connection is replaced before each token expires.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SubscriptionsTest {

    private static final Duration LIFETIME = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofMillis(50);
    private static final int EVENTS = (int) (LIFETIME.multipliedBy(20).toMillis() / STEP.toMillis());
    private static final int DROP_EVERY = (int) (Duration.ofSeconds(3).toMillis() / STEP.toMillis());
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void oneSubscriptionGetsEveryEventOnceAndInOrderAcrossTokenExpiriesAndDrops() throws InterruptedException {
        run(1);
    }

    @Test
    void aHundredSubscriptionsOnOneConnectionGetEveryEventOnceAndInOrder() throws InterruptedException {
        run(100);
    }

    private void run(int subscribers) throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = subscriptions(app);
            TodoEvents events = app.client(TodoEvents.class);
            List<EventCollector> collectors = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                EventCollector collector = new EventCollector();
                events.onAddTodo().subscribe(collector);
                collectors.add(collector);
            }
            assertTrue(graphQL.awaitSubscriptions(subscribers, BOUND), "the subscriptions started");
            graphQL.clearRealtimeCounters();
            long started = System.nanoTime();

            int drops = 0;
            for (int i = 0; i < EVENTS; i++) {
                graphQL.publish("onAddTodo", Map.of("id", Integer.toString(i), "title", "event " + i, "done", false,
                        "owner", "alice"));
                int event = i;
                for (EventCollector collector : collectors) {
                    assertTrue(collector.awaitEvents(event + 1, BOUND), () -> "event " + event + " arrived; the subscriber"
                            + " has " + collector.ids().size() + ", failure " + collector.failure());
                }
                standIns.clock().advance(STEP);
                await(subscriptions::settled, "the client's connection is settled");
                if ((i + 1) % DROP_EVERY == 0) {
                    long opened = subscriptions.counters().connectionsOpened();
                    drops += graphQL.dropRealtimeConnections();
                    await(() -> subscriptions.counters().connectionsOpened() > opened && subscriptions.settled()
                            && graphQL.realtimeCounters().subscriptionsActive() >= subscribers,
                            () -> "the client connected again: " + subscriptions.counters() + ", settled "
                                    + subscriptions.settled() + ", " + graphQL.realtimeCounters());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            RealtimeCounters client = subscriptions.counters();
            var server = graphQL.realtimeCounters();
            System.out.printf("SubscriptionsTest %d subscriber(s): %d events published, %d data messages sent by the"
                            + " server, %d received per subscriber, %d duplicates dropped, %d connections dropped by the"
                            + " server, %d connections opened by the client (%d replaced before their token expired, %d"
                            + " after a drop), %d starts acknowledged, %d stops, %d gaps, in %d ms%n",
                    subscribers, EVENTS, server.eventsSent(), collectors.get(0).ids().size(),
                    client.duplicatesDropped(), drops, client.connectionsOpened(), client.replacements(),
                    client.drops(), server.startsAcknowledged(), server.stops(), client.gaps(), took.toMillis());

            List<String> expected = IntStream.range(0, EVENTS).mapToObj(Integer::toString).toList();
            for (EventCollector collector : collectors) {
                assertNull(collector.failure(), "no error reached a subscriber");
                assertEquals(expected, collector.ids(), "every event once, in order");
            }
            assertEquals(0, client.gaps(), "no gap");
            assertEquals(0, server.subscriptionsEndedAtExpiry(), "no subscription outlived its token");
            assertTrue(client.replacements() >= 19, "the connection was replaced before each token expired: "
                    + client);
            assertTrue(drops >= EVENTS / DROP_EVERY, "the server dropped the connection every 3 s: " + drops);
        }
    }

    @Test
    void signingOutEndsEverySubscriptionWithSignInRequired() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            TodoEvents events = app.client(TodoEvents.class);
            List<EventCollector> collectors = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                EventCollector collector = new EventCollector();
                events.onAddTodo().subscribe(collector);
                collectors.add(collector);
            }
            assertTrue(standIns.graphQL().awaitSubscriptions(3, BOUND));

            app.service().logout();

            for (EventCollector collector : collectors) {
                assertInstanceOf(SignInRequiredException.class, collector.awaitFailure(BOUND));
            }
            await(() -> standIns.graphQL().realtimeCounters().connectionsOpen() == 0,
                    () -> "the connection closed: " + standIns.graphQL().realtimeCounters());
        }
    }

    @Test
    void aDropWhileTimePassesEndsTheSubscriptionWithAGapNeverSilently() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            LocalGraphQL graphQL = standIns.graphQL();
            EventCollector collector = new EventCollector();
            app.client(TodoEvents.class).onAddTodo().subscribe(collector);
            assertTrue(graphQL.awaitSubscriptions(1, BOUND));
            graphQL.refuseRealtimeConnections();

            graphQL.dropRealtimeConnections();
            standIns.clock().advance(STEP); // an event published now would be lost

            SubscriptionGapException gap = assertInstanceOf(SubscriptionGapException.class,
                    collector.awaitFailure(BOUND));
            assertEquals(SubscriptionGapException.Reason.CONNECTION_LOST, gap.reason());
            assertTrue(gap.gap().compareTo(Duration.ZERO) > 0, gap::toString);
        }
    }

    private static Subscriptions subscriptions(TodoApp app) {
        return app.beans().createInstance().select(Subscriptions.class, AuthFlow.Literal.of("default")).get();
    }

    /** Waits, bounded, for a condition of the client or the kit that no callback announces; never a timing wait. */
    private static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what.get());
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
