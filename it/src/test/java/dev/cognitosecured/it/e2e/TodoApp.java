package dev.cognitosecured.it.e2e;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.client.CallMargin;
import dev.cognitosecured.runtime.internal.cdi.CognitoSecuredExtension;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.ws.rs.client.Client;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The application booted as a user boots it in Weld SE: the cognito-secured extension (which adds
 * the generated clients and the pool's beans from its configuration), the {@link TodoService}, and
 * the parts the test replaces ({@link ReplacementParts}): always the clock, others when asked. The configuration is given as system
 * properties while the container boots (the extension reads it then), and put back afterwards.
 */
public final class TodoApp implements AutoCloseable {

    private final WeldContainer container;

    private TodoApp(WeldContainer container) {
        this.container = container;
    }

    /** Boots the application with {@code config} and {@code ticker}; everything else is the default. */
    public static TodoApp boot(Map<String, String> config, Ticker ticker) {
        return with(config, ticker).boot();
    }

    /** An application to boot with {@code config} and {@code ticker}, and the replacements given to the builder. */
    public static Builder with(Map<String, String> config, Ticker ticker) {
        return new Builder(config, ticker);
    }

    public TodoService service() {
        return container.select(TodoService.class).get();
    }

    /** The generated client of {@code api}, as the application would inject it. */
    public <T> T client(Class<T> api) {
        return container.select(api).get();
    }

    /** The sign-in flow of {@code pool} (of the active session, with {@code session-scope=session}). */
    public SignIn signIn(String pool) {
        return container.select(SignIn.class, AuthFlow.Literal.of(pool)).get();
    }

    /** The default pool's margin, learned from its callers' attempts. */
    public CallMargin margin() {
        return container.select(CallMargin.class, AuthFlow.Literal.of("default")).get();
    }

    public StoreEvents events() {
        return container.select(StoreEvents.class).get();
    }

    /** The default pool's session store (of the active session, with {@code session-scope=session}). */
    public SessionStore store() {
        return container.select(SessionStore.class, AuthFlow.Literal.of("default")).get();
    }

    /**
     * The default pool's session store of the active context itself, not its client proxy: what a caller
     * holds that took the store in its scope and still holds it after the scope ended.
     */
    public SessionStore storeInstance() {
        BeanManager beans = container.getBeanManager();
        Bean<?> bean = beans.resolve(beans.getBeans(SessionStore.class, AuthFlow.Literal.of("default")));
        return (SessionStore) instanceOf(beans, bean);
    }

    private static <T> T instanceOf(BeanManager beans, Bean<T> bean) {
        return beans.getContext(bean.getScope()).get(bean, beans.createCreationalContext(bean));
    }

    /** The container's bean manager. */
    public BeanManager beans() {
        return container.getBeanManager();
    }

    /** Weld's session context bound to a map, as a servlet container's HTTP session would be. */
    public BoundSessionContext sessions() {
        return container.select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
    }

    @Override
    public void close() {
        container.close();
    }

    /** Chooses the parts of the application that replace the defaults. */
    public static final class Builder {
        private final Map<String, String> config;
        private final Ticker ticker;
        private Optional<IdentityProvider> identityProvider = Optional.empty();
        private Optional<GraphQLTransport> transport = Optional.empty();
        private Optional<Client> client = Optional.empty();
        private final Map<Class<?>, Object> others = new LinkedHashMap<>();
        private String containerId = "e2e-" + UUID.randomUUID();
        private final List<Class<?>> beanClasses = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();

        private Builder(Map<String, String> config, Ticker ticker) {
            this.config = Map.copyOf(config);
            this.ticker = Objects.requireNonNull(ticker, "ticker");
        }

        public Builder identityProvider(IdentityProvider provider) {
            this.identityProvider = Optional.of(provider);
            return this;
        }

        public Builder transport(GraphQLTransport replacement) {
            this.transport = Optional.of(replacement);
            return this;
        }

        /** The application's own JAX-RS client for the default pool, as a {@code @AuthFlow Client} bean. */
        public Builder client(Client own) {
            this.client = Optional.of(own);
            return this;
        }

        /** The wall clock a passivated session's age is told by (the library's default: the system's). */
        public Builder wallClock(InstantSource clock) {
            return part(InstantSource.class, clock);
        }

        /** {@code part} as the application's {@code @Default} bean of {@code type}, e.g. a {@code SessionCodec}. */
        public <T> Builder part(Class<T> type, T part) {
            others.put(type, Objects.requireNonNull(part, "part"));
            return this;
        }

        /**
         * The container's id, as a server gives the same application the same id on every node and after a
         * restart: Weld finds the beans of a passivated session by it.
         */
        public Builder containerId(String id) {
            this.containerId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** More bean classes and extensions of the application, e.g. a health reporter and its configuration. */
        public Builder with(List<Class<?>> classes, List<Extension> more) {
            beanClasses.addAll(classes);
            extensions.addAll(more);
            return this;
        }

        public TodoApp boot() {
            Weld weld = new Weld(containerId)
                    .disableDiscovery()
                    .addExtension(new CognitoSecuredExtension())
                    .addExtension(new ReplacementParts(ticker, identityProvider, transport, client, others))
                    .addBeanClasses(TodoService.class, StoreEvents.class)
                    .addBeanClasses(beanClasses.toArray(Class<?>[]::new))
                    .addExtensions(extensions.toArray(Extension[]::new));
            return new TodoApp(withSystemProperties(config, weld::initialize));
        }
    }

    private static <T> T withSystemProperties(Map<String, String> properties, Supplier<T> action) {
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        properties.forEach((key, value) -> previous.put(key,
                Optional.ofNullable(System.setProperty(key, Objects.requireNonNull(value, key)))));
        try {
            return action.get();
        } finally {
            previous.forEach((key, value) -> {
                if (value.isPresent()) {
                    System.setProperty(key, value.get());
                } else {
                    System.clearProperty(key);
                }
            });
        }
    }
}
