package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.internal.config.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A missing or wrong key of a pool the application injects stops the container at boot, with a
 * message naming the key and the injection point; one test per kind of mistake.
 */
class DeploymentErrorsTest {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private TestConfig config = TestConfig.set();

    @AfterEach
    void clearConfig() {
        config.close();
    }

    private static WeldContainer boot(Class<?>... beanClasses) {
        return new Weld("deployment-errors-" + CONTAINERS.incrementAndGet())
                .disableDiscovery()
                .addExtension(new CognitoSecuredExtension())
                .addBeanClasses(FakeCognito.class, FakeGraphQL.class, FakeClock.class)
                .addBeanClasses(beanClasses)
                .initialize();
    }

    /** The message of the one configuration error that stopped the container. */
    private static String bootFailure(Class<?>... beanClasses) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> boot(beanClasses).close());
        return theConfigurationError(failure).getMessage();
    }

    private static InvalidConfigurationException theConfigurationError(Throwable failure) {
        List<InvalidConfigurationException> found = new ArrayList<>();
        collect(failure, found);
        assertEquals(1, found.size(), () -> "one configuration error expected in " + failure);
        return found.get(0);
    }

    private static void collect(Throwable t, List<InvalidConfigurationException> found) {
        if (t == null) {
            return;
        }
        if (t instanceof InvalidConfigurationException invalid) {
            found.add(invalid);
        }
        collect(t.getCause(), found);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, found);
        }
    }

    @Test
    void aMissingClientIdOfAnInjectedClientsPoolNamesTheKeyAndTheInjectionPoint() {
        config = TestConfig.defaultPool().without("cognito-secured.client-id");

        String message = bootFailure(TodoUser.class);

        assertTrue(message.contains("cognito-secured.client-id is missing"), message);
        assertTrue(message.contains(TodoUser.class.getName() + ".todos"), message);
    }

    @Test
    void aMissingGraphqlEndpointOfAnInjectedClientsPoolIsReported() {
        config = TestConfig.defaultPool().without("cognito-secured.graphql.endpoint");

        String message = bootFailure(TodoUser.class);

        assertTrue(message.contains("cognito-secured.graphql.endpoint is missing"), message);
        assertTrue(message.contains(TodoUser.class.getName() + ".todos"), message);
    }

    @Test
    void aNamedPoolThatIsNotConfiguredNamesItsKeys() {
        String message = bootFailure(PartnersSignInUser.class);

        assertTrue(message.contains("cognito-secured.pools.partners.region is missing"), message);
        assertTrue(message.contains("cognito-secured.pools.partners.user-pool-id is missing"), message);
        assertTrue(message.contains("cognito-secured.pools.partners.client-id is missing"), message);
        assertTrue(message.contains(PartnersSignInUser.class.getName() + ".signIn"), message);
        assertFalse(message.contains("graphql.endpoint"), "a sign-in flow needs no GraphQL endpoint: " + message);
    }

    @Test
    void aPoolLookedUpThroughAnInstanceCountsAsInjected() {
        String message = bootFailure(PartnersSignInLookup.class);

        assertTrue(message.contains("cognito-secured.pools.partners.client-id is missing"), message);
        assertTrue(message.contains(PartnersSignInLookup.class.getName() + ".signIn"), message);
    }

    @Test
    void aBadPrefetchValueIsReported() {
        config = TestConfig.defaultPool("cognito-secured.prefetch", "soon");

        String message = bootFailure(TodoUser.class);

        assertTrue(message.contains("cognito-secured.prefetch: 'soon' is not a duration; write e.g. 2m or PT2M"),
                message);
    }

    @Test
    void theClientSecretIsNotInTheMessage() {
        String secret = "Zm9vYmFyLXNlY3JldC12YWx1ZQ";
        config = TestConfig.defaultPool("cognito-secured.client-secret", secret, "cognito-secured.auth-flow", "telepathy");

        String message = bootFailure(TodoUser.class);

        assertTrue(message.contains("cognito-secured.auth-flow: 'telepathy'"), message);
        assertFalse(message.contains(secret), message);
    }

    @Test
    void aPoolOnlyAGeneratedClientNamesNeedsNoConfigurationUntilTheClientIsUsed() {
        config = TestConfig.set(
                "cognito-secured.pools.partners.region", "eu-west-1",
                "cognito-secured.pools.partners.user-pool-id", "eu-west-1_Partners",
                "cognito-secured.pools.partners.client-id", "partners-client");

        // The index lists TodoApi_CognitoClient (default pool, not configured); nothing injects it.
        try (WeldContainer container = boot(PartnersSignInUser.class)) {
            TodoApi todos = container.select(TodoApi.class).get();

            RuntimeException failure = assertThrows(RuntimeException.class, () -> todos.title("1"));

            String message = theConfigurationError(failure).getMessage();
            assertTrue(message.contains("cognito-secured.client-id is missing"), message);
        }
    }
}
