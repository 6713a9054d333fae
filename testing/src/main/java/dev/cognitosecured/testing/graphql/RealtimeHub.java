package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognitosecured.testing.internal.WebSocketTextListener;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * The real-time endpoint of a {@link LocalGraphQL}: accepts WebSocket handshakes as AppSync does, keeps the open
 * connections and their subscriptions, sends keep-alives, publishes events to the subscriptions that match, and
 * applies the {@link RealtimeTokenExpiry} setting. Publishing is serialized, so each subscription receives events
 * in the order they were published.
 */
final class RealtimeHub {

    static final String SUBPROTOCOL = "graphql-ws";
    static final Map<String, Object> KEEP_ALIVE = Map.of("type", "ka");

    private final GraphQL graphQL;
    private final Optional<GraphQL> subscriptionsAsQuery;
    private final Map<String, List<String>> subscribedMutations;
    private final AtomicReference<TokenVerifier> verifier;
    private final boolean acceptBearerPrefix;
    private final InstantSource clock;
    private final Duration leeway;
    private final Duration connectionTimeout;
    private final Duration keepAliveInterval;
    private final AtomicReference<RealtimeTokenExpiry> tokenExpiry;
    private final List<RealtimeConnection> connections = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService keepAlives;
    private volatile boolean refusing;
    private volatile boolean sendingKeepAlives = true;
    private volatile boolean withholdingStartAcks;
    private final Object publishing = new Object();

    private final AtomicLong connectionNumbers = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong handshakesRefused = new AtomicLong();
    private final AtomicLong startsAcknowledged = new AtomicLong();
    private final AtomicLong startsRefused = new AtomicLong();
    private final AtomicLong stops = new AtomicLong();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsWithheld = new AtomicLong();
    private final AtomicLong keepAlivesSent = new AtomicLong();
    private final AtomicLong closedAtExpiry = new AtomicLong();
    private final AtomicLong subscriptionsEndedAtExpiry = new AtomicLong();
    private final Map<String, AtomicLong> eventsBySubscription = new ConcurrentHashMap<>();

    RealtimeHub(GraphQL graphQL, AtomicReference<TokenVerifier> verifier, boolean acceptBearerPrefix,
            InstantSource clock, Duration leeway, Duration connectionTimeout, Duration keepAliveInterval,
            RealtimeTokenExpiry tokenExpiry) {
        this.graphQL = graphQL;
        this.subscriptionsAsQuery = ExecutableSchema.subscriptionsAsQuery(graphQL.getGraphQLSchema());
        this.subscribedMutations = ExecutableSchema.subscribedMutations(graphQL.getGraphQLSchema());
        this.verifier = verifier;
        this.acceptBearerPrefix = acceptBearerPrefix;
        this.clock = clock;
        this.leeway = leeway;
        this.connectionTimeout = connectionTimeout;
        this.keepAliveInterval = keepAliveInterval;
        this.tokenExpiry = new AtomicReference<>(tokenExpiry);
        this.keepAlives = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "local-graphql-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        if (!keepAliveInterval.isZero()) {
            long millis = Math.max(1, keepAliveInterval.toMillis());
            keepAlives.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One subscription of one connection; {@code acknowledged} false while the kit
     * {@linkplain LocalGraphQL#withholdStartAcks(boolean) withholds} its {@code start_ack} (and so its events).
     */
    record Subscription(String id, SubscriptionDocument document, Optional<Instant> expiry, boolean acknowledged) {}

    Duration connectionTimeout() {
        return connectionTimeout;
    }

    boolean sendsKeepAlives() {
        return sendingKeepAlives && !keepAliveInterval.isZero();
    }

    void sendKeepAlives(boolean send) {
        this.sendingKeepAlives = send;
    }

    void tokenExpiry(RealtimeTokenExpiry setting) {
        tokenExpiry.set(setting);
    }

    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    void withholdStartAcks(boolean withhold) {
        this.withholdingStartAcks = withhold;
    }

    // --- handshake ---------------------------------------------------------------------------------------------

    /** Jetty's {@code WebSocketCreator}: the connection for an upgrade request, or null after answering it. */
    Object create(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (refusing) {
            handshakesRefused.incrementAndGet();
            Response.writeError(request, response, callback, 503, "LocalGraphQL refuses real-time connections");
            return null;
        }
        boolean graphQLWs = request.hasSubProtocol(SUBPROTOCOL);
        if (graphQLWs) {
            response.setAcceptedSubProtocol(SUBPROTOCOL);
        }
        TokenCheck check = verifier.get().check(handshakeToken(request));
        return new WebSocketTextListener(
                new RealtimeConnection(this, connectionNumbers.incrementAndGet(), check, graphQLWs),
                error -> { }); // a failed connection ends: ended() follows, nothing more to do
    }

    /**
     * The {@code Authorization} of the handshake: from the {@code header} query parameter (base64 of a JSON
     * object), or from a {@code header-<base64url>} subprotocol.
     */
    private Optional<String> handshakeToken(ServerUpgradeRequest request) {
        Optional<String> encoded = Optional.ofNullable(Request.extractQueryParameters(request).getValue("header"));
        if (encoded.isEmpty()) {
            encoded = request.getSubProtocols().stream()
                    .filter(protocol -> protocol.startsWith("header-"))
                    .map(protocol -> protocol.substring("header-".length()))
                    .findFirst();
        }
        return encoded.flatMap(RealtimeHub::decodeJson).flatMap(RealtimeHub::authorization).map(this::withoutPrefix);
    }

    private static Optional<Map<String, Object>> decodeJson(String base64) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return Optional.of(JSONObjectUtils.parse(new String(decoder.decode(base64), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | ParseException e) {
                // try the other alphabet
            }
        }
        return Optional.empty();
    }

    private static Optional<String> authorization(Map<String, Object> header) {
        return header.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals("authorization"))
                .map(Map.Entry::getValue)
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst();
    }

    private String withoutPrefix(String header) {
        String value = header.strip();
        if (acceptBearerPrefix && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        return value;
    }

    void opened(RealtimeConnection connection) {
        if (connection.accepted()) {
            connectionsOpened.incrementAndGet();
            connections.add(connection);
        } else {
            handshakesRefused.incrementAndGet();
        }
    }

    void closed(RealtimeConnection connection) {
        connections.remove(connection);
    }

    // --- start and stop ----------------------------------------------------------------------------------------

    void start(RealtimeConnection connection, String id, Object payload) {
        Map<?, ?> fields = payload instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> extensions = fields.get("extensions") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> authorization = extensions.get("authorization") instanceof Map<?, ?> map ? map : Map.of();
        Optional<String> token = authorization.entrySet().stream()
                .filter(entry -> String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT).equals("authorization"))
                .map(Map.Entry::getValue)
                .filter(String.class::isInstance)
                .map(value -> withoutPrefix((String) value))
                .findFirst();
        TokenCheck check = verifier.get().check(token);
        if (check.verdict() != TokenCheck.Verdict.ACCEPTED) {
            refuseStart(connection, id, "UnauthorizedException", check.verdict() == TokenCheck.Verdict.EXPIRED
                    ? HttpAnswer.TOKEN_EXPIRED : HttpAnswer.NO_VALID_TOKEN);
            return;
        }
        Optional<GraphQLRequest> request = fields.get("data") instanceof String data
                ? GraphQLRequest.parse(data) : Optional.empty();
        if (request.isEmpty()) {
            refuseStart(connection, id, "MalformedMessage", "payload.data must be a JSON string of"
                    + " {\"query\": ..., \"variables\": {...}}");
            return;
        }
        SubscriptionDocument.Outcome parsed = SubscriptionDocument.parse(
                graphQL, request.get().query(), request.get().operationName(), request.get().variables());
        if (parsed.document().isEmpty()) {
            startsRefused.incrementAndGet();
            connection.send(Map.of("type", "error", "id", id, "payload", Map.of("errors", parsed.errors())));
            return;
        }
        boolean acknowledged = !withholdingStartAcks;
        Subscription subscription = new Subscription(id, parsed.document().get(),
                check.caller().flatMap(RealtimeHub::expiryOf), acknowledged);
        synchronized (publishing) { // a start is acknowledged between two events, never in the middle of one
            if (!connection.add(subscription)) {
                refuseStart(connection, id, "DuplicatedOperationError", "A subscription with id " + id
                        + " is already started on this connection.");
                return;
            }
            if (acknowledged) {
                startsAcknowledged.incrementAndGet();
                connection.send(Map.of("type", "start_ack", "id", id));
            }
            publishing.notifyAll();
        }
    }

    private void refuseStart(RealtimeConnection connection, String id, String errorType, String message) {
        startsRefused.incrementAndGet();
        connection.send(Map.of("type", "error", "id", id, "payload", RealtimeConnection.errors(errorType, message)));
    }

    void stop(RealtimeConnection connection, String id) {
        synchronized (publishing) {
            connection.remove(id);
            stops.incrementAndGet();
            connection.send(Map.of("type", "complete", "id", id));
        }
    }

    // --- events ------------------------------------------------------------------------------------------------

    /** Sends {@code published} to the subscriptions of {@code field} that match it; returns how many. */
    int publish(String field, Object published) {
        if (!subscribedMutations.containsKey(field)) {
            throw new IllegalArgumentException("publish(\"" + field + "\", ...): the schema's Subscription type has"
                    + " no field " + field + " (it has " + subscribedMutations.keySet() + ")");
        }
        synchronized (publishing) {
            enforceTokenExpiry();
            Instant now = clock.instant();
            Map<?, ?> fields = published instanceof Map<?, ?> map ? map : Map.of();
            int delivered = 0;
            Map<List<Object>, Map<String, Object>> payloads = new java.util.HashMap<>(); // same document, same payload
            for (RealtimeConnection connection : connections) {
                for (Subscription subscription : connection.subscriptions()) {
                    SubscriptionDocument document = subscription.document();
                    if (!document.field().equals(field) || !document.matches(stringKeys(fields))) {
                        continue;
                    }
                    if (!subscription.acknowledged() || tokenExpiry.get() == RealtimeTokenExpiry.STOP_EVENTS
                            && (expired(connection.expiry(), now) || expired(subscription.expiry(), now))) {
                        eventsWithheld.incrementAndGet();
                        continue;
                    }
                    Map<String, Object> payload = payloads.computeIfAbsent(
                            List.of(document.asQuery(), document.variables()),
                            key -> document.payload(subscriptionsAsQuery.orElseThrow(), published));
                    if (connection.send(Map.of("type", "data", "id", subscription.id(), "payload", payload), () -> {
                        eventsSent.incrementAndGet();
                        eventsBySubscription.computeIfAbsent(subscription.id(), id -> new AtomicLong())
                                .incrementAndGet();
                    })) {
                        delivered++;
                    }
                }
            }
            return delivered;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    /**
     * After a mutation ran over HTTP: publishes each of its root fields' results to the subscription fields
     * whose {@code @aws_subscribe(mutations: [...])} names it, as AppSync does.
     */
    void mutationExecuted(GraphQLRequest request, ExecutionResult result) {
        if (subscribedMutations.values().stream().allMatch(List::isEmpty) || !result.isDataPresent()
                || !(result.getData() instanceof Map<?, ?> data)) {
            return;
        }
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException e) {
            return;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> operation = operations.stream()
                .filter(candidate -> request.operationName().isEmpty() ? operations.size() == 1
                        : request.operationName().get().equals(candidate.getName()))
                .findFirst();
        if (operation.isEmpty() || operation.get().getOperation() != OperationDefinition.Operation.MUTATION) {
            return;
        }
        for (Selection<?> selection : operation.get().getSelectionSet().getSelections()) {
            if (selection instanceof Field root && data.get(root.getResultKey()) != null) {
                Object value = data.get(root.getResultKey());
                subscribedMutations.forEach((subscriptionField, mutations) -> {
                    if (mutations.contains(root.getName())) {
                        publish(subscriptionField, value);
                    }
                });
            }
        }
    }

    // --- time: keep-alives and token expiry --------------------------------------------------------------------

    private void tick() {
        try {
            enforceTokenExpiry();
            if (sendingKeepAlives) {
                for (RealtimeConnection connection : connections) {
                    if (connection.acknowledged()) {
                        connection.send(KEEP_ALIVE, keepAlivesSent::incrementAndGet);
                    }
                }
            }
        } catch (RuntimeException e) {
            // keep ticking: a connection closing under us is not the end of the others
        }
    }

    /**
     * Applies {@link RealtimeTokenExpiry#ERROR_SUBSCRIPTIONS} or {@link RealtimeTokenExpiry#CLOSE_CONNECTION} to the
     * connections and subscriptions whose tokens have expired by now.
     */
    void enforceTokenExpiry() {
        RealtimeTokenExpiry setting = tokenExpiry.get();
        if (setting != RealtimeTokenExpiry.CLOSE_CONNECTION && setting != RealtimeTokenExpiry.ERROR_SUBSCRIPTIONS) {
            return;
        }
        synchronized (publishing) {
            Instant now = clock.instant();
            for (RealtimeConnection connection : connections) {
                boolean connectionExpired = expired(connection.expiry(), now);
                if (connectionExpired && setting == RealtimeTokenExpiry.CLOSE_CONNECTION) {
                    connections.remove(connection);
                    closedAtExpiry.incrementAndGet();
                    connection.closeWithError("UnauthorizedException", HttpAnswer.TOKEN_EXPIRED, 401);
                    continue;
                }
                for (Subscription subscription : connection.subscriptions()) {
                    if (connectionExpired || expired(subscription.expiry(), now)) {
                        connection.remove(subscription.id());
                        subscriptionsEndedAtExpiry.incrementAndGet();
                        connection.send(Map.of("type", "error", "id", subscription.id(), "payload",
                                RealtimeConnection.errors("UnauthorizedException", HttpAnswer.TOKEN_EXPIRED)));
                    }
                }
            }
        }
    }

    private boolean expired(Optional<Instant> expiry, Instant now) {
        return expiry.map(at -> !now.isBefore(at.plus(leeway))).orElse(false);
    }

    static Optional<Instant> expiryOf(VerifiedCaller caller) {
        return caller.claim("exp").filter(Number.class::isInstance)
                .map(exp -> Instant.ofEpochSecond(((Number) exp).longValue()));
    }

    // --- the test's controls -----------------------------------------------------------------------------------

    int drop() {
        List<RealtimeConnection> dropped = new ArrayList<>(connections);
        connections.removeAll(dropped);
        dropped.forEach(RealtimeConnection::disconnect);
        return dropped.size();
    }

    int close(int statusCode, String reason) {
        List<RealtimeConnection> closing = new ArrayList<>(connections);
        connections.removeAll(closing);
        closing.forEach(connection -> connection.close(statusCode, reason));
        return closing.size();
    }

    RealtimeCounters counters() {
        int subscriptions = activeSubscriptions();
        return new RealtimeCounters(connectionsOpened.get(), connections.size(), handshakesRefused.get(),
                closedAtExpiry.get(), subscriptionsEndedAtExpiry.get(), startsAcknowledged.get(), startsRefused.get(), stops.get(), subscriptions,
                eventsSent.get(), eventsWithheld.get(), keepAlivesSent.get());
    }

    /** Waits, at most {@code timeout}, until at least {@code count} subscriptions are active; returns whether. */
    boolean awaitSubscriptions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (publishing) {
            while (activeSubscriptions() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(publishing, left);
            }
            return true;
        }
    }

    private int activeSubscriptions() {
        return connections.stream().mapToInt(connection -> connection.subscriptions().size()).sum();
    }

    void clearCounters() {
        List.of(connectionsOpened, handshakesRefused, startsAcknowledged, startsRefused, stops, eventsSent,
                eventsWithheld, keepAlivesSent, closedAtExpiry, subscriptionsEndedAtExpiry).forEach(counter -> counter.set(0));
        eventsBySubscription.clear();
    }

    long eventsSent(String subscriptionId) {
        AtomicLong count = eventsBySubscription.get(subscriptionId);
        return count == null ? 0 : count.get();
    }

    void shutdown() {
        keepAlives.shutdownNow();
    }
}
