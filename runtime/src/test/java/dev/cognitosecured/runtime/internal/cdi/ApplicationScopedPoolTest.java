package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default pool with {@code session-scope=application}: the hand-written client of the class
 * path's index, the sign-in flow and the store in a real Weld container. The client class is also
 * added as a discovered bean class, as a bean archive would: only one bean must result.
 */
@CognitoWeldTest
@AddBeanClasses(TodoApi_CognitoClient.class)
class ApplicationScopedPoolTest {

    private static TestConfig config;

    @BeforeAll
    static void configure() {
        config = TestConfig.defaultPool("cognito-secured.prefetch", "0s");
    }

    @AfterAll
    static void clear() {
        config.close();
    }

    @Inject
    TodoApi todos;

    @Inject
    @AuthFlow
    SignIn signIn;

    @Inject
    @AuthFlow
    SessionStore store;

    @Inject
    FakeGraphQL graphql;

    @Inject
    FakeClock clock;

    @Inject
    RecordedEvents events;

    @Inject
    BeanManager beanManager;

    @Test
    void aCallGoesOutWithTheSignedInUsersToken() {
        signIn.start("alice", "right".toCharArray());

        assertEquals("TodoApi.title:{id=1}", todos.title("1"));
        assertEquals(List.of("access-alice-1"), graphql.tokens());
    }

    @Test
    void beforeSignInACallIsRefusedLocally() {
        assertThrows(SignInRequiredException.class, () -> todos.title("1"));
        assertEquals(List.of(), graphql.tokens());
    }

    @Test
    void expiryIsJudgedOnTheTickerBeanOfTheDeployment() {
        signIn.start("alice", "right".toCharArray());
        todos.title("1");

        clock.advance(FakeCognito.LIFETIME.minus(Duration.ofSeconds(32)));
        todos.title("2");
        clock.advance(Duration.ofSeconds(1));
        todos.title("3");

        // Valid locally for 1 h less 1 s; the client asks for more than 30 s left: at 59:28 (31 s
        // left) the token still serves, at 59:29 (30 s left) the call waits for a refresh.
        assertEquals(List.of("access-alice-1", "access-alice-1", "access-alice-2"), graphql.tokens());
    }

    @Test
    void theClientIsOneBeanThoughAlsoDiscovered() {
        assertEquals(1, beanManager.getBeans(TodoApi.class).size());
        assertEquals(TodoApi_CognitoClient.class, beanManager.resolve(beanManager.getBeans(TodoApi.class)).getBeanClass());
    }

    @Test
    void theStoreAndSignInAreApplicationScopedAndTheCallerDependent() {
        assertEquals(ApplicationScoped.class, scopeOf(SessionStore.class, AuthFlow.Literal.of("default")));
        assertEquals(ApplicationScoped.class, scopeOf(SignIn.class, AuthFlow.Literal.of("default")));
        assertEquals(Dependent.class, scopeOf(SecuredCaller.class, AuthFlow.Literal.of("default")));
    }

    @Test
    void signInAndTheClientShareTheStore() {
        assertEquals("default", store.pool());
        signIn.start("alice", "right".toCharArray());

        assertTrue(store.isSignedIn());
        signIn.signOut();
        assertThrows(SignInRequiredException.class, () -> todos.title("1"));
    }

    @Test
    void eventsAreFiredQualifiedWithThePool() {
        signIn.start("alice", "right".toCharArray());
        signIn.signOut();

        assertEquals(List.of(new SignedIn("default", "alice"),
                new SessionEnded("default", "alice", SessionEnded.Reason.SIGNED_OUT)), events.ofEveryPool());
        assertEquals(List.of(new SignedIn("default", "alice")), events.ofDefaultPool());
        assertEquals(List.of(), events.ofOtherPool());
    }

    private Class<? extends Annotation> scopeOf(Class<?> type, Annotation qualifier) {
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(type, qualifier));
        return bean.getScope();
    }
}
