package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare AppSync real-time client over the JDK's {@link WebSocket}, for the tests: it connects as AWS documents
 * (subprotocol {@code graphql-ws}, the base64 {@code header} and {@code payload} in the query), sends what a test
 * tells it and queues every message it receives. Every wait is bounded.
 */
final class RealtimeClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final WebSocket socket;

    private RealtimeClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects with the token in the {@code header} query parameter. */
    static RealtimeClient connect(URI realtimeEndpoint, String token) {
        String header = "{\"host\":\"127.0.0.1\",\"Authorization\":\"" + token + "\"}";
        URI uri = URI.create(realtimeEndpoint + "?header="
                + Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "&payload=e30=");
        return open(uri, "graphql-ws");
    }

    /** Connects with the token in a {@code header-<base64url>} subprotocol. */
    static RealtimeClient connectWithHeaderSubprotocol(URI realtimeEndpoint, String token) {
        String header = "{\"host\":\"127.0.0.1\",\"Authorization\":\"" + token + "\"}";
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        return open(realtimeEndpoint, "graphql-ws", "header-" + encoded);
    }

    /** Connects with the given subprotocols, no header; the handshake's future, for tests of refusals. */
    static CompletableFuture<WebSocket> handshake(URI uri, String... subprotocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder.buildAsync(uri, new WebSocket.Listener() { });
    }

    /** Connects with a valid header but without the {@code graphql-ws} subprotocol. */
    static RealtimeClient connectWithoutSubprotocol(URI realtimeEndpoint, String token) {
        String header = "{\"host\":\"127.0.0.1\",\"Authorization\":\"" + token + "\"}";
        URI uri = URI.create(realtimeEndpoint + "?header="
                + Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "&payload=e30=");
        return open(uri);
    }

    private static RealtimeClient open(URI uri, String... subprotocols) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        builder.buildAsync(uri, listener)
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return listener.client;
    }

    /** Sends {@code connection_init} and returns the {@code connection_ack} (or whatever came instead). */
    Map<String, Object> init() {
        send("{\"type\":\"connection_init\"}");
        return next();
    }

    /** Sends a {@code start} of {@code query} with {@code variables} (JSON) authorized by {@code token}. */
    void start(String id, String query, String variablesJson, String token) {
        String data = "{\"query\":" + quoted(query) + ",\"variables\":" + variablesJson + "}";
        send("{\"id\":\"" + id + "\",\"type\":\"start\",\"payload\":{\"data\":" + quoted(data)
                + ",\"extensions\":{\"authorization\":{\"host\":\"127.0.0.1\",\"Authorization\":\"" + token + "\"}}}}");
    }

    void stop(String id) {
        send("{\"type\":\"stop\",\"id\":\"" + id + "\"}");
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The next message, waiting at most {@link #WAIT}. */
    Map<String, Object> next() {
        try {
            Map<String, Object> message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message that is not a {@code ka}. */
    Map<String, Object> nextNotKeepAlive() {
        while (true) {
            Map<String, Object> message = next();
            if (!"ka".equals(message.get("type"))) {
                return message;
            }
        }
    }

    /** The messages received and not yet taken, without waiting. */
    List<Map<String, Object>> drain() {
        List<Map<String, Object>> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /**
     * How the connection ended, waiting at most {@link #WAIT}: the status of the server's close frame, 1006 (which
     * is never sent) when it ended without one, -1 when the client failed.
     */
    int closeStatus() {
        return ended.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Queues whole text messages; records how the connection ended. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile RealtimeClient client; // set before any other call of the listener

        @Override
        public void onOpen(WebSocket webSocket) {
            client = new RealtimeClient(webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    client.received.add(JSONObjectUtils.parse(partial.toString()));
                } catch (ParseException e) {
                    client.received.add(Map.of("type", "not JSON", "text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.ended.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            client.ended.complete(-1);
        }
    }
}
