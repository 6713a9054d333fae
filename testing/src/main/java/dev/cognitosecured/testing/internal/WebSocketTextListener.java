package dev.cognitosecured.testing.internal;

import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A Jetty WebSocket listener that hands the text messages of one connection, and its opening and end, to a
 * stand-in's own classes. Jetty calls its listeners through method handles of the public lookup, so the listener
 * must be a public class; the stand-ins keep theirs package-private behind this one.
 */
public final class WebSocketTextListener implements Session.Listener.AutoDemanding {

    /** What a stand-in does with a connection. */
    public interface Endpoint {
        /** The connection is open. */
        void opened(Session session);

        /** A whole text message arrived. */
        void text(String message);

        /** The connection ended, with a close frame or without one. */
        void ended();
    }

    private final Endpoint endpoint;
    private final Consumer<Throwable> errors;

    /**
     * @param endpoint where the connection's events go
     * @param errors what to do with a failure of the connection (it ends afterwards)
     */
    public WebSocketTextListener(Endpoint endpoint, Consumer<Throwable> errors) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public void onWebSocketOpen(Session session) {
        endpoint.opened(session);
    }

    @Override
    public void onWebSocketText(String message) {
        endpoint.text(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        endpoint.ended();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        errors.accept(cause);
        endpoint.ended();
    }
}
