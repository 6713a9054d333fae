package dev.cognitosecured.testing.graphql;

import dev.cognitosecured.testing.internal.FaultRules;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

/**
 * Answers one POST to the endpoint as AppSync does: waits the injected latency (as its {@link LatencyWait}
 * says), checks the token, then executes the operation. Every request is recorded before its answer is sent.
 * A Jetty handler that blocks its thread (latency, silence), so it declares itself blocking.
 */
final class GraphQLExchange extends Handler.Abstract {

    private final String path;
    private final GraphQL graphQL;
    private final AtomicReference<TokenVerifier> verifier;
    private final boolean acceptBearerPrefix;
    private final InstantSource clock;
    private final AtomicReference<Latency> latency;
    private final LatencyWait latencyWait;
    private final RequestLog log;
    private final FaultRules<GraphQLFault> faults;
    private final CountDownLatch closing;
    private final BiConsumer<GraphQLRequest, ExecutionResult> executed;

    GraphQLExchange(String path, GraphQL graphQL, AtomicReference<TokenVerifier> verifier, boolean acceptBearerPrefix,
            InstantSource clock, AtomicReference<Latency> latency, LatencyWait latencyWait, RequestLog log,
            FaultRules<GraphQLFault> faults, CountDownLatch closing, BiConsumer<GraphQLRequest, ExecutionResult> executed) {
        super(InvocationType.BLOCKING);
        this.faults = faults;
        this.path = path;
        this.graphQL = graphQL;
        this.verifier = verifier;
        this.acceptBearerPrefix = acceptBearerPrefix;
        this.clock = clock;
        this.latency = latency;
        this.latencyWait = latencyWait;
        this.log = log;
        this.closing = closing;
        this.executed = executed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHttpURI().getPath().equals(path)) {
            response.setStatus(404);
            callback.succeeded();
            return true;
        }
        try {
            Instant receivedAt = clock.instant();
            Optional<GraphQLFault> fault = faults.take();
            if (fault.isPresent() && !(fault.get() instanceof GraphQLFault.Delay)) {
                replace(request, response, callback, fault.get(), receivedAt);
                return true;
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
                answer = answer(request, receivedAt);
            } catch (RuntimeException e) {
                answer = HttpAnswer.internalFailure("LocalGraphQL failed: " + e);
            }
            send(response, answer, callback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing: drop the request unanswered
            callback.failed(e);
        }
        return true;
    }

    /** Applies {@code fault}, which replaces or cuts the answer. */
    private void replace(Request request, Response response, Callback callback, GraphQLFault fault, Instant receivedAt)
            throws IOException, InterruptedException {
        if (fault instanceof GraphQLFault.ResetMidResponse) {
            HttpAnswer answer;
            try {
                answer = answer(request, receivedAt);
            } catch (RuntimeException e) {
                answer = HttpAnswer.internalFailure("LocalGraphQL failed: " + e);
            }
            sendHalfThenClose(response, answer, callback);
            return;
        }
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        Optional<String> operationName = GraphQLRequest.operationNameIn(body);
        Optional<String> fingerprint = Optional.ofNullable(request.getHeaders().get("Authorization"))
                .map(this::withoutPrefix)
                .filter(text -> !text.isEmpty())
                .map(LocalGraphQL::fingerprint);
        TokenCheck notChecked = TokenCheck.invalid("not checked: a fault was injected");
        if (fault instanceof GraphQLFault.HttpError error) {
            log.record(receivedAt, operationName, ReceivedRequest.Outcome.FAULT_INJECTED, error.status(), fingerprint,
                    notChecked);
            byte[] bytes = error.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(error.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, error.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return;
        }
        log.record(receivedAt, operationName, ReceivedRequest.Outcome.FAULT_INJECTED, 0, fingerprint, notChecked);
        closing.await(); // silent: until the server closes
        callback.failed(new ConnectionCut());
    }

    /**
     * Sends {@code answer}'s status and headers with its whole length, half of its body, and ends the
     * connection: Jetty aborts the connection of a committed response whose handler fails.
     */
    private static void sendHalfThenClose(Response response, HttpAnswer answer, Callback callback)
            throws InterruptedException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        FutureCallback written = new FutureCallback();
        response.write(false, ByteBuffer.wrap(body, 0, body.length / 2), written);
        try {
            written.get();
        } catch (ExecutionException e) {
            // the client went away first: the connection ends all the same
        }
        callback.failed(new ConnectionCut());
    }

    /** Fails a response to make Jetty close its connection in the middle of an answer (or without one). */
    static final class ConnectionCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionCut() {
            super("LocalGraphQL cut the connection mid-response, as injected", null, false, false);
        }
    }

    private HttpAnswer answer(Request request, Instant receivedAt) throws IOException {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        Optional<String> operationName = GraphQLRequest.operationNameIn(body);
        Optional<String> token = Optional.ofNullable(request.getHeaders().get("Authorization"))
                .map(this::withoutPrefix)
                .filter(text -> !text.isEmpty());
        Optional<String> fingerprint = token.map(LocalGraphQL::fingerprint);
        if (!request.getMethod().equals("POST")) {
            HttpAnswer answer = HttpAnswer.methodNotAllowed(request.getMethod());
            log.record(receivedAt, operationName, ReceivedRequest.Outcome.MALFORMED_REQUEST, answer.status(),
                    fingerprint, TokenCheck.invalid("not checked: the request is not a POST"));
            return answer;
        }
        TokenCheck check = verifier.get().check(token);
        ReceivedRequest.Outcome outcome;
        HttpAnswer answer;
        switch (check.verdict()) {
            case ACCEPTED -> {
                Optional<GraphQLRequest> parsed = GraphQLRequest.parse(body);
                outcome = parsed.isPresent() ? ReceivedRequest.Outcome.EXECUTED : ReceivedRequest.Outcome.MALFORMED_REQUEST;
                answer = parsed.map(graphQLRequest -> execute(graphQLRequest, check.caller().orElseThrow()))
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
        ExecutionResult result = graphQL.execute(input.build());
        executed.accept(request, result);
        return HttpAnswer.executed(result);
    }

    private String withoutPrefix(String header) {
        String value = header.strip();
        if (acceptBearerPrefix && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        return value;
    }

    private static void send(Response response, HttpAnswer answer, Callback callback) {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        answer.errorType().ifPresent(type -> response.getHeaders().put("x-amzn-ErrorType", type));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
