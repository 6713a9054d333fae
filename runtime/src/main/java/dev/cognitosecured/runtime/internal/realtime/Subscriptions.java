package dev.cognitosecured.runtime.internal.realtime;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SubscriptionPublishers;
import dev.cognitosecured.runtime.event.SubscriptionResumed;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.graphql.GraphQLRequestBody;
import dev.cognitosecured.runtime.internal.store.RefreshBackoff;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.json.bind.Jsonb;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The subscriptions of one pool: one {@link RealtimeSession} per principal (store instance) and token
 * kind, over the JDK's {@link java.net.http.WebSocket} (every Java 11+ runtime has it, and it needs no
 * server library: the application keeps whatever server it runs on).
 *
 * <p>Decisions are made on the pool's {@link Ticker} (token margin, keep-alive watchdog, back-off),
 * checked after every event and by a poll every {@link #POLL} of real time on one daemon thread, which
 * starts with the first subscription and stops with {@link #close()}. Network waits (handshake, acks,
 * the old connection's last events) are bounded by {@code graphql.connect-timeout} in real time.
 */
public final class Subscriptions implements SubscriptionPublishers, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscriptions.class.getName());

    /** How often sessions are checked, in real time; what they decide is on the ticker. */
    public static final Duration POLL = Duration.ofMillis(20);

    /** The events a subscription holds for a subscriber that has not requested them. */
    public static final int BUFFER = 1024;

    private final String pool;
    private final URI realtime;
    private final String host;
    private final String authorizationPrefix;
    private final GraphQLRequestBody requestBody;
    private final Jsonb jsonb;
    private final Ticker ticker;
    private final Duration connectTimeout;
    private final RefreshBackoff backoff;
    private final int buffer;
    private final GapRules gapRules;
    private final Consumer<Object> events;
    private final InstantSource wallClock;
    private final RealtimeCounters counters = new RealtimeCounters();
    private final Map<Key, RealtimeSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private final ReentrantLock starting = new ReentrantLock();
    private HttpClient http;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> poll;
    private volatile boolean closed;

    private record Key(SessionStore store, TokenKind kind) {
    }

    /**
     * The subscriptions of pool {@code pool}.
     *
     * @param realtime the real-time endpoint ({@code wss://...})
     * @param host the GraphQL endpoint's host, which AppSync expects in the authorization header
     * @param authorizationPrefix what precedes the token ({@code ""} for AppSync)
     * @param jsonb writes variables and binds events
     * @param ticker the pool's clock
     * @param connectTimeout {@code graphql.connect-timeout}: bounds the handshake and each acknowledgement
     * @param backoff the delays between failed attempts to connect
     * @param buffer the events held per subscription for a subscriber that has not requested them
     *     (a gap limit of {@code 0}: any gap ends a subscription; no event sink)
     */
    public Subscriptions(String pool, URI realtime, String host, String authorizationPrefix, Jsonb jsonb,
            Ticker ticker, Duration connectTimeout, RefreshBackoff backoff, int buffer) {
        this(pool, realtime, host, authorizationPrefix, jsonb, ticker, connectTimeout, backoff, buffer, Duration.ZERO,
                event -> { }, InstantSource.system());
    }

    /**
     * The subscriptions of pool {@code pool}, bridging gaps up to {@code gapLimit}.
     *
     * @param gapLimit {@code graphql.subscription-gap-limit}: how long a subscription may go without a
     *     connection and go on once carried again; {@code 0} ends it at any gap
     * @param events receives a {@code SubscriptionResumed} for each subscription carried again
     * @param wallClock when a subscription resumed, for its event
     * @see #Subscriptions(String, URI, String, String, Jsonb, Ticker, Duration, RefreshBackoff, int)
     */
    public Subscriptions(String pool, URI realtime, String host, String authorizationPrefix, Jsonb jsonb,
            Ticker ticker, Duration connectTimeout, RefreshBackoff backoff, int buffer, Duration gapLimit,
            Consumer<Object> events, InstantSource wallClock) {
        this.events = Objects.requireNonNull(events, "events");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.realtime = Objects.requireNonNull(realtime, "realtime");
        this.host = Objects.requireNonNull(host, "host");
        this.authorizationPrefix = Objects.requireNonNull(authorizationPrefix, "authorizationPrefix");
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
        this.requestBody = new GraphQLRequestBody(jsonb);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.gapRules = GapRules.of(Objects.requireNonNull(gapLimit, "gapLimit"), connectTimeout,
                PoolKeys.of(pool).full(PoolKeys.GRAPHQL_SUBSCRIPTION_GAP_LIMIT));
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be positive: " + buffer);
        }
        this.buffer = buffer;
    }

    @Override
    public <T> Flow.Publisher<T> publisher(SessionStore store, TokenKind kind, Operation<T> operation,
            Map<String, Object> variables, Duration need) {
        String data = requestBody.write(operation, variables);
        RealtimeSession session = session(store, kind);
        return new EventStream<>(operation, data, jsonb, buffer, session, need, counters.duplicatesDropped);
    }

    private RealtimeSession session(SessionStore store, TokenKind kind) {
        startPolling();
        return sessions.computeIfAbsent(new Key(store, kind), key -> new RealtimeSession(this, key.store(), key.kind()));
    }

    /** What this pool's subscriptions did. */
    public RealtimeCounters counters() {
        return counters;
    }

    /** Checks every session now, as the poll does (tests call it after moving a manual clock). */
    public void checkNow() {
        sessions.values().forEach(RealtimeSession::check);
    }

    /**
     * Whether every session with subscriptions has a live connection that carries each of them, acknowledged,
     * with no attempt or switch in flight.
     */
    public boolean settled() {
        return sessions.values().stream().allMatch(RealtimeSession::settled);
    }

    // ---- for the sessions

    Ticker ticker() {
        return ticker;
    }

    RefreshBackoff backoff() {
        return backoff;
    }

    /** How long a subscription may go without a connection, and what it is told when it went longer. */
    GapRules gapRules() {
        return gapRules;
    }

    /**
     * {@code operation} was carried again after {@code gap} without a connection: fires the event and logs it, at
     * INFO if it is the {@code first} on its new connection (one line per reconnection, not per subscription),
     * else at DEBUG.
     */
    void resumed(String operation, Duration gap, boolean first) {
        LOG.log(first ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, () -> "GraphQL subscription "
                + operation + " of the user pool '" + pool + "' is carried by a new connection after " + gap.toMillis()
                + " ms without one; events published meanwhile are lost (SubscriptionResumed is fired: read what"
                + " changed with a query)" + (first ? "; the other subscriptions this connection resumes are logged"
                + " at DEBUG" : ""));
        try {
            events.accept(new SubscriptionResumed(pool, operation, gap, wallClock.instant()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "An observer of SubscriptionResumed for the user pool '"
                    + pool + "' failed; the subscription goes on", e);
        }
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    String host() {
        return host;
    }

    String authorization(String token) {
        return authorizationPrefix + token;
    }

    CompletableFuture<Connection> open(Tokens tokens, String token, Connection.Handler handler) {
        return Connection.open(http(), realtime, host, authorization(token), tokens, ticker, connectTimeout,
                connectionNumbers.incrementAndGet(), handler);
    }

    void schedule(Runnable task, Duration delay) {
        ScheduledExecutorService executor = scheduler;
        if (executor != null && !closed) {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** A session that had gone idle has subscriptions again. */
    void attach(RealtimeSession session, SessionStore store, TokenKind kind) {
        sessions.putIfAbsent(new Key(store, kind), session);
    }

    /** A session without subscriptions is forgotten (a later subscription of the principal makes a new one). */
    void idle(RealtimeSession session) {
        sessions.values().remove(session);
    }

    private HttpClient http() {
        starting.lock();
        try {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            }
            return http;
        } finally {
            starting.unlock();
        }
    }

    private void startPolling() {
        starting.lock();
        try {
            if (scheduler != null || closed) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cognito-secured-realtime-" + pool);
                thread.setDaemon(true);
                return thread;
            });
            long every = POLL.toNanos();
            poll = scheduler.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.NANOSECONDS);
        } finally {
            starting.unlock();
        }
    }

    private void checkQuietly() {
        for (RealtimeSession session : List.copyOf(sessions.values())) {
            try {
                session.check();
            } catch (RuntimeException e) {
                System.getLogger(Subscriptions.class.getName()).log(System.Logger.Level.WARNING,
                        "Checking a real-time session of the user pool '" + pool + "' failed ("
                                + e.getClass().getName() + ")");
            }
        }
    }

    /** Completes every subscription and closes every connection. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(sessions.values()).forEach(RealtimeSession::close);
        sessions.clear();
        starting.lock();
        try {
            if (poll != null) {
                poll.cancel(false);
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        } finally {
            starting.unlock();
        }
    }

    @Override
    public String toString() {
        return "Subscriptions[" + pool + ", " + RealtimeEndpoint.forMessages(realtime) + "]";
    }
}
