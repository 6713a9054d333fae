package dev.cognitosecured.runtime.internal.graphql;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The default {@link GraphQLTransport}: POSTs each operation as JSON to one endpoint with the JAX-RS
 * client, sends the token in the {@code Authorization} header (after a configurable prefix: none
 * for AppSync, {@code "Bearer "} for servers that want one), and binds the result with JSON-B.
 *
 * <p>The asynchronous variant uses the client's reactive invoker, so no caller thread waits for the
 * answer. Neither the token nor anything that looks like one ever appears in an exception message.
 */
public final class JaxRsGraphQLTransport implements GraphQLTransport {

    private final WebTarget target;
    private final String endpointForMessages;
    private final String authorizationPrefix;
    private final GraphQLRequestBody requestBody;
    private final GraphQLResponseReader responseReader;

    /**
     * A transport to one GraphQL endpoint.
     *
     * @param client the JAX-RS client that sends the requests (its timeouts and executor apply)
     * @param endpoint the GraphQL endpoint, e.g. {@code https://xyz.appsync-api.eu-west-1.amazonaws.com/graphql}
     * @param authorizationPrefix what precedes the token in the {@code Authorization} header:
     *     {@code ""} for AppSync, {@code "Bearer "} for servers that expect that scheme
     * @param jsonb binds variables and results
     */
    public JaxRsGraphQLTransport(Client client, URI endpoint, String authorizationPrefix, Jsonb jsonb) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(endpoint, "endpoint");
        this.authorizationPrefix = Objects.requireNonNull(authorizationPrefix, "authorizationPrefix");
        Objects.requireNonNull(jsonb, "jsonb");
        this.target = client.target(endpoint);
        this.endpointForMessages = withoutUserInfoAndQuery(endpoint);
        this.requestBody = new GraphQLRequestBody(jsonb);
        this.responseReader = new GraphQLResponseReader(jsonb);
    }

    @Override
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        Entity<String> body = body(operation, variables);
        Invocation.Builder request = request(token);
        Response response;
        try {
            response = request.post(body);
        } catch (ProcessingException e) {
            throw unreachable(operation, e);
        }
        return read(operation, response, token);
    }

    @Override
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletionStage<Response> answer;
        try {
            answer = request(token).rx().post(body(operation, variables));
        } catch (RuntimeException e) {
            result.completeExceptionally(e instanceof ProcessingException ? unreachable(operation, e) : e);
            return result;
        }
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unreachable(operation, unwrap(failure)));
                return;
            }
            try {
                result.complete(read(operation, response, token));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Entity<String> body(GraphQLOperation<?> operation, Map<String, Object> variables) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(variables, "variables");
        return Entity.entity(requestBody.write(operation, variables), MediaType.APPLICATION_JSON_TYPE);
    }

    private Invocation.Builder request(String token) {
        Objects.requireNonNull(token, "token");
        return target.request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorizationPrefix + token);
    }

    private <T> T read(GraphQLOperation<T> operation, Response response, String token) {
        try (response) {
            int status = response.getStatus();
            String body;
            try {
                body = response.hasEntity() ? response.readEntity(String.class) : "";
            } catch (ProcessingException | IllegalStateException e) {
                throw new TransportException("GraphQL operation " + operation.name() + ": the body of the HTTP "
                        + status + " answer could not be read: " + causeText(e, token), status, e);
            }
            return responseReader.read(operation, status, body == null ? "" : body, token);
        }
    }

    private TransportException unreachable(GraphQLOperation<?> operation, Throwable failure) {
        return new TransportException("GraphQL operation " + operation.name() + " got no answer from "
                + endpointForMessages + ": " + causeText(failure, null), failure);
    }

    /** The innermost cause's class and message, scrubbed, for a message. */
    private static String causeText(Throwable failure, String token) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + BodyExcerpt.of(message, token));
    }


    private static String withoutUserInfoAndQuery(URI endpoint) {
        if (endpoint.getHost() == null) {
            return "the GraphQL endpoint";
        }
        return endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
                + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath());
    }
}
