package dev.cognitosecured.it.e2e;

import dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * The runtime's own transport ({@link JaxRsGraphQLTransport} over a default JAX-RS client, as the
 * extension makes it), with at most {@code connections} requests in flight at once, as an HTTP client
 * with a bounded connection pool has. For the storms, whose thousands of callers all reach the API in
 * the same instant once their refresh completes: LocalGraphQL's JDK HTTP server listens with the
 * default accept backlog of 50, and a loaded machine then resets some of a thousand simultaneous new
 * connections. The bound applies to blocking calls only; the storms make no others.
 */
public final class BoundedTransport implements GraphQLTransport, AutoCloseable {

    private final Client client = ClientBuilder.newClient();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final GraphQLTransport transport;
    private final Semaphore connections;

    /** How many connections the storms' transport has: fewer than LocalGraphQL accepts at once. */
    public static final int STORM_CONNECTIONS = 32;

    public BoundedTransport(URI endpoint, int connections) {
        this.transport = new JaxRsGraphQLTransport(client, endpoint, "", jsonb);
        this.connections = new Semaphore(connections);
    }

    @Override
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        connections.acquireUninterruptibly();
        try {
            return transport.execute(operation, variables, token);
        } finally {
            connections.release();
        }
    }

    @Override
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        return transport.executeAsync(operation, variables, token);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                jsonb.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing JSON-B failed", e);
            }
        }
    }
}
