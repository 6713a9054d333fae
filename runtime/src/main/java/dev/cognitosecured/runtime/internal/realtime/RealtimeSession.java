package dev.cognitosecured.runtime.internal.realtime;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SubscriptionGapException;
import dev.cognitosecured.runtime.internal.graphql.GraphQLErrorReader;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Ended;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Idle;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Open;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Opening;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Replacing;
import dev.cognitosecured.runtime.internal.realtime.ConnectionState.Waiting;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real-time connection of one principal (one {@link SessionStore} instance) and one token kind,
 * multiplexing its subscriptions; its states and transitions are in {@link ConnectionState}. State and
 * the subscriptions' connection fields change under one lock; subscribers are called without it.
 */
final class RealtimeSession implements Connection.Handler {

    private final Subscriptions pool;
    private final SessionStore store;
    private final TokenKind kind;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, EventStream<?>> streams = new LinkedHashMap<>();
    /** Old connections waiting for the {@code complete} of the subscriptions stopped on them. */
    private final Map<Connection, Set<String>> stopping = new LinkedHashMap<>();
    /** How long a live connection may be silent, in real time, before a ping checks that it is still there. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(1);

    private ConnectionState state = new Idle();

    private long attempts;
    /** The connection of the attempt in flight, once open. */
    private Connection attemptConnection;
    /** The connection that last carried a broken subscription again: its first resumption is logged at INFO. */
    private Connection lastResumedOn;
    /** Resumptions decided under the lock, announced after it ({@link #announceResumptions()}). */
    private final List<Resumption> resumed = new ArrayList<>();
    private Duration need = Duration.ZERO;

    RealtimeSession(Subscriptions pool, SessionStore store, TokenKind kind) {
        this.pool = pool;
        this.store = store;
        this.kind = kind;
    }

    ConnectionState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether nothing is in flight: a live connection (or none needed) that carries every subscription,
     * each acknowledged there, and no switch to a new connection unfinished.
     */
    boolean settled() {
        lock.lock();
        try {
            if (state instanceof Idle || state instanceof Ended) {
                return true;
            }
            return state instanceof Open && streams.values().stream().allMatch(stream -> stream.acked
                    && stream.brokenSince == EventStream.NOT_BROKEN && stream.incoming == null);
        } finally {
            lock.unlock();
        }
    }

    // ---- subscriptions come and go

    void add(EventStream<?> stream) {
        Duration margin = stream.need();
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            if (state instanceof Ended ended) {
                stream.end(ended.why());
                touched.add(stream);
            } else {
                stream.subscribedAt = pool.ticker().read();
                streams.put(stream.id(), stream);
                if (margin.compareTo(need) > 0) {
                    need = margin;
                }
                if (state instanceof Idle) {
                    pool.attach(this, store, kind);
                    beginAttempt(0, Optional.empty());
                } else if (state instanceof Open open) {
                    startFresh(open.live(), stream);
                } else if (state instanceof Replacing replacing) {
                    startFresh(replacing.live(), stream);
                }
                // Opening, Waiting: the next attempt starts it
            }
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
    }

    /** The subscriber cancelled: stop the subscription at the server. */
    void remove(EventStream<?> stream) {
        lock.lock();
        try {
            stream.end(new IllegalStateException("cancelled"));
            detach(stream);
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@code stream} with {@code failure} and stops it at the server. */
    void endStream(EventStream<?> stream, Throwable failure) {
        lock.lock();
        try {
            stream.end(failure);
            detach(stream);
        } finally {
            lock.unlock();
        }
        stream.drain();
    }

    private void detach(EventStream<?> stream) {
        if (streams.remove(stream.id()) == null) {
            return;
        }
        if (stream.primary != null && !stream.primary.isClosed()) {
            stream.primary.stop(stream.id());
        }
        if (stream.incoming != null && !stream.incoming.isClosed()) {
            stream.incoming.stop(stream.id());
        }
        if (streams.isEmpty() && !(state instanceof Ended)) {
            closeAll();
            state = new Idle();
            attempts++; // an attempt in flight is abandoned
            pool.idle(this);
        }
    }

    // ---- the pool's poll, and after every event: decisions on the ticker

    void check() {
        List<EventStream<?>> touched = new ArrayList<>();
        Connection live = null;
        lock.lock();
        try {
            long now = pool.ticker().read();
            endOverdueStreams(now, touched);
            if (state instanceof Waiting waiting && now - waiting.retryAt() >= 0 && !streams.isEmpty()) {
                beginAttempt(waiting.failures(), Optional.empty());
            } else if (state instanceof Open open) {
                if (now - open.retryAt() >= 0) { // after failed replacements, not before their back-off
                    startOrphans(open.live());
                    if (now - open.live().lastHeard() > open.live().timeoutNanos()) {
                        replace(open, Optional.empty());
                    } else {
                        live = open.live();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
        if (live != null) {
            live.probe(PROBE_AFTER);
            checkTokens(live);
        } else {
            endIfSignedOut(); // between connections too: a sign-out does not wait for the next attempt
        }
    }

    /**
     * Ends every subscription with the store's {@link SignInRequiredException} if the principal is no longer
     * signed in (signed out, refresh token revoked, scope ended). Without a live connection this is asked at every
     * poll, so that a sign-out during a back-off ends the subscriptions at once rather than at the next attempt.
     */
    private void endIfSignedOut() {
        if (state() instanceof Ended || store.isSignedIn()) {
            return;
        }
        CompletionStage<Tokens> tokens;
        try {
            tokens = store.tokensAsync(Duration.ZERO); // fails at once with the store's reason
        } catch (RuntimeException e) {
            tokens = CompletableFuture.failedFuture(e);
        }
        tokens.whenComplete((ok, failure) -> {
            if (failure != null && unwrap(failure) instanceof SignInRequiredException ended) {
                end(ended);
            }
        });
    }

    /** Whether the store's tokens for the margin are still {@code live}'s; if not, replace it with them. */
    private void checkTokens(Connection live) {
        CompletionStage<Tokens> tokens;
        try {
            tokens = store.tokensAsync(need);
        } catch (RuntimeException e) {
            tokens = CompletableFuture.failedFuture(e);
        }
        tokens.whenComplete((fresh, failure) -> {
            if (failure != null) {
                if (unwrap(failure) instanceof SignInRequiredException ended) {
                    end(ended);
                }
                return; // the store backs off on its own; the next check asks again
            }
            lock.lock();
            try {
                if (state instanceof Open open && open.live() == live
                        && !token(fresh).equals(token(live.tokens()))) {
                    replace(open, Optional.of(fresh));
                }
            } finally {
                lock.unlock();
            }
        });
    }

    private void endOverdueStreams(long now, List<EventStream<?>> touched) {
        for (EventStream<?> stream : List.copyOf(streams.values())) {
            if (endIfOverdue(stream, now)) {
                touched.add(stream);
            }
        }
    }

    /** Started on the live connection: each subscription that lost its connection and no attempt will start. */
    private void startOrphans(Connection live) {
        for (EventStream<?> stream : List.copyOf(streams.values())) {
            if (stream.primary == null && stream.incoming == null) {
                startFresh(live, stream);
            }
        }
    }

    /** Ends {@code stream} if it waited for a connection longer than the {@link GapRules} allow; returns whether. */
    private boolean endIfOverdue(EventStream<?> stream, long now) {
        Optional<SubscriptionGapException> overdue = pool.gapRules().overdue(stream, now);
        if (overdue.isEmpty()) {
            return false;
        }
        pool.counters().gaps.incrementAndGet();
        stream.end(overdue.get());
        detach(stream);
        return true;
    }

    private void replace(Open open, Optional<Tokens> tokens) {
        pool.counters().replacements.incrementAndGet();
        long attempt = beginAttempt(open.failures(), tokens);
        state = new Replacing(open.live(), attempt, open.failures());
    }

    // ---- attempts

    /** Starts an attempt (under the lock); the state becomes {@code Opening} (callers replacing override it). */
    private long beginAttempt(int failures, Optional<Tokens> known) {
        long attempt = ++attempts;
        attemptConnection = null;
        state = new Opening(attempt, failures);
        Duration margin = need;
        CompletionStage<Tokens> tokens;
        if (known.isPresent()) {
            tokens = CompletableFuture.completedFuture(known.get());
        } else {
            try {
                tokens = store.tokensAsync(margin);
            } catch (RuntimeException e) {
                tokens = CompletableFuture.failedFuture(e);
            }
        }
        tokens.thenCompose(fresh -> pool.open(fresh, token(fresh), this))
                .thenCompose(connection -> {
                    lock.lock();
                    try {
                        if (attempt == attempts) {
                            attemptConnection = connection;
                        }
                    } finally {
                        lock.unlock();
                    }
                    return startAll(connection, attempt);
                })
                .whenComplete((connection, failure) -> attemptDone(attempt, connection, failure));
        return attempt;
    }

    /** Starts, on {@code connection}, every subscription not started there yet, until none is left. */
    private CompletableFuture<Connection> startAll(Connection connection, long attempt) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        lock.lock();
        try {
            if (attempt != attempts) {
                return CompletableFuture.failedFuture(new RealtimeFailure("the attempt was abandoned", null));
            }
            for (EventStream<?> stream : streams.values()) {
                if (stream.primary == connection || stream.incoming == connection) {
                    continue;
                }
                boolean switching = stream.primary != null && !stream.primary.isClosed() && stream.acked;
                if (switching) {
                    stream.beginSwitch(connection);
                } else {
                    stream.primary = connection;
                }
                acks.add(connection.start(stream.id(), startMessage(stream, connection))
                        .handle((ok, failure) -> {
                            afterStart(connection, stream, switching, failure, false);
                            if (failure != null && !refusedForItsContent(failure)) {
                                throw new CompletionException(unwrap(failure)); // the attempt fails as a whole
                            }
                            return null;
                        }));
            }
        } finally {
            lock.unlock();
        }
        if (acks.isEmpty()) {
            return CompletableFuture.completedFuture(connection);
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .thenCompose(done -> {
                    if (connection.isClosed()) {
                        return CompletableFuture.failedFuture(new RealtimeFailure("the connection closed", null));
                    }
                    return startAll(connection, attempt);
                });
    }

    /** A subscribed stream started on the live connection. */
    private void startFresh(Connection live, EventStream<?> stream) {
        stream.primary = live;
        live.start(stream.id(), startMessage(stream, live))
                .whenComplete((ok, failure) -> afterStart(live, stream, false, failure, true));
    }

    /**
     * What a {@code start_ack} or its failure means for {@code stream} on {@code connection}; {@code fresh}
     * for a start on the live connection, outside an attempt.
     */
    private void afterStart(Connection connection, EventStream<?> stream, boolean switching, Throwable failure,
            boolean fresh) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            if (stream.isEnded() || !streams.containsKey(stream.id())) {
                return;
            }
            Throwable cause = failure == null ? null : unwrap(failure);
            if (cause instanceof Connection.Refused refused && !refused.unauthorized()) {
                stream.end(new GraphQLErrorsException("subscription " + stream.operation().name(),
                        GraphQLErrorReader.read(errors(refused.payload()), token(connection.tokens())),
                        Optional.empty()));
                touched.add(stream);
                detach(stream);
                return;
            }
            if (cause != null) {
                boolean refused = cause instanceof Connection.Refused;
                if (stream.primary == connection && (fresh || refused)) {
                    stream.primary = null;
                    if (!refused) { // no answer in time: the server may have started it there
                        stream.notCarriedSince(pool.ticker().read());
                    }
                }
                if (fresh && state instanceof Open open && open.live() == connection) {
                    replace(open, Optional.empty()); // the live connection refused the token or failed
                }
                return; // in an attempt: the attempt fails as a whole (attemptDone)
            }
            if (switching && stream.incoming != connection) {
                switching = false; // the old connection dropped meanwhile: this one carries it now
            }
            if (switching) {
                stream.incomingAcked = true;
                if (liveConnection() == connection) {
                    finishSwitch(stream);
                    touched.add(stream);
                }
                return;
            }
            if (stream.primary != connection) {
                return; // acknowledged by a connection that lost it meanwhile: it is broken, not carried
            }
            long now = pool.ticker().read();
            if (endIfOverdue(stream, now)) {
                touched.add(stream);
                return;
            }
            if (stream.brokenSince != EventStream.NOT_BROKEN) {
                resume(stream, connection, now);
            }
            stream.acked = true;
        } finally {
            lock.unlock();
            touched.forEach(EventStream::drain);
            announceResumptions();
        }
    }

    private void attemptDone(long attempt, Connection connection, Throwable failure) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            Connection opened = connection != null ? connection : attemptConnection;
            if (attempt != attempts || state instanceof Ended || state instanceof Idle) {
                if (opened != null && liveConnection() != opened) {
                    opened.close();
                }
                return;
            }
            attemptConnection = null;
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof SignInRequiredException ended) {
                    endLocked(ended, touched);
                    return;
                }
                long now = pool.ticker().read();
                for (EventStream<?> stream : streams.values()) {
                    if (stream.incoming == opened && opened != null) {
                        stream.abandonSwitch();
                    }
                    if (stream.primary == opened && opened != null) {
                        // acknowledged there, or not answered before it closed or timed out: the server may have
                        // started it (a refused start left it already)
                        stream.primary = null;
                        stream.notCarriedSince(now);
                    }
                }
                if (opened != null) {
                    opened.close();
                }
                int failures = failuresOf(state) + 1;
                long retryAt = pool.ticker().read() + pool.backoff().delayAfter(failures);
                if (state instanceof Replacing replacing) {
                    state = new Open(replacing.live(), failures, retryAt);
                } else {
                    state = new Waiting(failures, retryAt);
                }
                // Counted once the retry time is set: whoever sees the count (a test moving a manual clock) sees
                // a back-off measured from the clock as it was when the attempt failed.
                pool.counters().failedAttempts.incrementAndGet();
                return;
            }
            install(connection);
        } finally {
            lock.unlock();
            touched.forEach(EventStream::drain);
            announceResumptions();
        }
    }

    /** The attempt's connection carries every subscription: it becomes the live one, the old one is stopped. */
    private void install(Connection connection) {
        Connection old = liveConnection();
        state = new Open(connection, 0, pool.ticker().read());
        pool.counters().connectionsOpened.incrementAndGet();
        for (EventStream<?> stream : List.copyOf(streams.values())) {
            if (stream.incoming == connection) {
                if (stream.incomingAcked) {
                    finishSwitch(stream);
                }
            } else if (stream.primary != connection) { // subscribed while the attempt ran
                if (stream.primary != null && !stream.primary.isClosed() && stream.acked) {
                    stream.beginSwitch(connection);
                    connection.start(stream.id(), startMessage(stream, connection))
                            .whenComplete((ok, failure) -> afterStart(connection, stream, true, failure, false));
                } else {
                    startFresh(connection, stream);
                }
            }
        }
        if (old != null && old != connection) {
            closeWhenDone(old);
            pool.schedule(() -> giveUpWaitingFor(old), pool.connectTimeout());
        }
    }

    /** {@code stream} runs on the new live connection: stop it on the old one. */
    private void finishSwitch(EventStream<?> stream) {
        Connection old = stream.primary;
        if (old == null || old.isClosed()) {
            promoteAfterLoss(stream); // the old connection ended before it could confirm a stop
            return;
        }
        stopping.computeIfAbsent(old, c -> new HashSet<>()).add(stream.id());
        old.stop(stream.id());
    }

    private void promote(EventStream<?> stream) {
        if (!stream.promote()) {
            detach(stream);
        }
    }

    /**
     * The old connection of {@code stream} closed, or never confirmed its stop, while the new one had
     * acknowledged the subscription: the new one carries it, but the old one may have died unnoticed before
     * the new one's start, taking the events published in between. Promoted, and announced as a resumption.
     * (An old connection that answers, with {@code complete} or an {@code error}, delivered all it had.)
     */
    private void promoteAfterLoss(EventStream<?> stream) {
        Connection next = stream.incoming;
        promote(stream);
        if (!stream.isEnded()) {
            long now = pool.ticker().read();
            stream.notCarriedSince(now);
            resume(stream, next, now);
        }
    }

    /** {@code stream}, broken, is carried by {@code connection} again at {@code now}: announced after the lock. */
    private void resume(EventStream<?> stream, Connection connection, long now) {
        resumed.add(new Resumption(stream.operation().name(), Duration.ofNanos(Math.max(0, now - stream.brokenSince)),
                lastResumedOn != connection));
        lastResumedOn = connection;
        pool.counters().resumptions.incrementAndGet();
        stream.brokenSince = EventStream.NOT_BROKEN;
    }

    /** Fires the resumptions decided so far; outside the lock, since an observer may subscribe or call. */
    private void announceResumptions() {
        List<Resumption> now;
        lock.lock();
        try {
            if (resumed.isEmpty()) {
                return;
            }
            now = List.copyOf(resumed);
            resumed.clear();
        } finally {
            lock.unlock();
        }
        now.forEach(resumption -> pool.resumed(resumption.operation(), resumption.gap(), resumption.first()));
    }

    /**
     * {@code stream}'s primary connection no longer carries it (it closed, or it ended or refused the
     * subscription): the new connection takes over if it acknowledged the subscription already (make-before-break
     * paid off); otherwise the subscription is broken from now, if {@code mayHaveCarried} (the server may have
     * started it there), until a connection acknowledges it, and the new connection's start, if any, is its next
     * chance.
     */
    private void primaryLost(EventStream<?> stream, boolean mayHaveCarried, List<EventStream<?>> touched) {
        if (stream.incoming != null && stream.incomingAcked) {
            promote(stream); // it answered until now, and the new one has had the subscription since before
            touched.add(stream);
            return;
        }
        Connection next = stream.incoming;
        stream.abandonSwitch();
        stream.primary = next;
        if (mayHaveCarried) {
            stream.notCarriedSince(pool.ticker().read());
        }
    }

    /** Closes {@code old} once no subscription waits for its {@code complete}. */
    private void closeWhenDone(Connection old) {
        Set<String> waiting = stopping.get(old);
        boolean used = streams.values().stream().anyMatch(s -> s.primary == old || s.incoming == old);
        if ((waiting == null || waiting.isEmpty()) && !used) {
            stopping.remove(old);
            old.close();
        }
    }

    /** {@code old} did not confirm every stop within {@code graphql.connect-timeout}: move on without it. */
    private void giveUpWaitingFor(Connection old) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            Set<String> waiting = stopping.remove(old);
            if (waiting != null) {
                for (String id : waiting) {
                    EventStream<?> stream = streams.get(id);
                    if (stream != null && stream.primary == old && stream.incoming != null) {
                        promoteAfterLoss(stream); // no complete: the old connection may have died unnoticed
                        touched.add(stream);
                    }
                }
            }
            if (liveConnection() != old) {
                old.close();
            }
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
        announceResumptions();
    }

    // ---- Connection.Handler

    @Override
    public void onData(Connection connection, String id, JsonObject payload) {
        EventStream<?> stream;
        lock.lock();
        try {
            stream = streams.get(id);
            if (stream == null) {
                return;
            }
            if (!stream.onData(connection, payload)) {
                detach(stream);
            }
        } finally {
            lock.unlock();
        }
        stream.drain();
        check();
    }

    @Override
    public void onError(Connection connection, String id, JsonObject payload) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            EventStream<?> stream = streams.get(id);
            if (stream == null) {
                return;
            }
            if (stream.primary == connection) {
                if (RealtimeMessages.unauthorized(payload)) { // the token ran out under it: a new connection
                    primaryLost(stream, stream.acked, touched);
                    if (state instanceof Open open && open.live() == connection) {
                        replace(open, Optional.empty());
                    }
                } else {
                    stream.end(new GraphQLErrorsException("subscription " + stream.operation().name(),
                            GraphQLErrorReader.read(errors(payload), token(connection.tokens())), Optional.empty()));
                    touched.add(stream);
                    detach(stream);
                }
            } else if (stream.incoming == connection) {
                stream.abandonSwitch();
            }
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
        announceResumptions();
    }

    @Override
    public void onComplete(Connection connection, String id) {
        EventStream<?> stream;
        lock.lock();
        try {
            Set<String> waiting = stopping.get(connection);
            boolean stoppedByUs = waiting != null && waiting.remove(id);
            stream = streams.get(id);
            if (stream != null && stream.primary == connection) {
                if (stoppedByUs && stream.incoming != null && stream.incomingAcked) {
                    promote(stream); // make-before-break: the old connection delivered all it had before this
                } else { // the server ended it
                    primaryLost(stream, stream.acked, new ArrayList<>());
                    if (stream.primary == null && state instanceof Open open && open.live() == connection) {
                        replace(open, Optional.empty());
                    }
                }
            }
            if (liveConnection() != connection) {
                closeWhenDone(connection);
            }
        } finally {
            lock.unlock();
        }
        if (stream != null) {
            stream.drain();
        }
        announceResumptions();
    }

    @Override
    public void onClosed(Connection connection) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            stopping.remove(connection);
            for (EventStream<?> stream : List.copyOf(streams.values())) {
                if (stream.incoming == connection) {
                    stream.abandonSwitch();
                } else if (stream.primary == connection && stream.incoming != null && stream.incomingAcked) {
                    promoteAfterLoss(stream); // it may have died unnoticed before the new one took over
                    touched.add(stream);
                } else if (stream.primary == connection) {
                    // even if its start_ack never came: the server may have started it, and events with it
                    primaryLost(stream, true, touched);
                }
            }
            if (state instanceof Open open && open.live() == connection) {
                pool.counters().drops.incrementAndGet();
                if (!streams.isEmpty()) {
                    beginAttempt(0, Optional.empty());
                } else {
                    state = new Idle();
                }
            } else if (state instanceof Replacing replacing && replacing.live() == connection) {
                pool.counters().drops.incrementAndGet();
                state = new Opening(replacing.attempt(), replacing.failures());
            }
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
        announceResumptions();
    }

    // ---- the end

    /** The store says sign-in is required: every subscription ends with it. */
    void end(SignInRequiredException why) {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            endLocked(why, touched);
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
    }

    private void endLocked(RuntimeException why, List<EventStream<?>> touched) {
        if (state instanceof Ended) {
            return;
        }
        closeAll(); // before the state forgets the live connection
        state = new Ended(why);
        attempts++;
        for (EventStream<?> stream : streams.values()) {
            if (stream.end(why)) {
                touched.add(stream);
            }
        }
        streams.clear();
        pool.idle(this);
    }

    /** The pool closes: every subscription completes. */
    void close() {
        List<EventStream<?>> touched = new ArrayList<>();
        lock.lock();
        try {
            attempts++;
            for (EventStream<?> stream : streams.values()) {
                if (stream.complete()) {
                    touched.add(stream);
                }
            }
            streams.clear();
            closeAll();
            state = new Idle();
        } finally {
            lock.unlock();
        }
        touched.forEach(EventStream::drain);
    }

    private void closeAll() {
        Set<Connection> all = new HashSet<>(stopping.keySet());
        Connection live = liveConnection();
        if (live != null) {
            all.add(live);
        }
        if (attemptConnection != null) {
            all.add(attemptConnection);
        }
        stopping.clear();
        attemptConnection = null;
        all.forEach(Connection::close);
    }

    // ---- helpers

    private Connection liveConnection() {
        if (state instanceof Open open) {
            return open.live();
        }
        if (state instanceof Replacing replacing) {
            return replacing.live();
        }
        return null;
    }

    private static int failuresOf(ConnectionState state) {
        if (state instanceof Opening opening) {
            return opening.failures();
        }
        if (state instanceof Replacing replacing) {
            return replacing.failures();
        }
        return 0;
    }

    private String startMessage(EventStream<?> stream, Connection connection) {
        return RealtimeMessages.start(stream.id(), stream.data(), pool.host(), pool.authorization(token(connection.tokens())));
    }

    private String token(Tokens tokens) {
        return kind == TokenKind.ID ? tokens.idToken() : tokens.accessToken();
    }

    /** A {@code start} the server refused for what it asks (not for its token): that subscription ends alone. */
    private static boolean refusedForItsContent(Throwable failure) {
        return unwrap(failure) instanceof Connection.Refused refused && !refused.unauthorized();
    }

    private static JsonArray errors(JsonObject payload) {
        return payload.get("errors") instanceof JsonArray errors ? errors : jakarta.json.JsonValue.EMPTY_JSON_ARRAY;
    }

    /** A subscription carried again after {@code gap}; {@code first} of those its new connection carries. */
    private record Resumption(String operation, Duration gap, boolean first) {
    }

    @Override
    public String toString() {
        return "RealtimeSession[" + store.pool() + ", " + kind + ", " + state.getClass().getSimpleName() + "]";
    }
}
