package dev.cognitosecured.runtime.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CallTimeoutException.Part;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default client's timeouts over real HTTP on loopback: a server that holds its answer ends the
 * attempt at {@code graphql.timeout} (blocking: the read timeout; async: the bounded future), and a
 * connection that cannot be opened ends at {@code graphql.connect-timeout}; each as a
 * {@link CallTimeoutException} naming the part and the pool's key. Bounds of 200 ms; the tests assert
 * the outcome, not the time.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class JaxRsGraphQLTransportTimeoutTest {

    private static final Limits SHORT = new Limits(Limits.DEFAULT_COGNITO_TIMEOUT, Duration.ofMillis(200),
            Duration.ofMillis(200), Limits.DEFAULT_CALL_TIMEOUT, Limits.DEFAULT_MAX_ANSWER_BYTES);
    private static final String TOKEN = "header.payload.signature";

    private LoopbackGraphQLServer server;
    private Client client;
    private Jsonb jsonb;
    private CountDownLatch held;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackGraphQLServer();
        client = DefaultGraphQLClient.create(SHORT);
        jsonb = JsonbBuilder.create();
    }

    @AfterEach
    void stop() throws Exception {
        if (held != null) {
            held.countDown();
        }
        client.close();
        jsonb.close();
        server.close();
    }

    private JaxRsGraphQLTransport transport(URI endpoint) {
        return new JaxRsGraphQLTransport(client, endpoint, "", jsonb, SHORT, PoolKeys.of("partners"));
    }

    private static Operation<Todo> getTodo() {
        return Operation.query("TodoApi.getTodo", "query Get($id: ID!) { getTodo(id: $id) { id title done } }")
                .rootField("getTodo").variables("id").policy(CallPolicy.accessToken()).returning(Todo.class);
    }

    @Test
    void aHeldAnswerEndsABlockingAttemptAtGraphqlTimeout() {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"t\",\"done\":false}}}");
        held = server.holdAnswers();

        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> transport(server.endpoint()).execute(getTodo(), Map.of("id", "1"), TOKEN));

        assertEquals(Part.WAITING_FOR_ANSWER, e.part(), e::getMessage);
        assertEquals("cognito-secured.pools.partners.graphql.timeout", e.key());
        assertTrue(e.getMessage().contains("TodoApi.getTodo") && e.getMessage().contains(e.key()), e.getMessage());
        assertTrue(!e.getMessage().contains(TOKEN), "no token in the message");
    }

    @Test
    void aHeldAnswerFailsAnAsyncAttemptAtGraphqlTimeout() {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"t\",\"done\":false}}}");
        held = server.holdAnswers();

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport(server.endpoint()).executeAsync(getTodo(), Map.of("id", "1"), TOKEN)
                        .toCompletableFuture().get(30, TimeUnit.SECONDS));

        CallTimeoutException timedOut = assertInstanceOf(CallTimeoutException.class, e.getCause());
        assertEquals(Part.WAITING_FOR_ANSWER, timedOut.part(), timedOut::getMessage);
        assertEquals("cognito-secured.pools.partners.graphql.timeout", timedOut.key());
    }

    /**
     * The client's read timeout here is far longer than {@code graphql.timeout} (as the transport allows: the
     * client's timeouts are the client's), so no read can time out, however late a loaded machine schedules the
     * server's bytes: the attempt can only end at the trickle check, which gives up with no cause (a read timeout
     * would be the cause) once more than {@code graphql.timeout} has passed since sending. The outcome and the
     * kind of end are asserted, not the time.
     */
    @Test
    void anAnswerThatTricklesInEndsABlockingAttemptAtTheFirstReadAfterGraphqlTimeout() {
        server.answerTrickling(20); // a byte every 20 ms, for ever: no read waits for the client's read timeout
        Limits longReads = new Limits(Limits.DEFAULT_COGNITO_TIMEOUT, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Limits.DEFAULT_CALL_TIMEOUT, Limits.DEFAULT_MAX_ANSWER_BYTES);
        Client patient = DefaultGraphQLClient.create(longReads);
        try {
            CallTimeoutException e = assertThrows(CallTimeoutException.class,
                    () -> new JaxRsGraphQLTransport(patient, server.endpoint(), "", jsonb, SHORT,
                            PoolKeys.of("partners")).execute(getTodo(), Map.of("id", "1"), TOKEN));

            assertEquals(Part.WAITING_FOR_ANSWER, e.part(), e::getMessage);
            assertEquals("cognito-secured.pools.partners.graphql.timeout", e.key());
            assertEquals(null, e.getCause(), "given up by the trickle check, not by a read timeout");
            assertTrue(e.waited().compareTo(SHORT.graphqlTimeout()) > 0, () -> "gave up after " + e.waited());
        } finally {
            patient.close();
        }
    }

    @Test
    void aBlockingAttemptGivenLessTimeThanGraphqlTimeoutEndsThen() {
        server.answerJson(200, "{\"data\":{\"getTodo\":{\"id\":\"1\",\"title\":\"t\",\"done\":false}}}");
        held = server.holdAnswers();

        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> transport(server.endpoint()).execute(getTodo(), Map.of("id", "1"), TOKEN, Duration.ofMillis(20)));

        assertEquals(Part.WAITING_FOR_ANSWER, e.part(), e::getMessage);
    }

    /**
     * A listening socket whose accept queue is full (backlog 1, never accepting, filled by two
     * connections): Linux drops further SYNs, so connecting hangs until the connect timeout.
     */
    @Test
    void aConnectionThatCannotBeOpenedEndsAtGraphqlConnectTimeout() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 2; i++) {
                Socket filler = new Socket();
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 5_000);
                fillers.add(filler);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/graphql");

            CallTimeoutException e = assertThrows(CallTimeoutException.class,
                    () -> transport(endpoint).execute(getTodo(), Map.of("id", "1"), TOKEN));

            assertEquals(Part.CONNECTING, e.part(), e::getMessage);
            assertEquals("cognito-secured.pools.partners.graphql.connect-timeout", e.key());
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }
}
