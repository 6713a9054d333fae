package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import jakarta.ws.rs.core.GenericType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without replacement beans a pool gets the default parts: the JAX-RS transport, here talking HTTP
 * to a server on loopback, and the Cognito identity provider on the AWS SDK. The parts the
 * extension made are closed when the container shuts down.
 */
class DefaultPartsTest {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private TestConfig config;

    @BeforeEach
    void startServer() throws IOException {
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
        config = TestConfig.defaultPool(
                "cognito-secured.graphql.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql",
                "cognito-secured.authorization-prefix", "Bearer ",
                "cognito-secured.endpoint", "http://127.0.0.1:9");
    }

    @AfterEach
    void stopServer() {
        config.close();
        server.stop(0);
    }

    private static WeldContainer boot(Class<?>... beanClasses) {
        return new Weld("default-parts-" + CONTAINERS.incrementAndGet())
                .disableDiscovery()
                .addExtension(new CognitoSecuredExtension())
                .addBeanClasses(beanClasses)
                .initialize();
    }

    @Test
    void theDefaultTransportSendsTheTokenOverHttpAndIsClosedAtShutdown() {
        GraphQLTransport transport;
        try (WeldContainer container = boot(FakeCognito.class)) {
            container.select(SignIn.class, AuthFlow.Literal.of("default")).get().start("alice", "right".toCharArray());

            assertEquals("Buy milk", container.select(TodoApi.class).get().title("1"));
            assertEquals(List.of("Bearer access-alice-1"), authorizations);

            transport = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get().transport();
            assertInstanceOf(JaxRsGraphQLTransport.class, transport);
        }

        Operation<String> operation = Operation.of("Closed.check", "{ todo }", null, "todo", List.of(),
                new GenericType<String>(String.class), CallPolicy.of(TokenKind.ACCESS, 0, 0));
        assertThrows(IllegalStateException.class, () -> transport.execute(operation, Map.of(), "token"));
        assertEquals(1, authorizations.size());
    }

    @Test
    void withoutAReplacementTheIdentityProviderIsCognitos() {
        try (WeldContainer container = boot(FakeGraphQL.class)) {
            PoolRuntime runtime = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get();

            assertInstanceOf(CognitoIdentityProvider.class, runtime.identityProvider());
            assertInstanceOf(FakeGraphQL.class, runtime.transport());
        }
    }
}
