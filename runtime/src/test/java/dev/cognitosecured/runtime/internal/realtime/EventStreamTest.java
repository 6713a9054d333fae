package dev.cognitosecured.runtime.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SubscriptionGapException;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.internal.store.RefreshBackoff;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One subscription's publisher without a network: demand, the bounded buffer, and the switch from
 * one connection to the next with its duplicates dropped. The store never answers, so no connection
 * is ever opened; the test plays the session's part (it is single-threaded, so the lock is moot).
 */
class EventStreamTest {

    private static final Operation<TodoEvent> ON_ADD = Operation.subscription("TodoApi.onAdd",
            "subscription OnAdd { onAdd { id } }").rootField("onAdd").policy(CallPolicy.accessToken()).returning(TodoEvent.class);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final Subscriptions pool = new Subscriptions("default", URI.create("ws://127.0.0.1:9/graphql/realtime"),
            "127.0.0.1:9", "", jsonb, clock::get, Duration.ofSeconds(1), RefreshBackoff.standard(), 3);
    private final SessionStore silentStore = (SessionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SessionStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "tokensAsync" -> new CompletableFuture<Tokens>();
                case "pool" -> "default";
                case "toString" -> "silent store";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final RealtimeSession session = new RealtimeSession(pool, silentStore, TokenKind.ACCESS);
    private final Tokens tokens = Tokens.of("a", "i", Optional.empty(), Duration.ofSeconds(10), "u");
    private final Connection first = new Connection(1, tokens, clock::get, Duration.ofSeconds(1), session);
    private final Connection second = new Connection(2, tokens, clock::get, Duration.ofSeconds(1), session);

    @AfterEach
    void close() throws Exception {
        pool.close();
        jsonb.close();
    }

    @Test
    void eventsWaitForDemand() {
        Recorder recorder = new Recorder();
        EventStream<TodoEvent> stream = subscribed(recorder);
        stream.primary = first;

        stream.onData(first, event("1"));
        stream.onData(first, event("2"));
        stream.drain();
        assertEquals(List.of(), recorder.ids());

        recorder.subscription.request(1);
        assertEquals(List.of("1"), recorder.ids());
        recorder.subscription.request(5);
        assertEquals(List.of("1", "2"), recorder.ids());
        assertNull(recorder.failure);
    }

    @Test
    void aFullBufferEndsTheSubscriptionAfterTheBufferedEventsNeverSilently() {
        Recorder recorder = new Recorder();
        EventStream<TodoEvent> stream = subscribed(recorder);
        stream.primary = first;

        for (int i = 1; i <= 4; i++) {
            stream.onData(first, event(String.valueOf(i)));
        }
        recorder.subscription.request(10);

        assertEquals(List.of("1", "2", "3"), recorder.ids());
        SubscriptionGapException gap = assertInstanceOf(SubscriptionGapException.class, recorder.failure);
        assertEquals(SubscriptionGapException.Reason.SUBSCRIBER_TOO_SLOW, gap.reason());
    }

    @Test
    void switchingConnectionsDeliversEachEventOnceAndInOrder() {
        Recorder recorder = new Recorder();
        EventStream<TodoEvent> stream = subscribed(recorder);
        recorder.subscription.request(Long.MAX_VALUE);
        stream.primary = first;
        stream.onData(first, event("0"));

        stream.beginSwitch(second);
        stream.onData(second, event("2")); // the new connection is ahead: its events wait
        stream.onData(first, event("1")); // published before the new start took effect
        stream.onData(first, event("2"));
        stream.onData(second, event("3"));
        stream.drain();
        assertEquals(List.of("0", "1", "2"), recorder.ids());

        assertTrue(stream.promote());
        assertEquals(1, duplicates.get(), "one duplicate dropped");
        stream.drain();
        assertEquals(List.of("0", "1", "2", "3"), recorder.ids());

        stream.onData(first, event("4")); // a late event of the stopped connection is ignored
        stream.onData(second, event("4"));
        stream.drain();
        assertEquals(List.of("0", "1", "2", "3", "4"), recorder.ids());
    }

    @Test
    void anAbandonedSwitchDropsWhatTheFailedConnectionSent() {
        Recorder recorder = new Recorder();
        EventStream<TodoEvent> stream = subscribed(recorder);
        recorder.subscription.request(Long.MAX_VALUE);
        stream.primary = first;
        stream.beginSwitch(second);
        stream.onData(second, event("1"));
        stream.abandonSwitch();
        stream.onData(first, event("1"));
        stream.drain();
        assertEquals(List.of("1"), recorder.ids());
    }

    @Test
    void aSecondSubscriberIsRefused() {
        EventStream<TodoEvent> stream = subscribed(new Recorder());
        Recorder second = new Recorder();
        stream.subscribe(second);
        assertInstanceOf(IllegalStateException.class, second.failure);
    }

    private EventStream<TodoEvent> subscribed(Recorder recorder) {
        EventStream<TodoEvent> stream = new EventStream<>(ON_ADD, "{}", jsonb, 3, session, Duration.ZERO, duplicates);
        stream.subscribe(recorder);
        return stream;
    }

    private static JsonObject event(String id) {
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("onAdd", Json.createObjectBuilder().add("id", id))).build();
    }

    static final class Recorder implements Flow.Subscriber<TodoEvent> {
        final List<TodoEvent> events = new ArrayList<>();
        Flow.Subscription subscription;
        Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(TodoEvent item) {
            events.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
        }

        @Override
        public void onComplete() {
        }

        List<String> ids() {
            return events.stream().map(TodoEvent::id).toList();
        }
    }

}
