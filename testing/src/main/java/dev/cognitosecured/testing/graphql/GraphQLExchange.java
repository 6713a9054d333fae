package dev.cognitosecured.testing.graphql;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionInput;
import graphql.GraphQL;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers one POST to the endpoint as AppSync does: waits the injected latency (as its {@link LatencyWait}
 * says), checks the token, then executes the operation. Every request is recorded before its answer is sent.
 */
final class GraphQLExchange implements HttpHandler {

    private final String path;
    private final GraphQL graphQL;
    private final AtomicReference<TokenVerifier> verifier;
    private final boolean acceptBearerPrefix;
    private final InstantSource clock;
    private final AtomicReference<Latency> latency;
    private final LatencyWait latencyWait;
    private final RequestLog log;
    private final GraphQLFaults faults;

    GraphQLExchange(String path, GraphQL graphQL, AtomicReference<TokenVerifier> verifier, boolean acceptBearerPrefix,
            InstantSource clock, AtomicReference<Latency> latency, LatencyWait latencyWait, RequestLog log,
            GraphQLFaults faults) {
        this.faults = faults;
        this.path = path;
        this.graphQL = graphQL;
        this.verifier = verifier;
        this.acceptBearerPrefix = acceptBearerPrefix;
        this.clock = clock;
        this.latency = latency;
        this.latencyWait = latencyWait;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Instant receivedAt = clock.instant();
            Optional<GraphQLFault> fault = faults.take();
            if (fault.isPresent() && !(fault.get() instanceof GraphQLFault.Delay)) {
                if (replaced(exchange, fault.get(), receivedAt)) {
                    return;
                }
            }
            if (fault.isPresent() && fault.get() instanceof GraphQLFault.Delay slow) {
                Thread.sleep(slow.duration().toMillis());
            }
            Duration delay = latency.get().next();
            if (!delay.isZero()) {
                latencyWait.await(delay);
            }
            HttpAnswer answer;
            try {
                answer = answer(exchange, receivedAt);
            } catch (RuntimeException e) {
                answer = HttpAnswer.internalFailure("LocalGraphQL failed: " + e);
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing: drop the request unanswered
        }
    }

    /**
     * Applies {@code fault}, which replaces or cuts the answer; returns whether the exchange is done (it is,
     * except for a silent request whose wait ended some other way than the server closing).
     */
    private boolean replaced(HttpExchange exchange, GraphQLFault fault, Instant receivedAt)
            throws IOException, InterruptedException {
        if (fault instanceof GraphQLFault.ResetMidResponse) {
            HttpAnswer answer;
            try {
                answer = answer(exchange, receivedAt);
            } catch (RuntimeException e) {
                answer = HttpAnswer.internalFailure("LocalGraphQL failed: " + e);
            }
            sendHalfThenClose(exchange, answer);
            return true;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<String> operationName = GraphQLRequest.operationNameIn(body);
        Optional<String> fingerprint = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .map(this::withoutPrefix)
                .filter(text -> !text.isEmpty())
                .map(LocalGraphQL::fingerprint);
        TokenCheck notChecked = TokenCheck.invalid("not checked: a fault was injected");
        if (fault instanceof GraphQLFault.HttpError error) {
            log.record(receivedAt, operationName, ReceivedRequest.Outcome.FAULT_INJECTED, error.status(), fingerprint,
                    notChecked);
            byte[] bytes = error.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", error.contentType());
            exchange.sendResponseHeaders(error.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return true;
        }
        log.record(receivedAt, operationName, ReceivedRequest.Outcome.FAULT_INJECTED, 0, fingerprint, notChecked);
        new CountDownLatch(1).await(); // silent: until the server closes and interrupts this thread
        return true;
    }

    /**
     * Sends {@code answer}'s status and headers with its whole length, half of its body, and ends the
     * connection: the JDK server closes the connection of a handler that throws.
     */
    private static void sendHalfThenClose(HttpExchange exchange, HttpAnswer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new ConnectionCut();
    }

    /** Thrown by the handler to make the JDK server close the connection in the middle of an answer. */
    static final class ConnectionCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionCut() {
            super("LocalGraphQL cut the connection mid-response, as injected", null, false, false);
        }
    }

    private HttpAnswer answer(HttpExchange exchange, Instant receivedAt) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<String> operationName = GraphQLRequest.operationNameIn(body);
        Optional<String> token = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .map(this::withoutPrefix)
                .filter(text -> !text.isEmpty());
        Optional<String> fingerprint = token.map(LocalGraphQL::fingerprint);
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpAnswer answer = HttpAnswer.methodNotAllowed(exchange.getRequestMethod());
            log.record(receivedAt, operationName, ReceivedRequest.Outcome.MALFORMED_REQUEST, answer.status(),
                    fingerprint, TokenCheck.invalid("not checked: the request is not a POST"));
            return answer;
        }
        TokenCheck check = verifier.get().check(token);
        ReceivedRequest.Outcome outcome;
        HttpAnswer answer;
        switch (check.verdict()) {
            case ACCEPTED -> {
                Optional<GraphQLRequest> request = GraphQLRequest.parse(body);
                outcome = request.isPresent() ? ReceivedRequest.Outcome.EXECUTED : ReceivedRequest.Outcome.MALFORMED_REQUEST;
                answer = request.map(graphQLRequest -> execute(graphQLRequest, check.caller().orElseThrow()))
                        .orElseGet(() -> HttpAnswer.malformedRequest("The body is not a GraphQL request: a JSON object"
                                + " with a string \"query\" and optional \"operationName\" and \"variables\"."));
            }
            case EXPIRED -> {
                outcome = ReceivedRequest.Outcome.TOKEN_EXPIRED;
                answer = HttpAnswer.tokenExpired();
            }
            case INVALID -> {
                outcome = ReceivedRequest.Outcome.TOKEN_INVALID;
                answer = HttpAnswer.tokenInvalid();
            }
            default -> {
                outcome = ReceivedRequest.Outcome.KEYS_UNAVAILABLE;
                answer = HttpAnswer.internalFailure("LocalGraphQL cannot check tokens: " + check.reason().orElse(""));
            }
        }
        log.record(receivedAt, operationName, outcome, answer.status(), fingerprint, check);
        return answer;
    }

    private HttpAnswer execute(GraphQLRequest request, VerifiedCaller caller) {
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .variables(request.variables())
                .graphQLContext(Map.of(VerifiedCaller.class, caller));
        request.operationName().ifPresent(input::operationName);
        return HttpAnswer.executed(graphQL.execute(input.build()));
    }

    private String withoutPrefix(String header) {
        String value = header.strip();
        if (acceptBearerPrefix && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        return value;
    }

    private static void send(HttpExchange exchange, HttpAnswer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        answer.errorType().ifPresent(type -> exchange.getResponseHeaders().set("x-amzn-ErrorType", type));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
