package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.context.bound.Bound;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code session-scope=session}: each session (a Weld bound session context, as a servlet
 * container's HTTP session would be) has its own store, and the one generated client sends each
 * session's own token.
 */
@CognitoWeldTest
class SessionScopeTest {

    private static TestConfig config;

    @BeforeAll
    static void configure() {
        config = TestConfig.defaultPool("cognito-secured.session-scope", "session");
    }

    @AfterAll
    static void clear() {
        config.close();
    }

    @Inject
    TodoService service;

    @Inject
    @AuthFlow
    SignIn signIn;

    @Inject
    FakeGraphQL graphql;

    @Inject
    @Bound
    BoundSessionContext sessions;

    private void inSession(Map<String, Object> storage, Runnable action) {
        sessions.associate(storage);
        sessions.activate();
        try {
            action.run();
        } finally {
            sessions.deactivate();
            sessions.dissociate(storage);
        }
    }

    @Test
    void twoSessionsHaveDistinctStores() {
        Map<String, Object> alicesSession = new HashMap<>();
        Map<String, Object> bobsSession = new HashMap<>();

        inSession(alicesSession, () -> signIn.start("alice", "right".toCharArray()));
        inSession(bobsSession, () -> signIn.start("bob", "right".toCharArray()));
        inSession(bobsSession, () -> service.title("1"));
        inSession(alicesSession, () -> service.title("2"));

        assertEquals(List.of("access-bob-2", "access-alice-1"), graphql.tokens());
    }

    @Test
    void aSessionInWhichNobodySignedInSendsNothing() {
        inSession(new HashMap<>(), () -> signIn.start("alice", "right".toCharArray()));

        inSession(new HashMap<>(), () -> assertThrows(SignInRequiredException.class, () -> service.title("1")));
        assertEquals(List.of(), graphql.tokens());
    }
}
