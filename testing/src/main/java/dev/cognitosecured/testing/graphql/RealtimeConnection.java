package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognitosecured.testing.internal.WebSocketTextListener;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket connection to the real-time endpoint: AppSync's {@code graphql-ws} messages, in and out. The
 * token of the handshake was checked before the connection was made ({@link #handshake}); each {@code start}
 * carries its own, checked again. What is sent is sent under this object's lock, in order.
 */
final class RealtimeConnection implements WebSocketTextListener.Endpoint {

    private final RealtimeHub hub;
    private final long number;
    private final TokenCheck handshake;
    private final Map<String, RealtimeHub.Subscription> subscriptions = new LinkedHashMap<>(); // guarded by this
    private Session session; // guarded by this
    private boolean acknowledged; // guarded by this
    private boolean ended; // guarded by this

    private final boolean subprotocolAccepted;

    RealtimeConnection(RealtimeHub hub, long number, TokenCheck handshake, boolean subprotocolAccepted) {
        this.hub = hub;
        this.number = number;
        this.handshake = handshake;
        this.subprotocolAccepted = subprotocolAccepted;
    }

    /** Whether the handshake was good: the {@code graphql-ws} subprotocol and a valid token. */
    boolean accepted() {
        return subprotocolAccepted && handshake.verdict() == TokenCheck.Verdict.ACCEPTED;
    }

    long number() {
        return number;
    }

    /** When the handshake's token expires, if it was accepted. */
    Optional<Instant> expiry() {
        return handshake.caller().flatMap(RealtimeHub::expiryOf);
    }

    @Override
    public void opened(Session opened) {
        synchronized (this) {
            this.session = opened;
        }
        hub.opened(this);
        if (!subprotocolAccepted) {
            // As AppSync answers a handshake without graphql-ws (an error entry with no errorType).
            synchronized (this) {
                send(Map.of("type", "connection_error", "payload", Map.of("errors",
                        List.of(Map.of("message", "SubProtocolNotSupportedError", "errorCode", 400)))));
                close(StatusCode.NORMAL, "connection_error");
            }
        } else if (handshake.verdict() != TokenCheck.Verdict.ACCEPTED) {
            String message = handshake.verdict() == TokenCheck.Verdict.EXPIRED
                    ? HttpAnswer.TOKEN_EXPIRED : HttpAnswer.NO_VALID_TOKEN;
            closeWithError("UnauthorizedException", message, 401);
        }
    }

    @Override
    public void text(String text) {
        Map<String, Object> message;
        try {
            message = JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            send(Map.of("type", "error", "payload", errors("MalformedMessage", "The message is not a JSON object.")));
            return;
        }
        Object type = message.get("type");
        Object id = message.get("id");
        if ("connection_init".equals(type)) {
            init();
        } else if ("start".equals(type) && id instanceof String startId) {
            hub.start(this, startId, message.get("payload"));
        } else if ("stop".equals(type) && id instanceof String stopId) {
            hub.stop(this, stopId);
        } else {
            send(Map.of("type", "error", "payload", errors("UnsupportedOperation",
                    "Operation not supported through the realtime channel")));
        }
    }

    @Override
    public void ended() {
        synchronized (this) {
            ended = true;
            subscriptions.clear();
        }
        hub.closed(this);
    }

    private void init() {
        synchronized (this) {
            if (acknowledged || !accepted()) {
                return;
            }
            acknowledged = true;
            send(Map.of("type", "connection_ack",
                    "payload", Map.of("connectionTimeoutMs", hub.connectionTimeout().toMillis())));
            if (hub.sendsKeepAlives()) {
                send(RealtimeHub.KEEP_ALIVE);
            }
        }
    }

    synchronized boolean acknowledged() {
        return acknowledged && !ended;
    }

    /** Sends {@code message} as JSON if the connection is open; returns whether it was handed to Jetty. */
    boolean send(Map<String, ?> message) {
        return send(message, () -> { });
    }

    /**
     * As {@link #send(Map)}, running {@code counting} first if it is sent (so a counter is up before the client
     * can see the message).
     */
    synchronized boolean send(Map<String, ?> message, Runnable counting) {
        if (ended || session == null || !session.isOpen()) {
            return false;
        }
        counting.run();
        session.sendText(JsonWriter.write(message), Callback.NOOP);
        return true;
    }

    synchronized boolean add(RealtimeHub.Subscription subscription) {
        if (ended || subscriptions.containsKey(subscription.id())) {
            return false;
        }
        subscriptions.put(subscription.id(), subscription);
        return true;
    }

    synchronized Optional<RealtimeHub.Subscription> remove(String id) {
        return Optional.ofNullable(subscriptions.remove(id));
    }

    synchronized List<RealtimeHub.Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    /** Sends {@code connection_error} with one error, then closes with a close frame. */
    synchronized void closeWithError(String errorType, String message, int errorCode) {
        Map<String, Object> error = new LinkedHashMap<>(ErrorEntries.of(errorType, message));
        error.put("errorCode", errorCode);
        send(Map.of("type", "connection_error", "payload", Map.of("errors", List.of(error))));
        close(StatusCode.NORMAL, "connection_error");
    }

    /** Closes with a close frame. */
    synchronized void close(int statusCode, String reason) {
        if (session != null && session.isOpen()) {
            session.close(statusCode, reason, Callback.NOOP);
        }
    }

    /** Drops the connection without a close frame, as when the network fails. */
    synchronized void disconnect() {
        if (session != null) {
            session.disconnect();
        }
    }

    static Map<String, Object> errors(String errorType, String message) {
        return Map.of("errors", List.of(ErrorEntries.of(errorType, message)));
    }

    @Override
    public String toString() {
        return "RealtimeConnection[" + number + "]";
    }
}
