package dev.cognitosecured.testing.junit;

import dev.cognitosecured.testing.CognitoSecuredProperties;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs the stand-ins for a test class: one {@link LocalCognito} and, when the class
 * gives a schema, one {@link LocalGraphQL} that trusts it, both on one clock (a {@link ManualClock} unless
 * another is given), started before the class's first test and closed after its last. Each test gets a fresh
 * user pool and app client, which LocalGraphQL trusts for the time of that test, and starts with no request
 * counted, no fault injected and no GraphQL request recorded.
 *
 * <p>Register it in a {@code static} field:
 *
 * <pre>{@code
 * class TodoServiceTest {
 *
 *     @RegisterExtension
 *     static final CognitoTestKit KIT = CognitoTestKit.builder()
 *             .schemaResource("graphql/todo.graphqls")
 *             .graphQL(graphQL -> graphQL.dataFetcher("Query", "getTodo",
 *                     env -> Map.of("id", env.getArgument("id"), "title", "Buy milk")))
 *             .systemProperties()
 *             .build();
 *
 *     @Test
 *     void readsATodo(LocalCognito cognito, UserPool pool, ManualClock clock) {
 *         cognito.createUser(pool, "alice", "Corr3ct-horse");
 *         // start the application: its cognito-secured.* system properties name this test's pool
 *     }
 * }
 * }</pre>
 *
 * <p>Test, {@code @BeforeEach} and {@code @AfterEach} methods may declare parameters of these types: {@link
 * LocalCognito}, {@link LocalGraphQL}, the {@link ManualClock}, and the test's {@link UserPool}, {@link
 * AppClient} and {@link CognitoSecuredProperties}; {@code @BeforeAll} and {@code @AfterAll} methods the first
 * three. The clock keeps its time from one test to the next: it only moves forward. The tests of one class
 * share the servers, so they must not run concurrently; classes may. {@code @Nested} classes share the
 * stand-ins of the class around them.
 *
 * <p>The stand-ins of a class are a {@link LocalStandIns}, and each test's fresh pool its {@link
 * LocalStandIns#freshPool()}: outside JUnit 5, start them by hand the same way.
 */
public final class CognitoTestKit implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CognitoTestKit.class);
    private static final Set<Class<?>> CLASS_TYPES = Set.of(LocalCognito.class, LocalGraphQL.class, ManualClock.class);
    private static final Set<Class<?>> TEST_TYPES = Set.of(UserPool.class, AppClient.class,
            CognitoSecuredProperties.class);

    private final LocalStandIns.Builder standIns;
    private final String region;
    private final Optional<String> schemaResource;
    private final boolean graphQL;
    private final boolean systemProperties;

    private CognitoTestKit(Builder builder) {
        this.standIns = builder.standIns;
        this.region = builder.region;
        this.schemaResource = builder.schemaResource;
        this.graphQL = builder.graphQL;
        this.systemProperties = builder.systemProperties;
    }

    /** {@return a builder; with nothing set, the kit runs a LocalCognito on a {@link ManualClock} and no LocalGraphQL} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class finds the stand-ins of the class around it and shares them.
        context.getStore(NAMESPACE).getOrComputeIfAbsent(ClassStandIns.class, key -> start(context),
                ClassStandIns.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestStandIns test = classStandIns(context).nextTest();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(TestStandIns.class, test);
        if (systemProperties) {
            store.put(SystemPropertiesOverride.class, SystemPropertiesOverride.set(test.properties().asMap()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SystemPropertiesOverride properties =
                context.getStore(NAMESPACE).remove(SystemPropertiesOverride.class, SystemPropertiesOverride.class);
        if (properties != null) {
            properties.restore();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return CLASS_TYPES.contains(type) || TEST_TYPES.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        LocalStandIns standIns = classStandIns(context).standIns;
        if (type == LocalCognito.class) {
            return standIns.cognito();
        }
        if (type == LocalGraphQL.class) {
            return standIns.graphQL().orElseThrow(() -> new ParameterResolutionException("No LocalGraphQL runs for "
                    + context.getRequiredTestClass().getName() + ": give CognitoTestKit.builder() a schema(...) or"
                    + " schemaResource(...)"));
        }
        if (type == ManualClock.class) {
            if (standIns.clock() instanceof ManualClock manual) {
                return manual;
            }
            throw new ParameterResolutionException("The stand-ins run on " + standIns.clock() + ", not on a"
                    + " ManualClock: leave CognitoTestKit.builder().clock(...) unset, or give it a ManualClock");
        }
        TestStandIns test = context.getStore(NAMESPACE).get(TestStandIns.class, TestStandIns.class);
        if (test == null) {
            throw new ParameterResolutionException("A " + type.getSimpleName() + " is made for each test: ask for"
                    + " it in a test, @BeforeEach or @AfterEach method, not in a constructor or @BeforeAll method");
        }
        if (type == UserPool.class) {
            return test.pool();
        }
        if (type == AppClient.class) {
            return test.client();
        }
        return test.properties();
    }

    private ClassStandIns start(ExtensionContext context) {
        Optional<String> sdl = schemaResource.map(path -> readResource(context, path));
        synchronized (standIns) { // one kit may start for several classes at once, e.g. from a shared base class
            sdl.ifPresent(standIns::schema);
            return new ClassStandIns(standIns.start());
        }
    }

    private static ClassStandIns classStandIns(ExtensionContext context) {
        ClassStandIns standIns = context.getStore(NAMESPACE).get(ClassStandIns.class, ClassStandIns.class);
        if (standIns == null) {
            throw new ExtensionConfigurationException("CognitoTestKit in " + context.getRequiredTestClass().getName()
                    + " was not started for the class: register it in a static field"
                    + " (@RegisterExtension static final CognitoTestKit KIT = ...)");
        }
        return standIns;
    }

    private static String readResource(ExtensionContext context, String path) {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ExtensionConfigurationException("CognitoTestKit: no schema resource " + path
                        + " on the class path of " + context.getRequiredTestClass().getName()
                        + " (the path is relative to the class path root, e.g. graphql/schema.graphqls)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("CognitoTestKit: cannot read the schema resource " + path, e);
        }
    }

    @Override
    public String toString() {
        return "CognitoTestKit[region=" + region + ", graphQL=" + graphQL
                + ", systemProperties=" + systemProperties + "]";
    }

    /**
     * Chooses what a {@link CognitoTestKit} runs: the settings of {@link LocalStandIns.Builder}, a schema resource,
     * and system properties. A builder builds one kit.
     */
    public static final class Builder {

        private final LocalStandIns.Builder standIns = LocalStandIns.builder();
        private String region = "us-east-1";
        private Optional<String> schemaResource = Optional.empty();
        private boolean graphQL;
        private boolean systemProperties;

        private Builder() {}

        /**
         * The clock of both stand-ins. By default a new {@link ManualClock} for each test class, standing at the
         * time the class starts (in whole seconds); give {@link java.time.InstantSource#system()} when a client
         * that reads the real time (a browser or Node library) signs in.
         *
         * @param clock the clock of LocalCognito and LocalGraphQL
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            standIns.clock(clock);
            return this;
        }

        /**
         * The region in pool ids, and in {@code cognito-secured.region}; {@code us-east-1} by default.
         *
         * @param region the region, e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            standIns.region(region);
            this.region = region;
            return this;
        }

        /**
         * The settings of each test's fresh user pool; {@link PoolSettings#defaults()} by default.
         *
         * @param settings the pool's settings
         * @return this builder
         */
        public Builder pool(PoolSettings settings) {
            standIns.pool(settings);
            return this;
        }

        /**
         * The settings of each test's fresh app client; {@link ClientSettings#defaults()} by default.
         *
         * @param settings the app client's settings
         * @return this builder
         */
        public Builder client(ClientSettings settings) {
            standIns.client(settings);
            return this;
        }

        /**
         * Runs a LocalGraphQL with this schema, in SDL.
         *
         * @param sdl the schema, in the GraphQL schema definition language
         * @return this builder
         */
        public Builder schema(String sdl) {
            standIns.schema(sdl);
            this.schemaResource = Optional.empty();
            this.graphQL = true;
            return this;
        }

        /**
         * Runs a LocalGraphQL with the schema in the class-path resource {@code path} (UTF-8, relative to the
         * class-path root, e.g. {@code graphql/schema.graphqls}), read when the test class starts.
         *
         * @param path the resource's path
         * @return this builder
         */
        public Builder schemaResource(String path) {
            this.schemaResource = Optional.of(Objects.requireNonNull(path, "path"));
            this.graphQL = true;
            return this;
        }

        /**
         * Further settings of the LocalGraphQL: data fetchers, group requirements, latency, and so on. The kit
         * sets its clock and the user pool it trusts itself, after these.
         *
         * @param settings what to set on the LocalGraphQL's builder
         * @return this builder
         */
        public Builder graphQL(Consumer<LocalGraphQL.Builder> settings) {
            standIns.graphQL(settings);
            return this;
        }

        /**
         * Sets the {@link CognitoSecuredProperties} of each test as system properties ({@code
         * cognito-secured.endpoint}, {@code region}, {@code user-pool-id}, {@code client-id}, {@code
         * client-secret}, {@code graphql.endpoint}) before it, and puts back what was there after it.
         *
         * @return this builder
         */
        public Builder systemProperties() {
            this.systemProperties = true;
            return this;
        }

        /** {@return the extension, to put in a {@code static} field annotated {@code @RegisterExtension}} */
        public CognitoTestKit build() {
            return new CognitoTestKit(this);
        }
    }
}
