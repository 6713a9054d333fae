package dev.cognitosecured.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.it.e2e.ClientTicker;
import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.Threads;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.spi.Tokens;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the OpenTelemetry API present and the application's {@code OpenTelemetry} bean (the SDK with an
 * in-memory exporter): one span per GraphQL call with its attempts, one per Cognito request, each the
 * child of the span current where it started, also for asynchronous calls whose refresh runs on
 * another thread; and no token, password or variable value in any span.
 */
class TracingTest {

    private static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    private static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("cognito_secured.attempts");
    private static final AttributeKey<String> POOL = AttributeKey.stringKey("cognito_secured.pool");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final String INITIATE_AUTH = "CognitoIdentityProvider/InitiateAuth";
    private static final String SECRET_TITLE = "title-that-no-span-may-show";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private SdkTracerProvider tracerProvider;
    private OpenTelemetrySdk openTelemetry;

    @BeforeEach
    void startSdk() {
        tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    }

    @AfterEach
    void stopSdk() {
        openTelemetry.close();
    }

    @Test
    void aCallIsOneSpanWithItsAttemptsAndTheRefreshOfItsReplayIsItsChild() {
        List<String> secrets = new ArrayList<>(List.of(StandIns.PASSWORD, SECRET_TITLE));
        try (StandIns standIns = StandIns.start()) {
            ClientTicker ticker = ClientTicker.following(standIns.clock());
            try (TodoApp app = boot(standIns, ticker)) {
                standIns.user("alice");
                TodoService todos = app.service();
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                keep(secrets, app.store().tokens(Duration.ZERO));
                todos.add(SECRET_TITLE);

                ticker.advanceClockAfterNextRead(standIns.timing().lifetime()); // expires in flight: 401, replay
                todos.todo("1");
                keep(secrets, app.store().tokens(Duration.ZERO));
                assertEquals(1, standIns.refreshes());
            }
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData signIn = one(spans, INITIATE_AUTH, 0);
        assertEquals("InitiateAuth", signIn.getAttributes().get(RPC_METHOD));
        assertFalse(signIn.getParentSpanContext().isValid(), "a sign-in outside a call has no parent");

        SpanData add = one(spans, "mutation TodoApi.addTodo", 0);
        assertEquals("TodoApi.addTodo", add.getAttributes().get(OPERATION_NAME));
        assertEquals("mutation", add.getAttributes().get(OPERATION_TYPE));
        assertEquals("default", add.getAttributes().get(POOL));
        assertEquals(1L, add.getAttributes().get(ATTEMPTS));
        assertEquals(StatusCode.UNSET, add.getStatus().getStatusCode());

        SpanData get = one(spans, "query TodoApi.getTodo", 0);
        assertEquals(2L, get.getAttributes().get(ATTEMPTS));
        assertEquals(List.of("replay after HTTP 401"), get.getEvents().stream().map(e -> e.getName()).toList());
        SpanData refresh = one(spans, INITIATE_AUTH, 1);
        assertEquals(get.getSpanId(), refresh.getParentSpanId(), "the replay's refresh is the call's child");
        assertEquals(get.getTraceId(), refresh.getTraceId());
        assertEquals(4, spans.size(), spans::toString); // sign-in, addTodo, getTodo and its refresh

        assertNoSecrets(spans, secrets);
    }

    @Test
    @SuppressWarnings("try") // each Scope is held for what its block does, OpenTelemetry's idiom
    void anAsyncCallIsTheChildOfTheCallersSpanAndItsRefreshOnAnotherThreadIsItsChild() {
        List<String> secrets = new ArrayList<>(List.of(StandIns.PASSWORD));
        Tracer tracer = openTelemetry.getTracer("test");
        Span request;
        try (StandIns standIns = StandIns.start()) {
            ClientTicker ticker = ClientTicker.following(standIns.clock());
            try (TodoApp app = boot(standIns, ticker)) {
                standIns.user("alice");
                TodoService todos = app.service();
                todos.login("alice", StandIns.PASSWORD.toCharArray());
                keep(secrets, app.store().tokens(Duration.ZERO));

                request = tracer.spanBuilder("request").startSpan();
                CompletableFuture<?> first;
                CompletableFuture<?> second;
                try (Scope in = request.makeCurrent()) {
                    standIns.clock().advance(standIns.timing().lifetime()); // expired: the call waits for a refresh
                    first = todos.todoLater("1").toCompletableFuture();
                }
                Threads.await(first, "the first call");
                keep(secrets, app.store().tokens(Duration.ZERO));
                try (Scope in = request.makeCurrent()) {
                    ticker.advanceClockAfterNextRead(standIns.timing().lifetime()); // 401, refresh, replay
                    second = todos.todoLater("2").toCompletableFuture();
                }
                Threads.await(second, "the second call");
                keep(secrets, app.store().tokens(Duration.ZERO));
                request.end();
                assertEquals(2, standIns.refreshes());
            }
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        String requestId = request.getSpanContext().getSpanId();
        SpanData first = one(spans, "query TodoApi.getTodoLater", 0);
        SpanData second = one(spans, "query TodoApi.getTodoLater", 1);
        assertEquals(requestId, first.getParentSpanId());
        assertEquals(requestId, second.getParentSpanId());
        assertEquals(1L, first.getAttributes().get(ATTEMPTS));
        assertEquals(2L, second.getAttributes().get(ATTEMPTS));
        assertEquals(first.getSpanId(), one(spans, INITIATE_AUTH, 1).getParentSpanId(),
                "the refresh the first call waited for");
        assertEquals(second.getSpanId(), one(spans, INITIATE_AUTH, 2).getParentSpanId(),
                "the refresh of the replay, started on the thread that got the 401");
        assertNoSecrets(spans, secrets);
    }

    @Test
    void aCallThatFailsSaysWhyByTheExceptionsClass() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = boot(standIns, ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            standIns.apiRejectsThisPool();
            assertThrows(UnauthorizedException.class, () -> todos.todo("1"));
        }
        SpanData get = one(exporter.getFinishedSpanItems(), "query TodoApi.getTodo", 0);
        assertEquals(StatusCode.ERROR, get.getStatus().getStatusCode());
        assertEquals(UnauthorizedException.class.getName(), get.getAttributes().get(ERROR_TYPE));
        assertEquals(2L, get.getAttributes().get(ATTEMPTS), "the attempt and its one replay");
    }

    private TodoApp boot(StandIns standIns, ClientTicker ticker) {
        return TodoApp.with(standIns.config(), ticker).part(OpenTelemetry.class, openTelemetry).boot();
    }

    private static void keep(List<String> secrets, Tokens tokens) {
        secrets.add(tokens.accessToken());
        secrets.add(tokens.idToken());
        tokens.refreshToken().ifPresent(secrets::add);
    }

    /** The {@code index}th span named {@code name}, in the order they ended. */
    private static SpanData one(List<SpanData> spans, String name, int index) {
        List<SpanData> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
        if (named.size() <= index) {
            throw new AssertionError("no span " + name + " #" + index + " among " + spans);
        }
        return named.get(index);
    }

    private static void assertNoSecrets(List<SpanData> spans, List<String> secrets) {
        for (SpanData span : spans) {
            List<String> texts = Stream.concat(Stream.of(span.getName(), span.getStatus().getDescription()),
                    Stream.concat(span.getAttributes().asMap().values().stream().map(String::valueOf),
                            span.getEvents().stream().flatMap(event -> Stream.concat(Stream.of(event.getName()),
                                    event.getAttributes().asMap().values().stream().map(String::valueOf)))))
                    .toList();
            for (String secret : secrets) {
                for (String text : texts) {
                    assertFalse(text.contains(secret), () -> span.getName() + " shows a secret");
                }
            }
        }
    }
}
