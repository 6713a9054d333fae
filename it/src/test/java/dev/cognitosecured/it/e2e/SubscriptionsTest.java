package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.app.TodoEvents;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SubscriptionGapException;
import dev.cognitosecured.runtime.event.SubscriptionResumed;
import dev.cognitosecured.runtime.internal.config.Limits;
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
    private static final String OPERATION = "TodoEvents.onAddTodo";

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
            signIn(standIns, app);
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
            List<SubscriptionResumed> resumed = app.events().of(SubscriptionResumed.class);
            System.out.printf("SubscriptionsTest %d subscriber(s): %d SubscriptionResumed events%n", subscribers,
                    resumed.size());
            assertTrue(resumed.size() >= 1, "the subscriptions resumed after the drops: " + client);
            assertTrue(resumed.stream().allMatch(event -> event.gap().isZero() && event.operation().equals(OPERATION)),
                    () -> "every gap took no time on the clock: " + resumed);
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
            signIn(standIns, app);
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
    void signingOutWhileTheClientWaitsOutABackOffEndsTheSubscriptionsAtOnce() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            signIn(standIns, app);
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = subscriptions(app);
            EventCollector collector = new EventCollector();
            app.client(TodoEvents.class).onAddTodo().subscribe(collector);
            assertTrue(graphQL.awaitSubscriptions(1, BOUND));
            await(subscriptions::settled, "the client read the start_ack");
            long failed = subscriptions.counters().failedAttempts();
            graphQL.refuseRealtimeConnections();
            graphQL.dropRealtimeConnections();
            await(() -> subscriptions.counters().failedAttempts() > failed,
                    () -> "the client waits out its back-off: " + subscriptions.counters());

            app.service().logout(); // the clock does not move: the next attempt would never come

            assertInstanceOf(SignInRequiredException.class, collector.awaitFailure(BOUND));
            assertEquals(0, app.events().count(SubscriptionResumed.class));
        }
    }

    @Test
    void aDropBridgedWithinTheGapLimitGoesOnWithOneSubscriptionResumedAndNoError() throws InterruptedException {
        resumedAfterADrop(false);
    }

    @Test
    void aDropBeforeTheClientReadTheStartAckIsAGapToo() throws InterruptedException {
        resumedAfterADrop(true); // the server had started it: events published to it may have been lost
    }

    /**
     * Subscribes (the kit withholding the {@code start_ack} if {@code ackWithheld}), drops the connection while the
     * kit refuses new ones, accepts again once the client's attempt failed and moves the clock 2 s: the subscription
     * goes on, with one {@code SubscriptionResumed} and no error.
     */
    private static void resumedAfterADrop(boolean ackWithheld) throws InterruptedException {
        Duration gap = Duration.ofSeconds(2);
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            signIn(standIns, app);
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = subscriptions(app);
            EventCollector collector = new EventCollector();
            graphQL.withholdStartAcks(ackWithheld);
            app.client(TodoEvents.class).onAddTodo().subscribe(collector);
            assertTrue(graphQL.awaitSubscriptions(1, BOUND));
            if (!ackWithheld) {
                await(subscriptions::settled, "the client read the start_ack");
            }
            long failed = subscriptions.counters().failedAttempts();
            graphQL.refuseRealtimeConnections();

            graphQL.dropRealtimeConnections();
            graphQL.withholdStartAcks(false);
            await(() -> subscriptions.counters().failedAttempts() > failed,
                    () -> "the client saw the drop and its attempt failed: " + subscriptions.counters());
            graphQL.acceptRealtimeConnections();
            standIns.clock().advance(gap); // the client reconnects after its back-off, 2 s after the drop

            app.events().awaitCount(SubscriptionResumed.class, 1);
            await(() -> subscriptions.settled() && graphQL.realtimeCounters().subscriptionsActive() >= 1,
                    () -> "the client is carried again: " + subscriptions.counters() + ", " + graphQL.realtimeCounters());
            publish(graphQL, "after");
            assertTrue(collector.awaitEvents(1, BOUND), () -> "the event after the gap arrived: " + collector.failure());

            assertEquals(List.of("after"), collector.ids(), "the subscription went on");
            assertNull(collector.failure(), "no onError");
            List<SubscriptionResumed> resumed = app.events().of(SubscriptionResumed.class);
            assertEquals(1, resumed.size(), resumed::toString);
            assertEquals("default", resumed.get(0).pool());
            assertEquals(OPERATION, resumed.get(0).operation());
            assertEquals(gap, resumed.get(0).gap(), "the gap on the pool's clock");
            assertEquals(0, subscriptions.counters().gaps());
            assertEquals(1, subscriptions.counters().resumptions());
        }
    }

    @Test
    void aReconnectionThatResumesThreeSubscriptionsLogsOneInfoLine() throws InterruptedException {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Subscriptions.class.getName());
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord entry) {
                if (entry.getMessage().contains("is carried by a new connection")) {
                    logged.add(entry);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level level = logger.getLevel();
        logger.setLevel(java.util.logging.Level.ALL);
        logger.addHandler(recorder);
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            signIn(standIns, app);
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = subscriptions(app);
            for (int i = 0; i < 3; i++) {
                app.client(TodoEvents.class).onAddTodo().subscribe(new EventCollector());
            }
            assertTrue(graphQL.awaitSubscriptions(3, BOUND));
            await(subscriptions::settled, "the client read the start_acks");

            graphQL.dropRealtimeConnections();
            app.events().awaitCount(SubscriptionResumed.class, 3);

            assertEquals(List.of(java.util.logging.Level.INFO, java.util.logging.Level.FINE,
                    java.util.logging.Level.FINE), logged.stream().map(java.util.logging.LogRecord::getLevel).toList(),
                    "one INFO line for the reconnection, DEBUG for the other subscriptions it resumed");
        } finally {
            logger.removeHandler(recorder);
            logger.setLevel(level);
        }
    }

    @Test
    void aDropLongerThanTheGapLimitEndsTheSubscriptionWithAGapNeverSilently() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            SubscriptionGapException gap = gapAfterADrop(standIns, app, Limits.DEFAULT_SUBSCRIPTION_GAP_LIMIT.plus(STEP));

            assertTrue(gap.gap().compareTo(Limits.DEFAULT_SUBSCRIPTION_GAP_LIMIT) > 0, gap::toString);
            assertTrue(gap.getMessage().contains("cognito-secured.graphql.subscription-gap-limit"), gap::getMessage);
            assertEquals(0, app.events().count(SubscriptionResumed.class));
        }
    }

    @Test
    void withAGapLimitOfZeroADropWhileTimePassesEndsTheSubscription() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config("graphql.subscription-gap-limit", "0"),
                        ClientTicker.following(standIns.clock()))) {
            SubscriptionGapException gap = gapAfterADrop(standIns, app, STEP); // an event published now would be lost

            assertTrue(gap.gap().compareTo(Duration.ZERO) > 0, gap::toString);
            assertEquals(0, app.events().count(SubscriptionResumed.class));
        }
    }

    @Test
    void aFirstStartWithinTheLimitIsNoResumptionAndOneBeyondItEndsTheSubscription() throws InterruptedException {
        try (StandIns standIns = StandIns.builder().timing(TokenTiming.of(LIFETIME)).start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            signIn(standIns, app);
            LocalGraphQL graphQL = standIns.graphQL();
            Subscriptions subscriptions = subscriptions(app);
            graphQL.refuseRealtimeConnections();

            EventCollector late = new EventCollector();
            app.client(TodoEvents.class).onAddTodo().subscribe(late);
            await(() -> subscriptions.counters().failedAttempts() >= 1, "the first attempt failed");
            graphQL.acceptRealtimeConnections();
            standIns.clock().advance(Duration.ofSeconds(2));
            await(subscriptions::settled, "the subscription started at last");
            publish(graphQL, "first");
            assertTrue(late.awaitEvents(1, BOUND), () -> "the event arrived: " + late.failure());
            assertEquals(0, app.events().count(SubscriptionResumed.class), "a first start resumes nothing");

            graphQL.refuseRealtimeConnections();
            long failed = subscriptions.counters().failedAttempts();
            graphQL.dropRealtimeConnections();
            await(() -> subscriptions.counters().failedAttempts() > failed, "the next attempt failed");
            EventCollector never = new EventCollector(); // subscribed while no connection can be made
            app.client(TodoEvents.class).onAddTodo().subscribe(never);
            standIns.clock().advance(Limits.DEFAULT_SUBSCRIPTION_GAP_LIMIT.plus(STEP));

            SubscriptionGapException notStarted = assertInstanceOf(SubscriptionGapException.class,
                    never.awaitFailure(BOUND));
            assertEquals(SubscriptionGapException.Reason.NOT_STARTED, notStarted.reason());
            assertTrue(notStarted.gap().compareTo(Limits.DEFAULT_SUBSCRIPTION_GAP_LIMIT) > 0, notStarted::toString);
            assertTrue(notStarted.getMessage().contains("cognito-secured.graphql.realtime-endpoint"),
                    notStarted::getMessage);
            SubscriptionGapException lost = assertInstanceOf(SubscriptionGapException.class, late.awaitFailure(BOUND));
            assertEquals(SubscriptionGapException.Reason.CONNECTION_LOST, lost.reason());
        }
    }

    /** Subscribes, drops the connection while the kit refuses new ones, moves the clock by {@code pause}. */
    private static SubscriptionGapException gapAfterADrop(StandIns standIns, TodoApp app, Duration pause)
            throws InterruptedException {
        signIn(standIns, app);
        LocalGraphQL graphQL = standIns.graphQL();
        EventCollector collector = new EventCollector();
        app.client(TodoEvents.class).onAddTodo().subscribe(collector);
        assertTrue(graphQL.awaitSubscriptions(1, BOUND));
        Subscriptions subscriptions = subscriptions(app);
        await(subscriptions::settled, "the client read the start_ack");
        long failed = subscriptions.counters().failedAttempts();
        graphQL.refuseRealtimeConnections();

        graphQL.dropRealtimeConnections();
        await(() -> subscriptions.counters().failedAttempts() > failed,
                () -> "the client saw the drop and its first attempt failed: " + subscriptions.counters());
        standIns.clock().advance(pause);

        SubscriptionGapException gap = assertInstanceOf(SubscriptionGapException.class, collector.awaitFailure(BOUND));
        assertEquals(SubscriptionGapException.Reason.CONNECTION_LOST, gap.reason());
        return gap;
    }

    private static void signIn(StandIns standIns, TodoApp app) {
        standIns.user("alice");
        app.service().login("alice", StandIns.PASSWORD.toCharArray());
    }

    private static void publish(LocalGraphQL graphQL, String id) {
        graphQL.publish("onAddTodo", Map.of("id", id, "title", "event " + id, "done", false, "owner", "alice"));
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
