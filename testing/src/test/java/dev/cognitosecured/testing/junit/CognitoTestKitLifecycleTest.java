package dev.cognitosecured.testing.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cognitosecured.testing.CognitoSecuredProperties;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * What the extension does around a test class, seen by running sample classes (the static nested classes below,
 * which the build does not run by themselves) on the JUnit engine.
 */
class CognitoTestKitLifecycleTest {

    /** What the samples saw, in the order they saw it. Reset before each run. */
    static final List<Object> SEEN = new ArrayList<>();

    @Test
    void theStandInsServeEveryTestOfTheClassAndCloseAfterIt() {
        EngineExecutionResults results = run(TwoTests.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(4, SEEN.size(), "each test saw its LocalCognito and pool: " + SEEN);
        assertSame(SEEN.get(0), SEEN.get(2), "one LocalCognito for both tests");
        assertNotEquals(SEEN.get(1), SEEN.get(3), "a pool for each test");
        LocalCognito cognito = (LocalCognito) SEEN.get(0);
        assertRefused(cognito.endpoint());
        assertRefused(TwoTests.graphQLEndpoint);
    }

    @Test
    void aNestedClassSharesTheStandInsOfItsOuterClass() {
        EngineExecutionResults results = run(WithNested.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(2, SEEN.size());
        assertSame(SEEN.get(0), SEEN.get(1));
    }

    @Test
    void aKitInAnInstanceFieldIsAConfigurationError() {
        Throwable failure = onlyFailure(run(InstanceField.class).testEvents());

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("register it in a static field"), failure.getMessage());
    }

    @Test
    void withoutASchemaThereIsNoLocalGraphQLToAskFor() {
        Throwable failure = onlyFailure(run(NoSchema.class).testEvents());

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().contains("give CognitoTestKit.builder() a schema(...)"), failure.getMessage());
    }

    @Test
    void aMissingSchemaResourceIsNamed() {
        Throwable failure = onlyFailure(run(MissingSchemaResource.class).containerEvents());

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("no schema resource graphql/nowhere.graphqls"), failure.getMessage());
    }

    @Test
    void aPoolCannotBeAskedForBeforeAll() {
        Throwable failure = onlyFailure(run(PoolBeforeAll.class).containerEvents());

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().contains("A UserPool is made for each test"), failure.getMessage());
    }

    @Test
    void aManualClockCannotBeAskedForWhenTheKitRunsOnAnotherClock() {
        Throwable failure = onlyFailure(run(SystemClock.class).testEvents());

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().contains("not on a ManualClock"), failure.getMessage());
    }

    @Test
    void systemPropertiesPointAtEachTestsPoolAndAreRestoredAfterIt() {
        System.setProperty("cognito-secured.region", "before-the-test");
        try {
            run(SystemProperties.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

            assertEquals("before-the-test", System.getProperty("cognito-secured.region"));
            assertEquals(Optional.empty(), Optional.ofNullable(System.getProperty("cognito-secured.user-pool-id")));
            assertEquals(Optional.empty(), Optional.ofNullable(System.getProperty("cognito-secured.client-secret")));
        } finally {
            System.clearProperty("cognito-secured.region");
        }
    }

    private static EngineExecutionResults run(Class<?> sample) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunBySampleTests.PARAMETER, "run")
                .selectors(selectClass(sample))
                .execute();
    }

    private static Throwable onlyFailure(Events events) {
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "one failure: " + failed);
        return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    private static void assertRefused(URI endpoint) {
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), 1000);
            }
        }, "nothing listens on " + endpoint + " any more");
    }

    @ExtendWith(RunBySampleTests.class)
    static class TwoTests {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().schema("type Query { ok: Boolean }").build();

        static URI graphQLEndpoint;

        @Test
        void first(LocalCognito cognito, UserPool pool, LocalGraphQL graphQL) {
            SEEN.add(cognito);
            SEEN.add(pool.id());
            graphQLEndpoint = graphQL.endpoint();
        }

        @Test
        void second(LocalCognito cognito, UserPool pool) {
            SEEN.add(cognito);
            SEEN.add(pool.id());
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class WithNested {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().build();

        @Test
        void outer(LocalCognito cognito) {
            SEEN.add(cognito);
        }

        @Nested
        @ExtendWith(RunBySampleTests.class)
        class Inner {
            @Test
            void inner(LocalCognito cognito) {
                SEEN.add(cognito);
            }
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class InstanceField {
        @RegisterExtension
        final CognitoTestKit kit = CognitoTestKit.builder().build();

        @Test
        void test(LocalCognito cognito) {
            SEEN.add(cognito);
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class NoSchema {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().build();

        @Test
        void test(LocalGraphQL graphQL) {
            SEEN.add(graphQL);
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class MissingSchemaResource {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().schemaResource("graphql/nowhere.graphqls").build();

        @Test
        void test(LocalCognito cognito) {
            SEEN.add(cognito);
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class PoolBeforeAll {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().build();

        @BeforeAll
        static void setUp(UserPool pool) {
            SEEN.add(pool);
        }

        @Test
        void test() {
            SEEN.add("test");
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class SystemClock {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder().clock(InstantSource.system()).build();

        @Test
        void test(ManualClock clock) {
            SEEN.add(clock);
        }
    }

    @ExtendWith(RunBySampleTests.class)
    static class SystemProperties {
        @RegisterExtension
        static final CognitoTestKit KIT = CognitoTestKit.builder()
                .client(ClientSettings.defaults().withSecret())
                .systemProperties()
                .build();

        @Test
        void test(UserPool pool, AppClient client, CognitoSecuredProperties properties) {
            assertEquals("us-east-1", System.getProperty("cognito-secured.region"));
            assertEquals(pool.id(), System.getProperty("cognito-secured.user-pool-id"));
            assertEquals(client.clientId(), System.getProperty("cognito-secured.client-id"));
            assertEquals(client.clientSecret().orElseThrow(), System.getProperty("cognito-secured.client-secret"));
            assertEquals(Map.copyOf(properties.asMap()).keySet(), Map.of(
                    "cognito-secured.endpoint", "", "cognito-secured.region", "", "cognito-secured.user-pool-id", "",
                    "cognito-secured.client-id", "", "cognito-secured.client-secret", "").keySet());
            assertFalse(properties.toString().contains(client.clientSecret().orElseThrow()), properties.toString());
        }
    }
}
