package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.HttpSessions;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.BeanManager;
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
    @AuthFlow
    SessionStore store;

    @Inject
    FakeGraphQL graphql;

    @Inject
    @Bound
    BoundSessionContext sessions;

    @Inject
    BeanManager beanManager;

    private void inSession(Map<String, Object> storage, Runnable action) {
        HttpSessions.inSession(sessions, storage, action);
    }

    @Test
    void twoSessionsHaveDistinctStores() {
        Map<String, Object> alicesSession = new HashMap<>();
        Map<String, Object> bobsSession = new HashMap<>();

        inSession(alicesSession, () -> signIn.start("alice", "right".toCharArray()));
        inSession(bobsSession, () -> signIn.start("bob", "right".toCharArray()));
        inSession(alicesSession, () -> service.title("1"));
        inSession(bobsSession, () -> service.title("2"));
        inSession(alicesSession, () -> service.title("3"));

        assertEquals(List.of("access-alice-1", "access-bob-2", "access-alice-1"), graphql.tokens());
    }

    @Test
    void aNewSessionStartsSignedOutAndSendsNothing() {
        inSession(new HashMap<>(), () -> signIn.start("alice", "right".toCharArray()));

        inSession(new HashMap<>(), () -> {
            assertFalse(store.isSignedIn());
            assertThrows(SignInRequiredException.class, () -> service.title("1"));
        });
        assertEquals(List.of(), graphql.tokens());
    }

    @Test
    void signOutEndsOnlyItsOwnSession() {
        Map<String, Object> alicesSession = new HashMap<>();
        Map<String, Object> bobsSession = new HashMap<>();
        inSession(alicesSession, () -> signIn.start("alice", "right".toCharArray()));
        inSession(bobsSession, () -> signIn.start("bob", "right".toCharArray()));

        inSession(alicesSession, signIn::signOut);

        inSession(alicesSession, () -> assertFalse(signIn.isSignedIn()));
        inSession(bobsSession, () -> assertTrue(signIn.isSignedIn()));
    }

    @Test
    void theStoreAndSignInAreSessionScoped() {
        assertEquals(SessionScoped.class,
                beanManager.resolve(beanManager.getBeans(SessionStore.class, AuthFlow.Literal.of("default"))).getScope());
        assertEquals(SessionScoped.class,
                beanManager.resolve(beanManager.getBeans(SignIn.class, AuthFlow.Literal.of("default"))).getScope());
        assertThrows(ContextNotActiveException.class, store::isSignedIn);
    }
}
