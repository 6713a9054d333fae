package dev.cognitosecured.examples.helidon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP sessions of this server, in memory: for each session id (the cookie's value), the beans of its
 * session context. A session that saw no request for {@code http-session.timeout} is gone.
 *
 * <p>Helidon MP has no HTTP session of its own (no servlet container); {@link HttpSessionFilter} keeps the cookie
 * and puts each request in the session context of its session.
 */
@ApplicationScoped
public class HttpSessions {

    /** One HTTP session: its id, the storage of its session-scoped beans, when it was last used. */
    static final class HttpSession {

        private volatile String id;
        private final Map<String, Object> beans = new ConcurrentHashMap<>();
        private volatile long lastUsed;

        private HttpSession(String id, long now) {
            this.id = id;
            this.lastUsed = now;
        }

        String id() {
            return id;
        }

        /** The storage Weld's bound session context keeps this session's beans in. */
        Map<String, Object> beans() {
            return beans;
        }

        @Override
        public String toString() {
            return "HttpSession[beans=" + beans.size() + "]"; // the id is a credential: never shown
        }
    }

    private static final int ID_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final LongSupplier nanoTime;

    @Inject
    HttpSessions(@ConfigProperty(name = "http-session.timeout", defaultValue = "PT30M") Duration timeout) {
        this(timeout, System::nanoTime);
    }

    /** Sessions that time out after {@code timeout} without a request, on the monotonic clock {@code nanoTime}. */
    HttpSessions(Duration timeout, LongSupplier nanoTime) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The live session of this id, marked as used now. */
    Optional<HttpSession> find(String id) {
        HttpSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        if (now - session.lastUsed > timeoutNanos) {
            return Optional.empty(); // expired: removeExpired ends it
        }
        session.lastUsed = now;
        return Optional.of(session);
    }

    /** A new session with an unguessable id, not yet kept: {@link #keep} it once it holds something. */
    HttpSession create() {
        return new HttpSession(newId(), nanoTime.getAsLong());
    }

    /**
     * Gives a kept session a new id, the old one forgotten: when a user signs in, so that an id known before (one
     * planted in the user's browser, say) does not lead to the signed-in session.
     */
    void renewId(HttpSession session) {
        sessions.remove(session.id(), session);
        session.id = newId();
        sessions.put(session.id(), session);
    }

    private String newId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    void keep(HttpSession session) {
        sessions.put(session.id(), session);
    }

    void remove(HttpSession session) {
        sessions.remove(session.id(), session);
    }

    /** Removes the sessions that timed out and returns them, for their beans to be destroyed. */
    List<HttpSession> removeExpired() {
        long now = nanoTime.getAsLong();
        List<HttpSession> expired = new ArrayList<>();
        sessions.values().removeIf(session -> {
            boolean over = now - session.lastUsed > timeoutNanos;
            if (over) {
                expired.add(session);
            }
            return over;
        });
        return expired;
    }

    /** How many sessions are kept. */
    int size() {
        return sessions.size();
    }
}
