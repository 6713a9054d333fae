package dev.cognitosecured.it.demo;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The example application in a Weld SE container: {@link TodoService} and {@link SessionEvents}, with
 * the portable extensions the jars on the class path register (cognito-secured-runtime's, which adds
 * the generated {@code TodoApi_CognitoClient} and the pool's {@code SignIn} and session store). The
 * library reads its {@code cognito-secured.*} configuration when the container boots.
 */
public final class DemoApplication implements AutoCloseable {

    private final WeldContainer container;

    private DemoApplication(WeldContainer container) {
        this.container = container;
    }

    /**
     * Boots the container.
     *
     * @throws RuntimeException what Weld reports, e.g. a configuration key of the pool that is missing
     */
    public static DemoApplication boot() {
        Weld weld = new Weld("cognito-secured-demo-" + UUID.randomUUID())
                .disableDiscovery()
                .addBeanClasses(TodoService.class, SessionEvents.class);
        ServiceLoader.load(Extension.class).forEach(weld::addExtension);
        return new DemoApplication(weld.initialize());
    }

    public TodoService todoService() {
        return container.select(TodoService.class).get();
    }

    public SessionEvents sessionEvents() {
        return container.select(SessionEvents.class).get();
    }

    @Override
    public void close() {
        container.close();
    }
}
