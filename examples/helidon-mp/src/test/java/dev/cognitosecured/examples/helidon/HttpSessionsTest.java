package dev.cognitosecured.examples.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HttpSessionsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final HttpSessions sessions = new HttpSessions(Duration.ofMinutes(30), now::get);

    @Test
    void aSessionIsFoundOnlyOnceKeptAndUntilItHasBeenIdleForTheTimeout() {
        HttpSessions.HttpSession session = sessions.create();
        assertEquals(Optional.empty(), sessions.find(session.id()));

        sessions.keep(session);
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertEquals(Optional.of(session), sessions.find(session.id())); // a request: idle from now again
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertEquals(Optional.of(session), sessions.find(session.id()));
        assertEquals(List.of(), sessions.removeExpired());

        now.addAndGet(Duration.ofMinutes(30).toNanos() + 1);
        assertEquals(Optional.empty(), sessions.find(session.id()));
        assertEquals(List.of(session), sessions.removeExpired());
        assertEquals(0, sessions.size());
    }

    @Test
    void aRenewedSessionIsFoundUnderItsNewIdOnly() {
        HttpSessions.HttpSession session = sessions.create();
        sessions.keep(session);
        String before = session.id();

        sessions.renewId(session);

        assertNotEquals(before, session.id());
        assertEquals(Optional.empty(), sessions.find(before));
        assertEquals(Optional.of(session), sessions.find(session.id()));
        assertEquals(1, sessions.size());
    }

    @Test
    void idsAreLongAndUnguessableAndNeverShown() {
        HttpSessions.HttpSession one = sessions.create();
        HttpSessions.HttpSession two = sessions.create();

        assertEquals(43, one.id().length()); // 256 random bits, base64url
        assertNotEquals(one.id(), two.id());
        assertTrue(!one.toString().contains(one.id()), one.toString());
    }
}
