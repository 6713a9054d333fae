package dev.cognitosecured.testing.cognito.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cognitosecured.testing.internal.LoopbackHttpServers;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP face of LocalCognito on loopback: {@code POST /} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Action>} and a JSON 1.1 body; errors as Cognito sends them (the status,
 * {@code x-amzn-ErrorType}, and {@code {"__type": ..., "message": ...}}); and {@code GET
 * /<poolId>/.well-known/jwks.json} and {@code openid-configuration}.
 */
public final class CognitoHttpServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final Pattern WELL_KNOWN = Pattern.compile("^/([^/]+)/\\.well-known/(jwks\\.json|openid-configuration)$");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ExecutorService executor;
    private final int port;
    private HttpServer server; // guarded by this
    private HttpHandler handler; // guarded by this

    private CognitoHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.port = server.getAddress().getPort();
    }

    /** Binds 127.0.0.1:{@code port} ({@code 0}: any free port); nothing is answered before {@link #start}. */
    public static CognitoHttpServer bind(int port) throws IOException {
        HttpServer server = LoopbackHttpServers.create(port);
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "local-cognito-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService executor = Executors.newCachedThreadPool(factory);
        server.setExecutor(executor);
        return new CognitoHttpServer(server, executor);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
    }

    /** Starts answering with {@code service}, each request passing {@code interceptor} first. */
    public synchronized void start(CognitoService service, RequestInterceptor interceptor) {
        handler = exchange -> {
            try (exchange) {
                answer(exchange, service, interceptor);
            }
        };
        server.createContext("/", handler);
        server.start();
    }

    /**
     * Stops listening and closes the open connections: connecting is refused until {@link #acceptConnections}.
     * Does nothing if already refusing.
     */
    public synchronized void refuseConnections() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /**
     * Listens again, on the same port, with the same service; does nothing if listening.
     *
     * @throws IOException if the port cannot be bound again
     */
    public synchronized void acceptConnections() throws IOException {
        if (server == null) {
            HttpServer again = LoopbackHttpServers.create(port);
            again.setExecutor(executor);
            again.createContext("/", handler);
            again.start();
            server = again;
        }
    }

    /** Stops at once: open connections are closed, held and delayed requests end without an answer. */
    @Override
    public synchronized void close() {
        refuseConnections();
        executor.shutdownNow();
    }

    private static void answer(HttpExchange exchange, CognitoService service, RequestInterceptor interceptor)
            throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(method)) {
            wellKnown(exchange, service, path);
            return;
        }
        if (!"POST".equals(method) || !"/".equals(path)) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        try {
            String action = action(exchange);
            switch (interceptor.before(action)) {
                case CLOSE_CONNECTION -> {
                    // Closing the exchange before any answer closes the connection.
                    return;
                }
                case THROTTLE -> throw new CognitoException("TooManyRequestsException", "Rate exceeded");
                case SERVER_ERROR -> throw new CognitoException("InternalErrorException", "Internal server error", 500);
                case SERVICE_UNAVAILABLE ->
                        throw new CognitoException("ServiceUnavailableException", "Service Unavailable", 503);
                case RESET_MID_RESPONSE -> {
                    sendHalfThenClose(exchange, service.handle(action, body(exchange)).toString());
                    return;
                }
                case PROCEED -> { }
            }
            JsonObject answer = service.handle(action, body(exchange));
            send(exchange, 200, AMZ_JSON, answer.toString());
        } catch (CognitoException e) {
            sendError(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ConnectionCut e) {
            throw e;
        } catch (RuntimeException e) {
            sendError(exchange, new CognitoException("InternalErrorException",
                    "LocalCognito failed: " + e.getClass().getName(), 500));
        }
    }

    private static String action(HttpExchange exchange) {
        String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
        if (!target.startsWith(TARGET_PREFIX)) {
            throw CognitoException.unknownOperation(target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        return body(exchange.getRequestBody().readAllBytes());
    }

    /**
     * A request body read as Cognito reads it: none is an empty object.
     *
     * @throws CognitoException {@code SerializationException} if it is not a JSON object
     */
    static JsonObject body(byte[] bytes) {
        if (bytes.length == 0) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | NumberFormatException e) { // NFE: 1e99999999999
            throw CognitoException.serialization("The request body is not a JSON object");
        }
    }

    private static void wellKnown(HttpExchange exchange, CognitoService service, String path) throws IOException {
        Matcher matcher = WELL_KNOWN.matcher(path);
        Optional<String> document = Optional.empty();
        if (matcher.matches()) {
            String poolId = matcher.group(1);
            document = matcher.group(2).equals("jwks.json") ? service.jwks(poolId) : service.openIdConfiguration(poolId);
        }
        if (document.isPresent()) {
            send(exchange, 200, "application/json", document.get());
        } else {
            send(exchange, 404, "application/json", "{\"message\":\"User pool does not exist.\"}");
        }
    }

    private static void sendError(HttpExchange exchange, CognitoException error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type() + ":");
        String body = Json.createObjectBuilder()
                .add("__type", error.type())
                .add("message", error.getMessage())
                .build()
                .toString();
        send(exchange, error.httpStatus(), AMZ_JSON, body);
    }

    /**
     * Sends HTTP 200 with the whole body's length, half of the body, and then ends the connection: the JDK
     * server closes a connection whose handler throws.
     */
    private static void sendHalfThenClose(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", AMZ_JSON);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new ConnectionCut();
    }

    /** Thrown by a handler to make the JDK server close the connection in the middle of an answer. */
    static final class ConnectionCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionCut() {
            super("LocalCognito cut the connection mid-response, as injected", null, false, false);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
