package dev.cognitosecured.runtime.internal.graphql;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.internal.config.Limits;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
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
    private final long maxAnswerBytes;

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
        this(client, endpoint, authorizationPrefix, jsonb, Limits.DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * A transport to one GraphQL endpoint that refuses answers larger than {@code maxAnswerBytes}, with a
     * {@link TransportException}, without reading them whole: an answer whose {@code Content-Length} is
     * larger is not read at all, and one without (chunked) is read up to the bound and no further.
     *
     * @param maxAnswerBytes the largest answer body read, in bytes ({@code graphql.max-answer-size})
     */
    public JaxRsGraphQLTransport(Client client, URI endpoint, String authorizationPrefix, Jsonb jsonb,
            long maxAnswerBytes) {
        Objects.requireNonNull(client, "client");
        if (maxAnswerBytes <= 0) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes);
        }
        this.maxAnswerBytes = maxAnswerBytes;
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
            OptionalLong declared = declaredLength(response);
            if (declared.isPresent() && declared.getAsLong() > maxAnswerBytes) {
                throw tooLarge(operation, status, "declares " + declared.getAsLong() + " bytes (Content-Length)");
            }
            String body;
            try {
                body = response.hasEntity() ? boundedBody(response) : "";
            } catch (BoundedInputStream.TooLarge e) {
                throw tooLarge(operation, status, "went past the bound while it was read; the rest was not read");
            } catch (ProcessingException | IllegalStateException | IOException e) {
                throw new TransportException("GraphQL operation " + operation.name() + ": the body of the HTTP "
                        + status + " answer could not be read: " + causeText(e, token), status, e);
            }
            return responseReader.read(operation, status, body == null ? "" : body, token);
        }
    }

    /**
     * The answer's body, decoded with the charset of its {@code Content-Type} (UTF-8 if none), read
     * through a {@link BoundedInputStream} of {@link #maxAnswerBytes}.
     */
    private String boundedBody(Response response) throws IOException {
        InputStream entity = response.readEntity(InputStream.class);
        if (entity == null) {
            return "";
        }
        byte[] bytes;
        try (BoundedInputStream bounded = new BoundedInputStream(entity, maxAnswerBytes)) {
            bytes = bounded.readAllBytes();
        }
        return new String(bytes, charsetOf(response.getMediaType()));
    }

    private static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The answer's {@code Content-Length}, if it declares one that is a number. */
    private static OptionalLong declaredLength(Response response) {
        String header = response.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private TransportException tooLarge(GraphQLOperation<?> operation, int status, String what) {
        return new TransportException("GraphQL operation " + operation.name() + ": the HTTP " + status + " answer "
                + what + ", and answers are read up to " + maxAnswerBytes + " bytes. Ask for less (fewer fields,"
                + " a page of the list), or raise cognito-secured.graphql.max-answer-size.", status, null);
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
