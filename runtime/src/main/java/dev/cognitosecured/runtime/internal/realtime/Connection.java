package dev.cognitosecured.runtime.internal.realtime;

import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket to AppSync's real-time endpoint, speaking its {@code graphql-ws} messages: it opens,
 * sends {@code connection_init}, waits for {@code connection_ack} (and its {@code connectionTimeoutMs}),
 * then carries {@code start}/{@code stop} of subscriptions and hands what the server sends to its
 * {@link Handler}. It knows nothing of subscriptions' state; {@link RealtimeSession} does.
 *
 * <p>Sends are queued: the JDK's WebSocket takes one text at a time. Every wait is bounded by
 * {@code graphql.connect-timeout}: the handshake, the {@code connection_ack}, each {@code start_ack}.
 */
final class Connection implements WebSocket.Listener {

    /** What the session hears from a connection. Called on the WebSocket's thread, one message at a time. */
    interface Handler {
        /** A {@code data} message for subscription {@code id}: its {@code payload}. */
        void onData(Connection connection, String id, JsonObject payload);

        /** An {@code error} message for a started subscription {@code id}. */
        void onError(Connection connection, String id, JsonObject payload);

        /** A {@code complete} message: the server stopped {@code id}. */
        void onComplete(Connection connection, String id);

        /** The connection closed or failed; called once. */
        void onClosed(Connection connection);
    }

    /** The server refused a {@code start} or the connection: its {@code errors}. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonObject payload;

        Refused(String what, JsonObject payload) {
            super(what + " refused: " + errorTypes(payload), null, false, false);
            this.payload = payload;
        }

        JsonObject payload() {
            return payload;
        }

        boolean unauthorized() {
            return RealtimeMessages.unauthorized(payload);
        }
    }

    private static final long DEFAULT_TIMEOUT_MS = 300_000; // AppSync's connectionTimeoutMs

    private final int number;
    private final Tokens tokens;
    private final Ticker ticker;
    private final Duration connectTimeout;
    private final Handler handler;
    private final CompletableFuture<Connection> acked = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> starts = new ConcurrentHashMap<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile long lastHeard;
    /** {@link System#nanoTime()} when the server was last heard, or the connection opened: real time. */
    private volatile long lastHeardReal = System.nanoTime();
    private volatile long lastProbe = Long.MIN_VALUE;
    private volatile long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_TIMEOUT_MS);
    private volatile boolean closed;

    Connection(int number, Tokens tokens, Ticker ticker, Duration connectTimeout, Handler handler) {
        this.number = number;
        this.tokens = tokens;
        this.ticker = ticker;
        this.connectTimeout = connectTimeout;
        this.handler = handler;
        this.lastHeard = ticker.read();
    }

    /**
     * Opens a connection with {@code authorization} (the token, after the configured prefix) and
     * completes when the server acknowledged it, within {@code connectTimeout} for the handshake and as
     * long again for the acknowledgement.
     */
    static CompletableFuture<Connection> open(HttpClient http, URI realtime, String host, String authorization,
            Tokens tokens, Ticker ticker, Duration connectTimeout, int number, Handler handler) {
        Connection connection = new Connection(number, tokens, ticker, connectTimeout, handler);
        URI uri = RealtimeEndpoint.connectUri(realtime, host, authorization);
        http.newWebSocketBuilder()
                .subprotocols("graphql-ws")
                .connectTimeout(connectTimeout)
                .buildAsync(uri, connection)
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        connection.fail(new RealtimeFailure("could not open the WebSocket to "
                                + RealtimeEndpoint.forMessages(realtime) + " (" + rootName(failure) + ")", failure));
                    }
                });
        return connection.acked.orTimeout(2 * connectTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        connection.abort();
                    }
                });
    }

    /** The tokens it was opened with. */
    Tokens tokens() {
        return tokens;
    }

    /** The ticker reading when the server was last heard (any message), or when it was opened. */
    long lastHeard() {
        return lastHeard;
    }

    /** How long the server may stay silent before the connection is dead: its {@code connectionTimeoutMs}. */
    long timeoutNanos() {
        return timeoutNanos;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Probes a connection that has been silent for {@code silence} of real time with a WebSocket ping, at
     * most once per {@code silence}: a connection whose peer is gone fails the write (some closes are not
     * noticed by reading alone), and one that does not answer the ping (a pong, or any message) within
     * {@code connectTimeout} is taken as lost.
     */
    void probe(Duration silence) {
        WebSocket ws = socket;
        long now = System.nanoTime();
        if (ws == null || closed) {
            return;
        }
        long probed = lastProbe;
        if (probed != Long.MIN_VALUE && probed - lastHeardReal > 0 && now - probed > connectTimeout.toNanos()) {
            fail(new RealtimeFailure("the connection did not answer a ping within the connect timeout", null));
            return;
        }
        if (now - lastHeardReal > silence.toNanos() && (probed == Long.MIN_VALUE || now - probed > silence.toNanos())) {
            lastProbe = now;
            sending.lock();
            try {
                lastSend = lastSend.handle((x, f) -> null)
                        .thenCompose(x -> ws.sendPing(java.nio.ByteBuffer.allocate(0)))
                        .whenComplete((x, failure) -> {
                            if (failure != null) {
                                fail(new RealtimeFailure("a ping could not be sent (" + rootName(failure) + ")",
                                        failure));
                            }
                        });
            } finally {
                sending.unlock();
            }
        }
    }

    /**
     * Sends {@code start} for {@code id}; the stage completes at its {@code start_ack}, or fails with
     * {@link Refused} at an {@code error}, or at {@code graphql.connect-timeout}.
     */
    CompletableFuture<Void> start(String id, String message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        starts.put(id, ack);
        send(message);
        return ack.orTimeout(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Sends {@code stop} for {@code id}. */
    void stop(String id) {
        starts.remove(id);
        send(RealtimeMessages.stop(id));
    }

    /** Closes the connection (a normal close), and drops it if the server does not answer. */
    void close() {
        WebSocket ws = socket;
        if (ws == null || closed) {
            abort();
            return;
        }
        sending.lock();
        try {
            lastSend = lastSend.handle((x, f) -> null)
                    .thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                    .orTimeout(connectTimeout.toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((x, f) -> abort());
        } finally {
            sending.unlock();
        }
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        sending.lock();
        try {
            lastSend = lastSend.handle((x, f) -> null)
                    .thenCompose(x -> ws.sendText(text, true))
                    .whenComplete((x, failure) -> {
                        if (failure != null) {
                            fail(new RealtimeFailure("a message could not be sent (" + rootName(failure) + ")",
                                    failure));
                        }
                    });
        } finally {
            sending.unlock();
        }
    }

    private void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closedNow();
    }

    private void fail(Throwable failure) {
        acked.completeExceptionally(failure);
        abort();
    }

    private void closedNow() {
        if (closed) {
            return;
        }
        closed = true;
        RealtimeFailure gone = new RealtimeFailure("the connection closed", null);
        acked.completeExceptionally(gone);
        starts.values().forEach(ack -> ack.completeExceptionally(gone));
        handler.onClosed(this);
    }

    // ---- WebSocket.Listener: one call at a time, on the client's executor

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        send(RealtimeMessages.connectionInit());
        // Every message is taken as it comes (the subscriptions' buffers bound what waits for a subscriber),
        // so the socket is always read and a connection the server closed is noticed at once.
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received(text);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
        lastHeardReal = System.nanoTime();
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        lastHeardReal = System.nanoTime(); // the JDK answers with a pong by itself
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedNow();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail(new RealtimeFailure("the connection failed (" + rootName(error) + ")", error));
    }

    private void received(String text) {
        lastHeard = ticker.read();
        lastHeardReal = System.nanoTime();
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return; // not a message of the protocol: ignored, as AppSync's clients do
        }
        String type = RealtimeMessages.string(message, "type");
        String id = RealtimeMessages.string(message, "id");
        JsonObject payload = message.get("payload") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        switch (type) {
            case "connection_ack" -> {
                if (payload.get("connectionTimeoutMs") instanceof jakarta.json.JsonNumber ms && ms.longValue() > 0) {
                    timeoutNanos = TimeUnit.MILLISECONDS.toNanos(ms.longValue());
                }
                acked.complete(this);
            }
            case "connection_error" -> fail(new Refused("the connection", payload));
            case "start_ack" -> {
                CompletableFuture<Void> ack = starts.get(id);
                if (ack != null) {
                    ack.complete(null);
                }
            }
            case "data" -> handler.onData(this, id, payload);
            case "error" -> {
                CompletableFuture<Void> ack = starts.get(id);
                if (ack != null && !ack.isDone()) {
                    ack.completeExceptionally(new Refused("the subscription's start", payload));
                } else {
                    handler.onError(this, id, payload);
                }
            }
            case "complete" -> handler.onComplete(this, id);
            default -> {
                // "ka" and anything else: heard, nothing to do
            }
        }
    }

    private static String errorTypes(JsonObject payload) {
        return RealtimeMessages.errorTypes(payload);
    }

    private static String rootName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "Connection#" + number + (closed ? "[closed]" : "");
    }
}
