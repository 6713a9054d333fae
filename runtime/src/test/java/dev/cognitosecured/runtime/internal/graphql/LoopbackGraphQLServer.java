package dev.cognitosecured.runtime.internal.graphql;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers every request with the canned answer
 * of the current test and records each request it receives.
 */
final class LoopbackGraphQLServer implements AutoCloseable {

    /** A request as the server received it. */
    record Recorded(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** The answer to give: status, headers, body bytes and how many bytes to announce (-1: the body's length). */
    record Answer(int status, Map<String, String> headers, byte[] body, long announcedLength) {
    }

    private final HttpServer server;
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(
            new Answer(500, Map.of(), "no answer set".getBytes(StandardCharsets.UTF_8), -1));
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    /** With {@link #answerStreaming}: how many bytes to stream, 0 for a canned answer. */
    private final AtomicLong streamed = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    /** With {@link #answerTrickling}: the pause between two bytes, in milliseconds; 0 for none. */
    private final AtomicLong trickleMillis = new AtomicLong();

    LoopbackGraphQLServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    /** How many requests arrived that {@link #takeRequest} has not taken yet. */
    int requestsNotTaken() {
        return requests.size();
    }

    /** Answers with {@code status} and a JSON body. */
    void answerJson(int status, String json) {
        answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), json);
    }

    void answer(int status, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        answer.set(new Answer(status, headers, bytes, bytes.length));
    }

    /** Announces {@code announcedLength} bytes but sends only {@code body}, then drops the connection. */
    void answerCutShort(int status, String body, long announcedLength) {
        answer.set(new Answer(status, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), announcedLength));
    }

    /**
     * Answers 200 with a chunked JSON body (no {@code Content-Length}) of {@code totalBytes}, written in
     * 8 KiB chunks for as long as the client reads; {@link #bytesSent} counts what was written.
     */
    void answerStreaming(long totalBytes) {
        answer(200, Map.of("Content-Type", "application/json"), "");
        streamed.set(totalBytes);
    }

    /**
     * Answers 200 with a chunked body that never ends, one byte every {@code pauseMillis} of the server's
     * own time, for as long as the client reads: each read gets a byte well within any read timeout.
     */
    void answerTrickling(long pauseMillis) {
        answer(200, Map.of("Content-Type", "application/json"), "");
        trickleMillis.set(pauseMillis);
    }

    /** How many bytes of streamed answers were written to the connection. */
    long bytesSent() {
        return bytesSent.get();
    }

    /** Holds every answer until the returned latch is counted down. */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        gate.set(latch);
        return latch;
    }

    /** The next request received, waiting for it at most a few seconds. */
    Recorded takeRequest() throws InterruptedException {
        Recorded request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the server received no request");
        }
        return request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            awaitGate();
            if (trickleMillis.get() > 0) {
                trickle(exchange, trickleMillis.get());
                return;
            }
            if (streamed.get() > 0) {
                stream(exchange, streamed.get());
                return;
            }
            Answer canned = answer.get();
            canned.headers().forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
            exchange.sendResponseHeaders(canned.status(), canned.body().length == 0 ? -1 : canned.announcedLength());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(canned.body());
                out.flush(); // on the wire before closing: a body cut short is then refused by close(), on JDK 25 too
            }
        }
    }

    private void stream(HttpExchange exchange, long total) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(200, 0); // chunked
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) ' ');
        byte[] start = "{\"data\":{\"big\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, chunk, 0, start.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                bytesSent.addAndGet(chunk.length);
                java.util.Arrays.fill(chunk, 0, start.length, (byte) 'x');
            }
        } catch (IOException e) {
            // the client closed the connection without reading the rest: what a bounded reader does
        }
    }

    private void trickle(HttpExchange exchange, long pauseMillis) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"data\":{\"big\":\"".getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.flush();
                Thread.sleep(pauseMillis); // the server's pace, not a wait of the test
                out.write('x');
                bytesSent.incrementAndGet();
            }
        } catch (IOException e) {
            // the client gave up and closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitGate() throws IOException {
        try {
            if (!gate.get().await(10, TimeUnit.SECONDS)) {
                throw new IOException("the test never released the answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
