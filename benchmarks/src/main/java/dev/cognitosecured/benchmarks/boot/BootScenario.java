package dev.cognitosecured.benchmarks.boot;

import dev.cognitosecured.runtime.internal.cdi.CognitoSecuredExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One application of the boot benchmark, ready to start: a bean that injects {@code clients} of the
 * {@link BootApis} interfaces, implemented either by the clients our processor generated, added by
 * the library's CDI extension from the client index (the library), or by
 * {@link HandWrittenBootClients} (the same application without the library).
 *
 * <p>Both run in Weld SE with bean discovery off, so the container holds exactly the beans named
 * here, plus what the extension adds.
 */
public final class BootScenario {

    /** With or without the library. */
    public enum Variant {
        LIBRARY,
        WITHOUT_LIBRARY
    }

    /** The configuration the library's default pool needs at boot (no request is ever sent). */
    private static final String[] CONFIGURATION = {
        "cognito-secured.region", "us-east-1",
        "cognito-secured.user-pool-id", "us-east-1_Boot",
        "cognito-secured.client-id", "boot-client",
        "cognito-secured.graphql.endpoint", "http://127.0.0.1:9/graphql",
    };

    private final Variant variant;
    private final Class<? extends BootApplication> application;
    private final int clients;
    private final ScenarioClassLoader loader;

    private BootScenario(Variant variant, int clients) {
        this.variant = variant;
        this.clients = clients;
        this.application = BootApplications.withClients(clients);
        ClassLoader parent = BootScenario.class.getClassLoader();
        if (variant == Variant.LIBRARY) {
            this.loader = ScenarioClassLoader.withIndex(parent, IntStream.rangeClosed(1, clients)
                    .mapToObj(i -> String.format("%s.BootApis_Api%03d_CognitoClient", BootApis.class.getPackageName(), i))
                    .toList());
        } else {
            this.loader = ScenarioClassLoader.withoutIndex(parent);
        }
    }

    /**
     * The classes given to Weld. The hand-written clients are loaded here, during the start, by name,
     * as the library's extension loads the generated ones from the client index: the first start of
     * either variant pays for loading its clients (and their interfaces). (Naming them as class
     * literals in a list would load them all, and their interfaces, before the start is timed.)
     */
    private Class<?>[] beanClasses() {
        List<Class<?>> beans = new ArrayList<>();
        beans.add(application);
        if (variant == Variant.WITHOUT_LIBRARY) {
            for (int i = 1; i <= clients; i++) {
                String name = String.format("%s$Api%03dClient", HandWrittenBootClients.class.getName(), i);
                try {
                    beans.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("no hand-written client " + name, e);
                }
            }
            beans.add(BootCaller.class);
        }
        return beans.toArray(Class<?>[]::new);
    }

    /** The application with {@code clients} clients (1, 10 or 100). */
    public static BootScenario of(Variant variant, int clients) {
        return new BootScenario(variant, clients);
    }

    /** Sets the library's configuration as system properties (the library reads them when there is no MicroProfile Config). */
    public static void configure() {
        for (int i = 0; i < CONFIGURATION.length; i += 2) {
            System.setProperty(CONFIGURATION[i], CONFIGURATION[i + 1]);
        }
    }

    /**
     * Starts the container and makes the application bean, which injects every client.
     *
     * @return the running container; the caller shuts it down
     */
    public WeldContainer start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Weld weld = new Weld(UUID.randomUUID().toString())
                    .setClassLoader(loader)
                    .disableDiscovery()
                    .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                    .addBeanClasses(beanClasses());
            if (variant == Variant.LIBRARY) {
                weld.addExtension(new CognitoSecuredExtension());
            }
            WeldContainer container = weld.initialize();
            int injected = container.select(application).get().injectedClients();
            if (injected != clients) {
                container.shutdown();
                throw new IllegalStateException(this + " injected " + injected + " clients");
            }
            return container;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return "BootScenario[" + variant + ", " + clients + " clients]";
    }
}
