package dev.cognitosecured.runtime.internal.cdi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The default pool, configured by system properties, pointed at a GraphQL server on loopback that answers
 * every request with the title "Buy milk" and records its {@code Authorization} headers (Cognito's endpoint is
 * a closed port: tests replace the identity provider or never sign in), and Weld containers with the
 * extension that serve it.
 *
 * <p>A JUnit 5 extension in an instance field ({@code @RegisterExtension}): the server starts and the
 * properties are set before each test; the properties are cleared and the server stopped after it. It uses
 * nothing but the JDK, Weld and the runtime, so it serves on a class path without the optional libraries.
 */
final class DefaultPoolOnLoopback implements BeforeEachCallback, AfterEachCallback {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final Map<String, String> moreProperties;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Map<String, String> config;

    /** The default pool's properties and {@code moreProperties}. */
    DefaultPoolOnLoopback(Map<String, String> moreProperties) {
        this.moreProperties = Map.copyOf(moreProperties);
    }

    /** The {@code Authorization} header of each request the GraphQL server got, in order. */
    List<String> authorizations() {
        return authorizations;
    }

    /**
     * A container with the extension, {@link DefaultPartsTest.TodoCaller} (the application bean that uses the
     * default pool) and {@code replacements}; the caller closes it.
     */
    WeldContainer boot(Class<?>... replacements) {
        return new Weld("default-pool-" + CONTAINERS.incrementAndGet())
                .disableDiscovery()
                .addExtension(new CognitoSecuredExtension())
                .addBeanClasses(DefaultPartsTest.TodoCaller.class)
                .addBeanClasses(replacements)
                .initialize();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"data\":{\"todo\":\"Buy milk\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "cognito-secured.region", "eu-west-1",
                "cognito-secured.user-pool-id", "eu-west-1_Test",
                "cognito-secured.client-id", "test-client",
                "cognito-secured.graphql.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql",
                "cognito-secured.endpoint", "http://127.0.0.1:9"));
        properties.putAll(moreProperties);
        config = Map.copyOf(properties);
        config.forEach(System::setProperty);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (config != null) {
            config.keySet().forEach(System::clearProperty);
        }
        if (server != null) {
            server.stop(0);
        }
    }
}
