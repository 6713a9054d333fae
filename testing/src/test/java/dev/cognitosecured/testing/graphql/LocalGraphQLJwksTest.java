package dev.cognitosecured.testing.graphql;

import static dev.cognitosecured.testing.graphql.TestSchema.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys fetched over HTTP from a user pool's JWKS endpoint, as Cognito publishes them. */
class LocalGraphQLJwksTest {

    private static final String GET_TODO = GraphQLHttp.body("{ getTodo(id: \"1\") { title } }");

    private static final TestTokens TOKENS = new TestTokens("key-1");
    private final ManualClock clock = ManualClock.at(NOW);
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private HttpServer jwksServer;
    private LocalGraphQL server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    /** Serves the test key set at {@code /<poolId>/.well-known/jwks.json}; returns the pool's issuer. */
    private URI servePool(String poolId) throws IOException {
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/" + poolId + "/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = TOKENS.publicKeys().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwksServer.start();
        return URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/" + poolId);
    }

    @Test
    void trustsTheKeysAndIssuerOfAUserPool() throws Exception {
        URI issuer = servePool("local_Pool1");
        server = TestSchema.builder(TOKENS, clock).userPool(issuer).start();
        GraphQLHttp http = new GraphQLHttp(server.endpoint());
        String token = TOKENS.accessToken("alice", NOW, NOW.plusSeconds(60), claims -> claims.issuer(issuer.toString()));

        HttpResponse<String> first = http.post(token, GET_TODO);
        HttpResponse<String> second = http.post(token, GET_TODO);

        assertEquals("{\"data\":{\"getTodo\":{\"title\":\"Buy milk\"}}}", first.body());
        assertEquals(200, second.statusCode());
        assertTrue(jwksFetches.get() >= 1);
        String otherIssuer = TOKENS.accessToken("alice", NOW, NOW.plusSeconds(60), claims -> claims);
        assertEquals(401, http.post(otherIssuer, GET_TODO).statusCode());
    }

    @Test
    void unreachableJwksIsAServerErrorNotA401() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI issuer = URI.create("http://127.0.0.1:" + closedPort + "/local_Gone");
        server = TestSchema.builder(TOKENS, clock).userPool(issuer).start();
        String token = TOKENS.accessToken("alice", NOW, NOW.plusSeconds(60), claims -> claims.issuer(issuer.toString()));

        HttpResponse<String> response = new GraphQLHttp(server.endpoint()).post(token, GET_TODO);

        assertEquals(500, response.statusCode());
        assertEquals(ReceivedRequest.Outcome.KEYS_UNAVAILABLE, server.requests().get(0).outcome());
        assertTrue(response.body().contains("JWKS"), response.body());
    }

    @Test
    void trustsKeysFromAJwksUri() throws Exception {
        URI issuer = servePool("local_Pool2");
        server = TestSchema.builder(TOKENS, clock)
                .jwks(URI.create(issuer + "/.well-known/jwks.json"))
                .start();

        HttpResponse<String> response = new GraphQLHttp(server.endpoint())
                .post(TOKENS.accessToken("alice", List.of(), NOW, NOW.plusSeconds(60)), GET_TODO);

        assertEquals(200, response.statusCode(), response.body());
    }
}
