package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.client.CallMargin;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated clients of two pools, {@code session-scope=application}, in a Weld SE container. The
 * default pool's client class is also added as a discovered bean class, as a bean archive would.
 */
@CognitoWeldTest
@AddBeanClasses(TodoApi_CognitoClient.class)
class ApplicationScopeTest {

    private static TestConfig config;

    @BeforeAll
    static void configure() {
        config = TestConfig.defaultPool(
                "cognito-secured.prefetch", "0s",
                "cognito-secured.pools.partners.region", "eu-central-1",
                "cognito-secured.pools.partners.user-pool-id", "eu-central-1_Partners",
                "cognito-secured.pools.partners.client-id", "partners-client",
                "cognito-secured.pools.partners.graphql.endpoint", "http://127.0.0.1:9/partners",
                "cognito-secured.pools.partners.margin-cap", "20s");
    }

    @AfterAll
    static void clear() {
        config.close();
    }

    @Inject
    TodoApi todos;

    @Inject
    PartnerApi partners;

    @Inject
    @AuthFlow
    SignIn signIn;

    @Inject
    @AuthFlow("partners")
    SignIn partnersSignIn;

    @Inject
    @AuthFlow
    SessionStore store;

    @Inject
    @AuthFlow
    CallMargin margin;

    @Inject
    @AuthFlow("partners")
    CallMargin partnersMargin;

    @Inject
    FakeGraphQL graphql;

    @Inject
    FakeClock clock;

    @Inject
    RecordedEvents events;

    @Inject
    BeanManager beanManager;

    @Test
    void aCallOfTheGeneratedClientGoesOutWithTheSignedInUsersToken() {
        signIn.start("alice", "right".toCharArray());

        assertEquals("todo:{id=1}", todos.title("1"));
        assertEquals(List.of("access-alice-1"), graphql.tokens());
    }

    @Test
    void anAsynchronousCallToo() throws Exception {
        signIn.start("alice", "right".toCharArray());

        String renamed = todos.rename("1", "Milk").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals("rename:{id=1, title=Milk}", renamed);
        assertEquals(List.of("access-alice-1"), graphql.tokens());
    }

    @Test
    void beforeSignInNothingIsSent() {
        assertThrows(SignInRequiredException.class, () -> todos.title("1"));
        assertEquals(List.of(), graphql.tokens());
    }

    @Test
    void eachPoolHasItsOwnSession() {
        signIn.start("alice", "right".toCharArray());
        partnersSignIn.start("bob", "right".toCharArray());

        todos.title("1");
        partners.partnerName("7");

        assertEquals(List.of("access-alice-1", "access-bob-2"), graphql.tokens());
    }

    @Test
    void theGeneratedClientIsOneBeanThoughAlsoDiscovered() {
        assertEquals(1, beanManager.getBeans(TodoApi.class).size());
        assertEquals(TodoApi_CognitoClient.class,
                beanManager.resolve(beanManager.getBeans(TodoApi.class)).getBeanClass());
    }

    @Test
    void theStoreAndSignInAreApplicationScopedAndTheCallerDependent() {
        AuthFlow defaultPool = AuthFlow.Literal.of("default");

        assertEquals(ApplicationScoped.class, scopeOf(SessionStore.class, defaultPool));
        assertEquals(ApplicationScoped.class, scopeOf(SignIn.class, defaultPool));
        assertEquals(Dependent.class, scopeOf(SecuredCaller.class, defaultPool));
    }

    @Test
    void eachPoolHasItsOwnMarginWithTheConfiguredCap() {
        assertEquals(CallMargin.DEFAULT_CAP, margin.cap());
        assertEquals(Duration.ofSeconds(20), partnersMargin.cap());
        assertEquals(Duration.ZERO, partnersMargin.learned(), "nothing learned before the first call");
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
    void eventsAreObservedForEveryPoolOrForOne() {
        signIn.start("alice", "right".toCharArray());
        partnersSignIn.start("bob", "right".toCharArray());
        signIn.signOut();

        assertEquals(List.of(new SignedIn("default", "alice"), new SignedIn("partners", "bob"),
                new SessionEnded("default", "alice", SessionEnded.Reason.SIGNED_OUT)), events.ofEveryPool());
        assertEquals(List.of(new SignedIn("default", "alice")), events.ofDefaultPool());
        assertEquals(List.of(new SignedIn("partners", "bob")), events.ofPartners());
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
        assertEquals(new TokensRefreshed("default", "alice", FakeCognito.LIFETIME, false), events.ofEveryPool().get(1));
    }

    private Class<? extends Annotation> scopeOf(Class<?> type, Annotation qualifier) {
        return beanManager.resolve(beanManager.getBeans(type, qualifier)).getScope();
    }
}
