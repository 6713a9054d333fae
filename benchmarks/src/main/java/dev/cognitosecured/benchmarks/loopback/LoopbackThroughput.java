package dev.cognitosecured.benchmarks.loopback;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.api.TodoApi;
import dev.cognitosecured.benchmarks.api.TodoApi_CognitoClient;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.LocalCognitoPool;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import dev.cognitosecured.benchmarks.support.Quantiles;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.internal.config.Limits;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.graphql.DefaultGraphQLClient;
import dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

/**
 * Calls per second with {@link #CALLERS} callers over loopback HTTP against LocalGraphQL (which
 * verifies every token against LocalCognito's keys): the generated {@link TodoApi} client over the
 * pool's default JAX-RS client ({@link DefaultGraphQLClient}: Jersey with the JDK HTTP connector, which
 * keeps a connection per caller alive), against the same call written by hand in JAX-RS over a
 * pooled connector (Jersey's {@link JavaNetHttpConnectorProvider}, configured explicitly), with
 * tokens from the same store. A third client, the generated one over Jersey's default connector
 * ({@code HttpURLConnection}, at most {@code http.maxConnections} = 5 idle connections per host), shows
 * what the connector's reuse is worth. Each round gives every client one slice of
 * {@link Settings#sliceMillis()}, in rotating order; the ratios are paired per round.
 */
public final class LoopbackThroughput {

    /** How many threads call at once. */
    public static final int CALLERS = 20;

    private static final String SCHEMA = "type Query { getTodo(id: ID!): Todo }\n"
            + "type Todo { id: ID! title: String! done: Boolean! }";

    /**
     * @param rounds how many rounds (pairs)
     * @param sliceMillis how long each client calls per round
     * @param warmupSlices slices of each client before the rounds
     */
    public record Settings(int rounds, int sliceMillis, int warmupSlices) {
    }

    private final Settings settings;

    public LoopbackThroughput(Settings settings) {
        this.settings = settings;
    }

    public void run(Figures figures) throws Exception {
        try (LocalCognitoPool pool = LocalCognitoPool.start(Clock.systemUTC(), Duration.ofHours(1));
                LocalGraphQL api = LocalGraphQL.builder().schema(SCHEMA)
                        .dataFetcher("Query", "getTodo", env -> Map.of("id", env.getArgument("id"),
                                "title", "Measure the loopback", "done", false))
                        .userPool(pool.issuer()).start()) {
            Jsonb jsonb = JsonbBuilder.create(); // closed below: its close() may throw InterruptedException
            DefaultSessionStore store = new DefaultSessionStore("default", pool.provider(), Ticker.system(),
                    Duration.ZERO, event -> { });
            store.signIn(pool.userSignIn());
            Client pooled = DefaultGraphQLClient.create(Limits.DEFAULTS);
            Client urlConnection = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS).build();
            Client handWrittenClient = ClientBuilder.newClient(new ClientConfig()
                    .connectorProvider(new JavaNetHttpConnectorProvider()));
            try {
                Map<String, TodoApi> clients = new java.util.LinkedHashMap<>();
                clients.put("generated", generated(store, pooled, api, jsonb));
                clients.put("handwritten", new HandWrittenJaxRs(store, handWrittenClient.target(api.endpoint()), jsonb));
                clients.put("generated_httpurlconnection", generated(store, urlConnection, api, jsonb));
                for (TodoApi client : clients.values()) {
                    Todo todo = client.getTodo("7");
                    if (!"7".equals(todo.id())) {
                        throw new IllegalStateException(client + " answered " + todo);
                    }
                }
                measure(figures, clients, api);
            } finally {
                pooled.close();
                urlConnection.close();
                handWrittenClient.close();
                jsonb.close();
            }
        }
    }

    private static TodoApi generated(SessionStore store, Client client, LocalGraphQL api, Jsonb jsonb) {
        return new TodoApi_CognitoClient(new SecuredCaller(store, new JaxRsGraphQLTransport(client, api.endpoint(), "",
                jsonb, Limits.DEFAULTS, PoolKeys.of("default"))));
    }

    private void measure(Figures figures, Map<String, TodoApi> clients, LocalGraphQL api) throws Exception {
        List<String> names = new ArrayList<>(clients.keySet());
        for (int i = 0; i < settings.warmupSlices(); i++) {
            for (String name : names) {
                slice(clients.get(name), api);
            }
        }
        Map<String, double[]> perSecond = new java.util.LinkedHashMap<>();
        Map<String, double[]> closedPerThousand = new java.util.LinkedHashMap<>();
        names.forEach(name -> perSecond.put(name, new double[settings.rounds()]));
        names.forEach(name -> closedPerThousand.put(name, new double[settings.rounds()]));
        for (int round = 0; round < settings.rounds(); round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((round + k) % names.size());
                Slice slice = slice(clients.get(name), api);
                perSecond.get(name)[round] = slice.perSecond();
                closedPerThousand.get(name)[round] = slice.closedPerThousandCalls();
            }
        }
        for (String name : names) {
            figures.add("loopback." + name, Quantiles.of(perSecond.get(name)).at(0.5), "calls/s");
        }
        for (String name : names) {
            figures.add("loopback." + name + ".closed_connections", Quantiles.of(closedPerThousand.get(name)).at(0.5),
                    "per 1000 calls");
        }
        figures.ratio("loopback.generated_vs_handwritten",
                PairedRatios.of(perSecond.get("generated"), perSecond.get("handwritten")));
        figures.ratio("loopback.httpurlconnection_vs_generated",
                PairedRatios.of(perSecond.get("generated_httpurlconnection"), perSecond.get("generated")));
    }

    /**
     * One slice of one client.
     *
     * @param perSecond calls per second
     * @param closedPerThousandCalls connections to the API that the client closed (sockets in
     *     {@code TIME_WAIT} to the API's port, from {@code /proc/net/tcp*}, that appeared during the slice)
     *     per thousand calls; {@code NaN} where {@code /proc} cannot be read
     */
    record Slice(double perSecond, double closedPerThousandCalls) {
    }

    /** {@link #CALLERS} threads call {@code client} for one slice. */
    private Slice slice(TodoApi client, LocalGraphQL api) throws InterruptedException {
        api.clearRequests();
        long closedBefore = TimeWaitSockets.toPort(api.port());
        LongAdder calls = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String id = Integer.toString(i);
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    while (!stop.get()) {
                        client.getTodo(id);
                        calls.increment();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "loopback-caller-" + i);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(settings.sliceMillis()); // the slice's length: a measuring window, not a wait for an outcome
        stop.set(true);
        long count = calls.sum();
        long elapsed = System.nanoTime() - start;
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a caller failed", failure.get());
        }
        long closed = TimeWaitSockets.toPort(api.port()) - closedBefore;
        return new Slice(count / (elapsed / 1e9), closedBefore < 0 ? Double.NaN : closed * 1000.0 / count);
    }

    /**
     * The baseline: the call written by hand in JAX-RS, as a careful person would, over a pooled
     * connector: tokens from the store, a POST of the same document, the answer bound with JSON-B.
     */
    static final class HandWrittenJaxRs implements TodoApi {

        private static final Duration SKEW = Duration.ofSeconds(30);

        public record Answer(Data data) {
        }

        public record Data(Todo getTodo) {
        }

        public record Request(String query, Map<String, Object> variables) {
        }

        private final SessionStore store;
        private final WebTarget target;
        private final Jsonb jsonb;

        HandWrittenJaxRs(SessionStore store, WebTarget target, Jsonb jsonb) {
            this.store = store;
            this.target = target;
            this.jsonb = jsonb;
        }

        @Override
        public Todo getTodo(String id) {
            String body = jsonb.toJson(new Request(GET_TODO_DOCUMENT, Map.of("id", id)));
            String answer = target.request(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.AUTHORIZATION, store.tokens(SKEW).accessToken())
                    .post(Entity.json(body), String.class);
            return jsonb.fromJson(answer, Answer.class).data().getTodo();
        }

        @Override
        public java.util.concurrent.CompletionStage<Todo> getTodoAsync(String id) {
            throw new UnsupportedOperationException("not measured");
        }
    }
}
