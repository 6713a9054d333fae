package dev.cognitosecured.runtime.internal.realtime;

import dev.cognitosecured.runtime.SubscriptionGapException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.client.Operation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One subscription as its subscriber sees it: a {@link Flow.Publisher} for one subscriber, which
 * starts the subscription on the principal's connection when subscribed and stops it when cancelled.
 *
 * <p><b>Demand.</b> Events are handed to the subscriber only as far as it requested them; the rest
 * wait in a buffer of {@code capacity} events. An event that finds the buffer full ends the
 * subscription with {@link SubscriptionGapException} ({@code SUBSCRIBER_TOO_SLOW}) after the buffered
 * events: an event is never dropped in silence.
 *
 * <p><b>Switching connections</b> (make-before-break). While the subscription is started on a new
 * connection and not yet stopped on the old one, both carry the events published meanwhile. The
 * events of the old connection are delivered as they come; those of the new one wait, in order, until
 * the old one confirmed the stop ({@code complete}) or closed; then each waiting event identical (as
 * JSON) to one the old connection delivered since the new {@code start} was sent is dropped as a
 * duplicate, once, and the others follow. The fields for this are guarded by the session's lock.
 */
final class EventStream<T> implements Flow.Publisher<T>, Flow.Subscription {

    static final long NOT_BROKEN = Long.MIN_VALUE;

    private final String id = UUID.randomUUID().toString();
    private final Operation<T> operation;
    private final String data;
    private final Jsonb jsonb;
    private final int capacity;
    private final RealtimeSession session;
    private final Duration need;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();
    private Flow.Subscriber<? super T> subscriber;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private long demand;
    private Throwable terminal;
    private boolean done;
    private boolean cancelled;
    private boolean draining;

    // ---- guarded by the session's lock
    /** The connection whose events are delivered. */
    Connection primary;
    /** The connection it is being moved to, whose events wait in {@link #pending}. */
    Connection incoming;
    /** Whether {@link #incoming} acknowledged the start. */
    boolean incomingAcked;
    /** Whether the server ever acknowledged this subscription. */
    boolean acked;
    /** The ticker reading when it was subscribed: until its first {@code start_ack}, its start is bounded from then. */
    long subscribedAt;
    /**
     * The ticker reading since when no connection carries it although one had been asked to (a {@code start}
     * sent there, so events may have been published to it since), or {@link #NOT_BROKEN}.
     */
    long brokenSince = NOT_BROKEN;
    private final List<JsonObject> sinceSwitch = new ArrayList<>();
    private final List<JsonObject> pending = new ArrayList<>();
    /** After a switch, what the old connection delivered that the new one has not sent yet (it is slower). */
    private final List<JsonObject> leftovers = new ArrayList<>();
    private final AtomicLong duplicates;
    private boolean ended;

    EventStream(Operation<T> operation, String data, Jsonb jsonb, int capacity, RealtimeSession session,
            Duration need, AtomicLong duplicates) {
        this.need = need;
        this.duplicates = duplicates;
        this.operation = operation;
        this.data = data;
        this.jsonb = jsonb;
        this.capacity = capacity;
        this.session = session;
    }

    /** How long the connection's token must stay valid for this subscription: the margin of its policy. */
    Duration need() {
        return need;
    }

    String id() {
        return id;
    }

    /** The JSON text of {@code {query, variables}} that a {@code start} carries. */
    String data() {
        return data;
    }

    Operation<T> operation() {
        return operation;
    }

    // ---- Flow.Publisher, Flow.Subscription

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException(operation.name() + ": this publisher has a subscriber"
                    + " already; call the method again for another subscription"));
            return;
        }
        lock.lock();
        try {
            this.subscriber = subscriber;
        } finally {
            lock.unlock();
        }
        subscriber.onSubscribe(this);
        session.add(this);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("request(" + n + "): a subscriber must request a positive number"
                    + " of events (Reactive Streams rule 3.9)"));
            return;
        }
        lock.lock();
        try {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        } finally {
            lock.unlock();
        }
        drain();
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            cancelled = true;
            buffer.clear();
        } finally {
            lock.unlock();
        }
        session.remove(this);
    }

    // ---- what the session does, under its lock (then it calls drain() without it)

    /**
     * An event from {@code from}; returns false if it ended the stream (a full buffer or an event that
     * cannot be bound).
     */
    boolean onData(Connection from, JsonObject payload) {
        if (ended) {
            return true;
        }
        if (from == primary) {
            if (!leftovers.isEmpty() && isDuplicate(leftovers, payload)) {
                return true;
            }
            if (incoming != null) {
                sinceSwitch.add(payload);
            }
            return enqueue(payload);
        }
        if (from == incoming) {
            pending.add(payload);
        }
        return true;
    }

    /**
     * The connection it was started on no longer carries it: broken from {@code now}, unless it was broken
     * already (the gap runs from the first loss until a connection acknowledges it again).
     */
    void notCarriedSince(long now) {
        if (brokenSince == NOT_BROKEN) {
            brokenSince = now;
        }
    }

    /** Starts moving to {@code next}: its events wait until {@link #promote()}. */
    void beginSwitch(Connection next) {
        incoming = next;
        incomingAcked = false;
        sinceSwitch.clear();
        pending.clear();
        leftovers.clear();
    }

    /** The move to {@link #incoming} failed: it carries nothing. */
    void abandonSwitch() {
        incoming = null;
        incomingAcked = false;
        sinceSwitch.clear();
        pending.clear();
    }

    /**
     * The old connection delivered all it will: the new one's waiting events follow, less those the old
     * one delivered already; what the old one delivered and the new one has not sent yet is dropped when
     * it comes. Returns false if the stream ended.
     */
    boolean promote() {
        boolean alive = true;
        for (JsonObject event : pending) {
            if (!isDuplicate(sinceSwitch, event) && alive) {
                alive = enqueue(event);
            }
        }
        List<JsonObject> rest = new ArrayList<>(sinceSwitch);
        primary = incoming;
        abandonSwitch();
        leftovers.addAll(rest);
        return alive;
    }

    /**
     * Whether {@code event}, from the new connection, is one the old one delivered: the new connection
     * sends the same events in the same order, from some point on, so a match drops it and every
     * delivered event before it (published before the new subscription took effect); no match means the
     * new connection is past them all.
     */
    private boolean isDuplicate(List<JsonObject> delivered, JsonObject event) {
        int match = delivered.indexOf(event);
        if (match < 0) {
            delivered.clear();
            return false;
        }
        delivered.subList(0, match + 1).clear();
        duplicates.incrementAndGet();
        return true;
    }

    /** Ends the stream with {@code failure}, after the events already buffered. Returns false if it had ended. */
    boolean end(Throwable failure) {
        if (ended) {
            return false;
        }
        ended = true;
        lock.lock();
        try {
            if (terminal == null) {
                terminal = failure;
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    boolean isEnded() {
        return ended;
    }

    private boolean enqueue(JsonObject payload) {
        T event;
        try {
            event = decode(payload);
        } catch (RuntimeException e) {
            end(new TransportException("GraphQL subscription " + operation.name() + ": an event could not be bound"
                    + " to " + operation.resultType().getTypeName() + " (" + e.getClass().getSimpleName() + ")", e));
            return false;
        }
        if (event == null) {
            return true; // a null event: nothing to hand on (Flow forbids null)
        }
        lock.lock();
        try {
            if (cancelled) {
                return true;
            }
            if (buffer.size() >= capacity) {
                ended = true;
                terminal = new SubscriptionGapException("GraphQL subscription " + operation.name() + ": "
                        + capacity + " events waited for the subscriber, which had not requested them, and one more"
                        + " arrived; the subscription ended. Request more events (Flow.Subscription.request), or"
                        + " hand them to a queue of your own.", SubscriptionGapException.Reason.SUBSCRIBER_TOO_SLOW,
                        Duration.ZERO);
                return false;
            }
            buffer.add(event);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private T decode(JsonObject payload) {
        JsonValue dataValue = payload.get("data");
        if (!(dataValue instanceof JsonObject dataObject)) {
            if (payload.get("errors") != null) {
                throw new IllegalArgumentException("an event with errors and no data");
            }
            return null;
        }
        JsonValue value = operation.rootField().<JsonValue>map(dataObject::get).orElse(dataObject);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            T bound = (T) jsonb.fromJson(value.toString(), operation.resultType());
            return bound;
        } catch (JsonbException e) {
            throw new IllegalArgumentException("JSON-B could not bind it", e);
        }
    }

    /** Hands buffered events to the subscriber as far as it requested them, then the end. Never under the session's lock. */
    void drain() {
        lock.lock();
        try {
            if (draining || subscriber == null) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        while (true) {
            T next = null;
            Throwable failure = null;
            Flow.Subscriber<? super T> target;
            lock.lock();
            try {
                target = subscriber;
                if (cancelled || done) {
                    draining = false;
                    return;
                }
                if (demand > 0 && !buffer.isEmpty()) {
                    next = buffer.poll();
                    demand--;
                } else if (buffer.isEmpty() && terminal != null) {
                    failure = terminal;
                    done = true;
                } else {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (next != null) {
                try {
                    target.onNext(next);
                } catch (RuntimeException e) {
                    // Rule 2.13: a subscriber that throws is cancelled, and the error is raised as the runtime
                    // can: logged, by class only (its message may quote the event).
                    System.getLogger(EventStream.class.getName()).log(System.Logger.Level.WARNING, () -> "The"
                            + " subscriber of GraphQL subscription " + operation.name() + " threw "
                            + e.getClass().getName() + " from onNext; the subscription is cancelled (Reactive Streams"
                            + " rule 2.13). Catch what onNext throws to keep receiving events.");
                    cancel();
                }
            } else if (failure instanceof CompletedNormally) {
                target.onComplete();
            } else {
                target.onError(failure);
            }
        }
    }

    /** Ends the stream with {@code onComplete}, after the buffered events. */
    boolean complete() {
        return end(new CompletedNormally());
    }

    /** The marker of a normal end. */
    private static final class CompletedNormally extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompletedNormally() {
            super("completed", null, false, false);
        }
    }

    /** Fails the stream from outside the session (a bad request): ends it and stops it at the server. */
    private void fail(Throwable failure) {
        session.endStream(this, failure);
    }

    @Override
    public String toString() {
        return "EventStream[" + operation.name() + "]";
    }
}
