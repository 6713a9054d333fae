package dev.cognitosecured.runtime.internal.graphql;

import static dev.cognitosecured.runtime.internal.concurrent.Completions.rethrowable;
import static dev.cognitosecured.runtime.internal.concurrent.Completions.unwrap;

import dev.cognitosecured.runtime.CallInterruptedException;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.internal.concurrent.BoundedWait;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default {@link GraphQLTransport}: POSTs each operation as JSON to one endpoint with the JAX-RS
 * client, sends the token in the {@code Authorization} header (after a configurable prefix: none
 * for AppSync, {@code "Bearer "} for servers that want one), and binds the result with JSON-B.
 *
 * <p>The asynchronous variant uses the client's reactive invoker, so no caller thread waits for the
 * answer, and its stage fails at {@code graphql.timeout} from sending to the last byte. A blocking call
 * runs on the caller's thread, bounded by the client's connect and read timeouts (see
 * {@link #execute(GraphQLOperation, Map, String)}). Every timeout is a {@link CallTimeoutException}
 * naming the part (connecting, waiting for the answer) and the key to raise. Neither the token nor
 * anything that looks like one ever appears in an exception message.
 */
public final class JaxRsGraphQLTransport implements GraphQLTransport {

    private final WebTarget target;
    private final String endpointForMessages;
    private final String authorizationPrefix;
    private final GraphQLRequestBody requestBody;
    private final GraphQLResponseReader responseReader;
    private final long maxAnswerBytes;
    private final String maxAnswerKey;
    private final Duration attemptTimeout;
    private final long attemptNanos;
    private final Duration connectTimeout;
    private final String attemptKey;
    private final String connectKey;

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
        this(client, endpoint, authorizationPrefix, jsonb, Limits.DEFAULTS, PoolKeys.of(PoolKeys.DEFAULT_POOL));
    }

    /**
     * A transport to one GraphQL endpoint whose attempts end at {@code limits.graphqlTimeout()}, from
     * sending to the last byte, and that refuses answers larger than {@code limits.maxAnswerBytes()} with a
     * {@link TransportException} without reading them whole (an answer whose {@code Content-Length} is larger
     * is not read at all, and a chunked one is read up to the bound and no further); {@code keys} name the
     * configuration keys in its exceptions. The client's
     * own connect and read timeouts are the client's (the pool's default client has
     * {@code graphql.connect-timeout} and {@code graphql.timeout}).
     */
    public JaxRsGraphQLTransport(Client client, URI endpoint, String authorizationPrefix, Jsonb jsonb,
            Limits limits, PoolKeys keys) {
        Objects.requireNonNull(client, "client");
        this.maxAnswerBytes = limits.maxAnswerBytes();
        this.maxAnswerKey = keys.full(PoolKeys.GRAPHQL_MAX_ANSWER_SIZE);
        this.attemptTimeout = limits.graphqlTimeout();
        this.attemptNanos = BoundedWait.nanos(attemptTimeout);
        this.connectTimeout = limits.graphqlConnectTimeout();
        this.attemptKey = keys.full(PoolKeys.GRAPHQL_TIMEOUT);
        this.connectKey = keys.full(PoolKeys.GRAPHQL_CONNECT_TIMEOUT);
        Objects.requireNonNull(endpoint, "endpoint");
        this.authorizationPrefix = Objects.requireNonNull(authorizationPrefix, "authorizationPrefix");
        Objects.requireNonNull(jsonb, "jsonb");
        this.target = client.target(endpoint);
        this.endpointForMessages = withoutUserInfoAndQuery(endpoint);
        this.requestBody = new GraphQLRequestBody(jsonb);
        this.responseReader = new GraphQLResponseReader(jsonb);
    }

    /**
     * Sends the operation and waits for its result, on the calling thread: the client's connect and
     * read timeouts bound it ({@code graphql.connect-timeout}, and {@code graphql.timeout} for each
     * read, so a server that never answers ends the attempt at {@code graphql.timeout}), and a timeout
     * is a {@link CallTimeoutException} naming the part and the key. An answer that keeps trickling in,
     * each read within the read timeout, is given up at the first read that ends after
     * {@code graphql.timeout} (so at most one read timeout late), rather than bounded exactly as the
     * asynchronous variant is: a hop to another thread for every blocking call would cost a third of the
     * calls per second at 20 callers (docs/BENCHMARKS.md, "Loopback throughput").
     */
    @Override
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token) {
        Entity<String> body = body(operation, variables);
        Invocation.Builder request = request(token);
        long startedAt = System.nanoTime();
        Response response;
        try {
            response = request.post(body);
        } catch (ProcessingException e) {
            throw unreachable(operation, e, startedAt);
        }
        return read(operation, response, token, startedAt);
    }

    /**
     * As {@link #execute(GraphQLOperation, Map, String)}; if {@code maxWait} is shorter than
     * {@code graphql.timeout}, the request runs on the client's asynchronous invoker and the caller
     * waits for it at most {@code maxWait}, from sending to the last byte.
     */
    @Override
    public <T> T execute(GraphQLOperation<T> operation, Map<String, Object> variables, String token,
            Duration maxWait) {
        long bound = BoundedWait.nanos(maxWait);
        return bound >= attemptNanos ? execute(operation, variables, token)
                : executeWithin(operation, variables, token, bound);
    }

    private <T> T executeWithin(GraphQLOperation<T> operation, Map<String, Object> variables, String token,
            long bound) {
        long startedAt = System.nanoTime();
        CompletableFuture<T> result = send(operation, variables, token, startedAt);
        try {
            return result.get(bound, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw timedOut(operation, Part.WAITING_FOR_ANSWER, startedAt, e);
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new CallInterruptedException("GraphQL operation " + operation.name() + " was interrupted while it"
                    + " waited for the answer; the thread's interrupt flag is set.", e);
        } catch (ExecutionException e) {
            throw rethrowable(unwrap(e));
        }
    }

    /** As {@link #execute}, without blocking the calling thread; the stage fails at {@code graphql.timeout}. */
    @Override
    public <T> CompletionStage<T> executeAsync(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token) {
        long startedAt = System.nanoTime();
        CompletableFuture<T> result = send(operation, variables, token, startedAt);
        if (result.isDone()) {
            return result;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        result.orTimeout(attemptNanos, TimeUnit.NANOSECONDS).whenComplete((value, failure) -> {
            if (failure == null) {
                bounded.complete(value);
            } else {
                Throwable cause = unwrap(failure);
                bounded.completeExceptionally(cause instanceof TimeoutException
                        ? timedOut(operation, Part.WAITING_FOR_ANSWER, startedAt, cause) : cause);
            }
        });
        return bounded;
    }

    /** Sends the request on the client's asynchronous invoker; the future completes with the bound result. */
    private <T> CompletableFuture<T> send(GraphQLOperation<T> operation, Map<String, Object> variables,
            String token, long startedAt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletionStage<Response> answer;
        try {
            answer = request(token).rx().post(body(operation, variables));
        } catch (RuntimeException e) {
            result.completeExceptionally(e instanceof ProcessingException ? unreachable(operation, e, startedAt) : e);
            return result;
        }
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unreachable(operation, unwrap(failure), startedAt));
                return;
            }
            if (result.isDone()) {
                response.close(); // the caller gave up: drop the late answer
                return;
            }
            try {
                result.complete(read(operation, response, token, startedAt));
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

    private <T> T read(GraphQLOperation<T> operation, Response response, String token, long startedAt) {
        try (response) {
            int status = response.getStatus();
            OptionalLong declared = declaredLength(response);
            if (declared.isPresent() && declared.getAsLong() > maxAnswerBytes) {
                throw tooLarge(operation, status, "declares " + declared.getAsLong() + " bytes (Content-Length)");
            }
            byte[] bytes;
            try {
                bytes = response.hasEntity() ? boundedBytes(response, operation, startedAt) : new byte[0];
            } catch (BoundedInputStream.TooLarge e) {
                throw tooLarge(operation, status, "went past the bound while it was read; the rest was not read");
            } catch (ProcessingException | IOException e) {
                if (timedOutPart(e) != null) {
                    throw timedOut(operation, Part.WAITING_FOR_ANSWER, startedAt, e);
                }
                throw new TransportException("GraphQL operation " + operation.name() + ": the body of the HTTP "
                        + status + " answer could not be read" + cutShort(declared) + ": " + causeText(e, token),
                        status, e);
            } catch (IllegalStateException e) {
                throw new TransportException("GraphQL operation " + operation.name() + ": the body of the HTTP "
                        + status + " answer could not be read: " + causeText(e, token), status, e);
            }
            if (declared.isPresent() && bytes.length < declared.getAsLong()) { // a client that does not notice
                throw new TransportException("GraphQL operation " + operation.name() + ": the body of the HTTP "
                        + status + " answer could not be read" + cutShort(declared) + ": the connection ended after "
                        + bytes.length + " bytes", status, null);
            }
            String body = new String(bytes, charsetOf(response.getMediaType()));
            return responseReader.read(operation, status, body, token);
        }
    }

    /**
     * The answer's body, read
     * through a {@link BoundedInputStream} of {@link #maxAnswerBytes}, and given up with a
     * {@link CallTimeoutException} at the first read that ends after {@code graphql.timeout}: each read
     * waits at most the client's read timeout, so an answer that trickles in ends the attempt at most one
     * read timeout after {@code graphql.timeout}.
     */
    private byte[] boundedBytes(Response response, GraphQLOperation<?> operation, long startedAt) throws IOException {
        InputStream entity = response.readEntity(InputStream.class);
        if (entity == null) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (BoundedInputStream bounded = new BoundedInputStream(entity, maxAnswerBytes)) {
            for (int n = bounded.read(chunk); n >= 0; n = bounded.read(chunk)) {
                bytes.write(chunk, 0, n);
                if (System.nanoTime() - startedAt > attemptNanos) { // an answer that trickles in
                    throw timedOut(operation, Part.WAITING_FOR_ANSWER, startedAt, null);
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Words for a body that ended before the {@code Content-Length} it declared, if it declared one. */
    private static String cutShort(OptionalLong declared) {
        return declared.isPresent() ? " (it was cut short of the " + declared.getAsLong() + " bytes it declared)" : "";
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
                + " a page of the list), or raise " + maxAnswerKey + ".", status, null);
    }

    /**
     * Why no answer came: a {@link CallTimeoutException} if the client's connect or read timeout ran out,
     * else a {@link TransportException}.
     */
    private RuntimeException unreachable(GraphQLOperation<?> operation, Throwable failure, long startedAt) {
        Part timedOutPart = timedOutPart(failure);
        if (timedOutPart != null) {
            return timedOut(operation, timedOutPart, startedAt, failure);
        }
        return new TransportException("GraphQL operation " + operation.name() + " got no answer from "
                + endpointForMessages + ": " + causeText(failure, null), failure);
    }

    /** {@link Part#CONNECTING} or {@link Part#WAITING_FOR_ANSWER} if {@code failure} is a client timeout, else null. */
    private static Part timedOutPart(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                return Part.CONNECTING;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
                String message = cause.getMessage();
                return message != null && message.toLowerCase(Locale.ROOT).contains("connect")
                        ? Part.CONNECTING : Part.WAITING_FOR_ANSWER;
            }
        }
        return null;
    }

    private CallTimeoutException timedOut(GraphQLOperation<?> operation, Part part, long startedAt, Throwable cause) {
        Duration waited = Duration.ofNanos(Math.max(0, System.nanoTime() - startedAt));
        boolean connecting = part == Part.CONNECTING;
        String key = connecting ? connectKey : attemptKey;
        Duration bound = connecting ? connectTimeout : attemptTimeout;
        return new CallTimeoutException("GraphQL operation " + operation.name() + " ran out of time "
                + part.description() + " at " + endpointForMessages + ": it gave up after " + waited.toMillis()
                + " ms (" + key + " = " + bound.toMillis() + " ms). The request was not replayed; the tokens are"
                + " kept. If the API may take that long, raise " + key + ".", part, waited, key, cause);
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
