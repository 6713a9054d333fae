package dev.cognitosecured.it.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.weld.context.bound.BoundSessionContext;

/**
 * HTTP sessions as a servlet container keeps them, without one: code run within the session whose attributes
 * are a map, and the attributes written and read back as a server passivates a session (to disk, or to
 * another node).
 */
public final class HttpSessions {

    private HttpSessions() {
    }

    /** Runs {@code action} on this thread within the HTTP session whose attributes are {@code storage}. */
    public static void inSession(BoundSessionContext sessions, Map<String, Object> storage, Runnable action) {
        inSession(sessions, storage, () -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code action} on this thread within the HTTP session whose attributes are {@code storage}. */
    public static <T> T inSession(BoundSessionContext sessions, Map<String, Object> storage, Supplier<T> action) {
        sessions.associate(storage);
        sessions.activate();
        try {
            return action.get();
        } finally {
            sessions.deactivate();
            sessions.dissociate(storage);
        }
    }

    /** The session's attributes as a server writes them: serialized, as they are. */
    public static byte[] write(Map<String, Object> session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(session));
        }
        return bytes.toByteArray();
    }

    /** The session's attributes read back, in the container that runs now. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(byte[] written) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(written))) {
            return new ConcurrentHashMap<>((Map<String, Object>) in.readObject());
        }
    }
}
