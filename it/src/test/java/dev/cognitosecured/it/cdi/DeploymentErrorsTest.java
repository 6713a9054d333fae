package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.internal.cdi.CognitoSecuredExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Missing or wrong configuration of a pool that the application injects stops the container at
 * boot with a message naming the full key and the injection point; one test per mistake.
 */
class DeploymentErrorsTest {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private TestConfig config = TestConfig.set();

    @AfterEach
    void clearConfig() {
        config.close();
    }

    private static WeldContainer boot(Class<?>... beanClasses) {
        return new Weld("it-deployment-errors-" + CONTAINERS.incrementAndGet())
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

    private static CognitoSecuredException theConfigurationError(Throwable failure) {
        List<CognitoSecuredException> found = new ArrayList<>();
        collect(failure, found);
        assertEquals(1, found.size(), () -> "one configuration error expected in " + failure);
        return found.get(0);
    }

    /** Only the pool named "partners" is configured, without a GraphQL endpoint. */
    private static TestConfig partnersOnly() {
        return TestConfig.set(
                "cognito-secured.pools.partners.region", "eu-central-1",
                "cognito-secured.pools.partners.user-pool-id", "eu-central-1_Partners",
                "cognito-secured.pools.partners.client-id", "partners-client");
    }

    private static void collect(Throwable t, List<CognitoSecuredException> found) {
        if (t == null) {
            return;
        }
        if (t instanceof CognitoSecuredException error) {
            found.add(error);
        }
        collect(t.getCause(), found);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, found);
        }
    }

    @Test
    void aMissingClientIdNamesTheKeyAndTheBeanThatInjectsTheClient() {
        config = TestConfig.defaultPool().without("cognito-secured.client-id");

        String message = bootFailure(TodoService.class);

        assertTrue(message.contains("cognito-secured.client-id is missing"), message);
        assertTrue(message.contains(TodoService.class.getName() + ".todos"), message);
    }

    @Test
    void aMissingGraphqlEndpointNamesTheKey() {
        config = TestConfig.defaultPool().without("cognito-secured.graphql.endpoint");

        String message = bootFailure(TodoService.class);

        assertTrue(message.contains("cognito-secured.graphql.endpoint is missing"), message);
        assertTrue(message.contains(TodoService.class.getName() + ".todos"), message);
    }

    @Test
    void aNamedPoolWithoutConfigurationNamesItsKeys() {
        config = TestConfig.defaultPool();

        String message = bootFailure(PartnerService.class);

        for (String key : List.of("region", "user-pool-id", "client-id", "graphql.endpoint")) {
            assertTrue(message.contains("cognito-secured.pools.partners." + key + " is missing"), message);
        }
        assertTrue(message.contains(PartnerService.class.getName()), message);
    }

    @Test
    void aNamedPoolUsedOnlyToSignInNamesItsKeysButNoGraphqlEndpoint() {
        String message = bootFailure(PartnersLogin.class);

        for (String key : List.of("region", "user-pool-id", "client-id")) {
            assertTrue(message.contains("cognito-secured.pools.partners." + key + " is missing"), message);
        }
        assertTrue(message.contains(PartnersLogin.class.getName() + ".signIn"), message);
        assertFalse(message.contains("graphql.endpoint"), "a sign-in flow needs no GraphQL endpoint: " + message);
    }

    @Test
    void aPoolLookedUpThroughAnInstanceCountsAsInjected() {
        String message = bootFailure(PartnersLookup.class);

        assertTrue(message.contains("cognito-secured.pools.partners.client-id is missing"), message);
        assertTrue(message.contains(PartnersLookup.class.getName() + ".signIn"), message);
    }

    @Test
    void aBadPrefetchValueNamesTheKeyAndWhatToWrite() {
        config = TestConfig.defaultPool("cognito-secured.prefetch", "soon");

        String message = bootFailure(TodoService.class);

        assertTrue(message.contains("cognito-secured.prefetch: 'soon' is not a duration; write e.g. 2m or PT2M"),
                message);
    }

    @Test
    void aPoolUsedOnlyToSignInNeedsNoGraphqlEndpoint() {
        config = partnersOnly();

        try (WeldContainer container = boot(PartnersLogin.class)) {
            container.select(PartnersLogin.class).get().login("carol", "right".toCharArray());
        }
    }

    @Test
    void aPoolThatOnlyGeneratedClientsNameNeedsNoConfigurationUntilAClientIsUsed() {
        config = partnersOnly();

        // The client index lists TodoApi_CognitoClient (default pool, not configured); nothing injects it.
        try (WeldContainer container = boot(PartnersLogin.class)) {
            TodoApi todos = container.select(TodoApi.class).get();

            RuntimeException failure = assertThrows(RuntimeException.class, () -> todos.title("1"));

            String message = theConfigurationError(failure).getMessage();
            assertTrue(message.contains("cognito-secured.client-id is missing"), message);
        }
    }

    @Test
    void theClientSecretNeverAppearsInTheMessage() {
        String secret = "c2VjcmV0LWNsaWVudC1zZWNyZXQtdmFsdWU";
        config = TestConfig.defaultPool("cognito-secured.client-secret", secret,
                "cognito-secured.endpoint", "::bad::", "cognito-secured.auth-flow", "telepathy");

        String message = bootFailure(TodoService.class);

        assertTrue(message.contains("cognito-secured.endpoint: '::bad::'"), message);
        assertTrue(message.contains("cognito-secured.auth-flow: 'telepathy'"), message);
        assertFalse(message.contains(secret), message);
    }
}
