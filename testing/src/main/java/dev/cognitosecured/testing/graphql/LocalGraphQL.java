package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognitosecured.testing.internal.FaultRules;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.idl.RuntimeWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An AppSync-style GraphQL-over-HTTP server on loopback for tests: the schema and data fetchers come
 * from the test, graphql-java executes them, and every request's Cognito token is checked as AppSync
 * checks it.
 *
 * <pre>{@code
 * try (LocalGraphQL graphQL = LocalGraphQL.builder()
 *         .schema("type Query { getTodo(id: ID!): Todo  secretStats: Int }  type Todo { id: ID! title: String }")
 *         .dataFetcher("Query", "getTodo", env -> Map.of("id", env.getArgument("id"), "title", "Buy milk"))
 *         .dataFetcher("Query", "secretStats", env -> 42)
 *         .requireGroup("Query", "secretStats", "admins")
 *         .userPool(issuer)              // trusts <issuer>/.well-known/jwks.json, as Cognito publishes it
 *         .clock(manualClock)            // exp is judged on the test's clock, e.g. a ManualClock
 *         .start()) {
 *     URI endpoint = graphQL.endpoint();  // http://127.0.0.1:<port>/graphql
 *     ...
 *     assertEquals(1, graphQL.requestCount("GetTodo"));
 * }
 * }</pre>
 *
 * <p>Each POST to {@link #endpoint()} is answered as AppSync answers it:
 * <ul>
 *   <li>the raw JWT in {@code Authorization} (no {@code Bearer } prefix unless
 *       {@link Builder#acceptBearerPrefix(boolean) allowed}) must be signed with RS256 by a trusted
 *       key, carry the trusted {@code iss} and an accepted {@code token_use} (access by default);
 *       otherwise HTTP 401, {@code x-amzn-ErrorType: UnauthorizedException},
 *       {@code {"errors":[{"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}]}};
 *   <li>an otherwise valid token whose {@code exp} is not after now (on the {@link Builder#clock
 *       clock}, with no leeway unless {@link Builder#leeway configured}) gets the same 401 with
 *       {@code "Token has expired."};
 *   <li>a field {@linkplain Builder#requireGroup restricted to groups} the caller is in none of is
 *       {@code null}, with the error {@code {"message":"Not Authorized to access <field> on type <Type>",
 *       "errorType":"Unauthorized","path":[...],"locations":[...],...}}, in an HTTP 200;
 *   <li>everything else is executed by graphql-java: HTTP 200 with {@code data} and any
 *       {@code errors} (validation errors included); a data fetcher may throw {@link ResolverError}
 *       to fail its field with an AppSync-style {@code errorType}.
 * </ul>
 * Data fetchers find the caller with {@link VerifiedCaller#of}.
 *
 * <p>For assertions, every request is {@linkplain #requests() recorded} with its operation name, its
 * outcome and the fingerprint of its token. {@link #latency(Latency)} delays every answer;
 * {@link #injectFault(GraphQLFault, int)} makes the next requests fail (HTTP 500, 502, 503, 504, an HTML
 * error page, silence, a slow answer, an answer cut mid-body), and {@link #refuseConnections()} makes
 * connecting fail.
 *
 * <p>The same server has AppSync's real-time endpoint for subscriptions, {@link #realtimeEndpoint()}
 * ({@code ws://127.0.0.1:<port>/graphql/realtime}, where AppSync's custom domains have it): the {@code graphql-ws}
 * protocol as AppSync documents it, with the handshake's token and each {@code start}'s token checked as the HTTP
 * endpoint checks them. Events come from {@link #publish(String, Map)} or from mutations named by a subscription
 * field's {@code @aws_subscribe(mutations: [...])}; {@link #dropRealtimeConnections()} cuts the connections;
 * {@link Builder#realtimeTokenExpiry} says what happens when a token expires on an open connection;
 * {@link #realtimeCounters()} counts. See {@code docs/APPSYNC-REALTIME.md}.
 *
 * <p>The server is Jetty, on its own daemon threads; {@link #close()} stops it.
 */
public final class LocalGraphQL implements AutoCloseable {

    private final int port;
    private final FaultRules<GraphQLFault> faults = new FaultRules<>();
    private final JettyLoopback server;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final RealtimeHub realtime;
    private final URI endpoint;
    private final URI realtimeEndpoint;
    private final AtomicReference<Latency> latency;
    private final AtomicReference<TokenVerifier> verifier;
    private final RequestLog log = new RequestLog();

    private LocalGraphQL(Builder builder, GraphQL graphQL, TokenVerifier verifier) throws IOException {
        this.latency = new AtomicReference<>(builder.latency);
        this.verifier = new AtomicReference<>(verifier);
        this.realtime = new RealtimeHub(graphQL, this.verifier, builder.acceptBearerPrefix, builder.clock,
                builder.leeway, builder.connectionTimeout, builder.keepAliveInterval, builder.realtimeTokenExpiry);
        GraphQLExchange exchange = new GraphQLExchange(
                builder.path, graphQL, this.verifier, builder.acceptBearerPrefix, builder.clock, latency,
                builder.latencyWait, log, faults, closing, realtime::mutationExecuted);
        String realtimePath = builder.path + "/realtime";
        try {
            this.server = new JettyLoopback(builder.port, jetty -> {
                WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(jetty, container -> {
                    container.setIdleTimeout(Duration.ofHours(1));
                    container.addMapping(realtimePath, realtime::create);
                });
                upgrades.setHandler(exchange);
                return upgrades;
            });
        } catch (IOException | RuntimeException e) {
            realtime.shutdown();
            throw e;
        }
        this.port = server.port();
        this.endpoint = URI.create("http://127.0.0.1:" + port + builder.path);
        this.realtimeEndpoint = URI.create("ws://127.0.0.1:" + port + realtimePath);
    }

    /** {@return a builder for a server; {@link Builder#schema}, the issuer and the keys must be given} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fingerprint of {@code token} (its SHA-256, in hex): what {@link ReceivedRequest} keeps instead of
     * the token, so tests can tell which token a request carried.
     *
     * @param token a token
     * @return the SHA-256 of the token's UTF-8 bytes, in lower-case hex
     */
    public static String fingerprint(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@return the GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql} by default} */
    public URI endpoint() {
        return endpoint;
    }

    /** {@return the port the server listens on} */
    public int port() {
        return port;
    }

    /**
     * {@return the real-time (subscriptions) endpoint, {@code ws://127.0.0.1:<port>/graphql/realtime} by default:
     * the {@linkplain Builder#path path} followed by {@code /realtime}, as AppSync's custom domains have it}
     */
    public URI realtimeEndpoint() {
        return realtimeEndpoint;
    }

    /**
     * Publishes {@code data} as an event of the subscription field {@code subscriptionField} (a field of the
     * schema's {@code Subscription} type), as a mutation named by its {@code @aws_subscribe} would: each
     * subscription of that field whose arguments match (every argument given a non-null value equals the field of
     * {@code data} of the same name) receives {@code {"type":"data","id":...,"payload":{"data":{...}}}}, its
     * selection run over {@code data}. Events are published one at a time, in order.
     *
     * @param subscriptionField the field's name, e.g. {@code onAddTodo}
     * @param data the event's object
     * @return how many subscriptions it was sent to
     * @throws IllegalArgumentException if the schema has no such subscription field
     */
    public int publish(String subscriptionField, Map<String, ?> data) {
        return realtime.publish(Objects.requireNonNull(subscriptionField, "subscriptionField"),
                Objects.requireNonNull(data, "data"));
    }

    /**
     * As {@link #publish(String, Map)}, with the object given as JSON text, e.g.
     * {@code publish("onAddTodo", "{\"id\":\"1\",\"title\":\"Buy milk\"}")}.
     *
     * @param subscriptionField the field's name, e.g. {@code onAddTodo}
     * @param json the event's object, in JSON
     * @return how many subscriptions it was sent to
     * @throws IllegalArgumentException if {@code json} is not a JSON object or the schema has no such field
     */
    public int publish(String subscriptionField, String json) {
        try {
            return publish(subscriptionField, JSONObjectUtils.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("publish(\"" + subscriptionField + "\", ...): not a JSON object", e);
        }
    }

    /**
     * Drops every open real-time connection abruptly, without a close frame, as a network failure does; the
     * client sees the connection end with no reason. New connections are accepted as before.
     *
     * @return how many connections were dropped
     */
    public int dropRealtimeConnections() {
        return realtime.drop();
    }

    /**
     * Closes every open real-time connection with a close frame of {@code statusCode} (e.g. 1001, going away)
     * and {@code reason}.
     *
     * @param statusCode the WebSocket close status
     * @param reason the close frame's reason
     * @return how many connections were closed
     */
    public int closeRealtimeConnections(int statusCode, String reason) {
        return realtime.close(statusCode, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * From now on answers real-time handshakes with HTTP 503 (the open connections stay); HTTP requests are
     * served as before. {@link #acceptRealtimeConnections()} undoes it.
     */
    public void refuseRealtimeConnections() {
        realtime.refuse(true);
    }

    /** Accepts real-time handshakes again after {@link #refuseRealtimeConnections()}. */
    public void acceptRealtimeConnections() {
        realtime.refuse(false);
    }

    /**
     * Whether the kit keeps the {@code start_ack} of each {@code start} it accepts from now on (false at start):
     * the subscription is started at the kit (counted as active) but the client never learns it, as when a
     * connection fails between AppSync's start of a subscription and the client's reading of its
     * {@code start_ack}. Events for such a subscription are not sent (counted as withheld). Turning it off does
     * not send the withheld acknowledgements; a test drops the connection, as the network would have.
     *
     * @param withhold whether to keep the {@code start_ack}s of the {@code start}s to come
     */
    public void withholdStartAcks(boolean withhold) {
        realtime.withholdStartAcks(withhold);
    }

    /**
     * Changes what happens when a token expires on an open real-time connection (see the builder's).
     *
     * @param setting what happens from now on
     */
    public void realtimeTokenExpiry(RealtimeTokenExpiry setting) {
        realtime.tokenExpiry(Objects.requireNonNull(setting, "setting"));
    }

    /**
     * Applies the {@link RealtimeTokenExpiry} setting now, on the clock: what the keep-alive timer and every
     * publish do anyway. For a test on a manual clock that advanced it and wants the effect at once.
     */
    public void enforceRealtimeTokenExpiry() {
        realtime.enforceTokenExpiry();
    }

    /**
     * Whether the keep-alive timer sends {@code ka} messages (true at start). A test stops them to make the
     * client's keep-alive timeout ({@code connectionTimeoutMs}) fire on a connection that is otherwise open.
     *
     * @param send whether to send them
     */
    public void sendKeepAlives(boolean send) {
        realtime.sendKeepAlives(send);
    }

    /** {@return what the real-time endpoint has done so far} */
    public RealtimeCounters realtimeCounters() {
        return realtime.counters();
    }

    /**
     * Waits until at least {@code count} subscriptions are active (started and not stopped, on open connections;
     * their {@code start_ack} sent unless {@linkplain #withholdStartAcks(boolean) withheld}), at most
     * {@code timeout}: for a test whose client subscribes on its own threads and that must not publish before the
     * subscription is live. The {@code start_ack} may still be on its way to the client.
     *
     * @param count how many subscriptions
     * @param timeout how long to wait at most
     * @return whether that many were active in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitSubscriptions(int count, Duration timeout) throws InterruptedException {
        return realtime.awaitSubscriptions(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Sets the {@linkplain #realtimeCounters() real-time counters} back to zero (the number of open connections
     * and active subscriptions stays what it is).
     */
    public void clearRealtimeCounters() {
        realtime.clearCounters();
    }

    /**
     * How many events were sent to subscriptions with the id {@code subscriptionId} (the id the client chose in
     * its {@code start}), on any connection.
     *
     * @param subscriptionId the subscription's id
     * @return the number of events
     */
    public long eventsSent(String subscriptionId) {
        return realtime.eventsSent(subscriptionId);
    }

    /**
     * Applies {@code fault} to every request from now on, until {@link #clearFaults()}.
     *
     * @param fault what goes wrong
     */
    public void injectFault(GraphQLFault fault) {
        faults.addForever(fault);
    }

    /**
     * Applies {@code fault} to the next {@code times} requests, whatever their operation. Faults injected earlier
     * apply first.
     *
     * @param fault what goes wrong
     * @param times how many requests; at least 1
     * @throws IllegalArgumentException if {@code times} is less than 1
     */
    public void injectFault(GraphQLFault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        faults.add(fault, times);
    }

    /** Removes every injected fault; requests held silent are not released. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Stops listening: from now on a connection to {@link #endpoint()} is refused, and the connections open now
     * are closed. Schema, trust and recorded requests are kept; {@link #acceptConnections()} listens again on the
     * same port. Does nothing if already refusing.
     */
    public void refuseConnections() {
        server.refuse();
    }

    /**
     * Listens again on the same port after {@link #refuseConnections()}; does nothing if listening.
     *
     * @throws UncheckedIOException if the port cannot be bound again
     */
    public void acceptConnections() {
        server.accept();
    }

    /**
     * Delays every answer from now on by {@code latency} ({@link Latency#none()} to stop).
     *
     * @param latency the delay of each answer
     */
    public void latency(Latency latency) {
        this.latency.set(Objects.requireNonNull(latency, "latency"));
    }

    /**
     * From now on trusts the user pool whose issuer is {@code issuer} instead of the one trusted so far,
     * as {@link Builder#userPool(URI)} does: tokens must carry this {@code iss} and be signed by a key of
     * {@code <issuer>/.well-known/jwks.json}. The other checks stay as built. Requests already being
     * checked finish with the old trust. For a test that moves to a fresh pool while the server keeps
     * running, as {@code CognitoTestKit} does before each test.
     *
     * @param issuer the pool's issuer, as {@link dev.cognitosecured.testing.cognito.LocalCognito#issuer} gives it
     */
    public void trustUserPool(URI issuer) {
        Builder trust = new Builder().userPool(issuer);
        verifier.updateAndGet(current -> current.trusting(trust.keys, trust.issuer));
    }

    /** {@return every request recorded so far (since the last {@link #clearRequests()}), in order} */
    public List<ReceivedRequest> requests() {
        return log.all();
    }

    /** {@return how many requests were recorded} */
    public long requestCount() {
        return log.count();
    }

    /**
     * How many recorded requests ran the operation named {@code operationName}, whatever their
     * answer (401s included).
     *
     * @param operationName the operation's name, e.g. {@code GetTodo}
     * @return the number of requests
     */
    public long requestCount(String operationName) {
        return log.countOf(operationName);
    }

    /** {@return how many recorded requests were answered HTTP 401 (expired or invalid token)} */
    public long unauthorizedCount() {
        return log.countWithStatus(401);
    }

    /** {@return how many different tokens the recorded requests carried} */
    public long distinctTokenCount() {
        return log.distinctTokens();
    }

    /** Forgets the recorded requests (their sequence numbers keep counting up). */
    public void clearRequests() {
        log.clear();
    }

    /**
     * Stops the server; requests still waiting out their latency or held silent are dropped unanswered, and
     * real-time connections are dropped.
     */
    @Override
    public void close() {
        closing.countDown();
        realtime.shutdown();
        server.stop();
    }

    @Override
    public String toString() {
        return "LocalGraphQL[" + endpoint + "]";
    }

    /**
     * Configures a {@link LocalGraphQL}. Required: {@link #schema}, an issuer ({@link #issuer} or
     * {@link #userPool}) and the trusted keys ({@link #jwks(URI)}, {@link #jwks(JWKSet)},
     * {@link #jwks(JWKSource)} or {@link #userPool}).
     */
    public static final class Builder {

        private String sdl;
        private final Map<FieldCoordinates, DataFetcher<?>> dataFetchers = new LinkedHashMap<>();
        private final List<Consumer<RuntimeWiring.Builder>> wiringSteps = new ArrayList<>();
        private final Map<FieldCoordinates, Set<String>> requiredGroups = new LinkedHashMap<>();
        private String issuer;
        private JWKSource<SecurityContext> keys;
        private final Set<TokenUse> acceptedTokenUses = EnumSet.of(TokenUse.ACCESS);
        private final Set<String> acceptedClientIds = new LinkedHashSet<>();
        private boolean acceptBearerPrefix;
        private InstantSource clock = InstantSource.system();
        private Duration leeway = Duration.ZERO;
        private Latency latency = Latency.none();
        private LatencyWait latencyWait = LatencyWait.sleeping();
        private int port;
        private String path = "/graphql";
        private Duration keepAliveInterval = Duration.ofMinutes(1);
        private Duration connectionTimeout = Duration.ofMinutes(5);
        private RealtimeTokenExpiry realtimeTokenExpiry = RealtimeTokenExpiry.ERROR_SUBSCRIPTIONS;

        private Builder() {
        }

        /**
         * The schema, in SDL. Required.
         *
         * @param sdl the schema, in the GraphQL schema definition language
         * @return this builder
         */
        public Builder schema(String sdl) {
            this.sdl = Objects.requireNonNull(sdl, "sdl");
            return this;
        }

        /**
         * The data fetcher of {@code type.field}, e.g. {@code ("Query", "getTodo", env -> ...)}. Fields
         * without one read the property of the same name from their parent (a map key or a getter). The fields
         * of the {@code Subscription} type take their value from the published event instead (see
         * {@link LocalGraphQL#publish(String, Map)}); a data fetcher given for one is not used.
         *
         * @param type the type's name, e.g. {@code Query}
         * @param field the field's name
         * @param fetcher the field's data fetcher
         * @return this builder
         */
        public Builder dataFetcher(String type, String field, DataFetcher<?> fetcher) {
            dataFetchers.put(FieldCoordinates.coordinates(type, field), Objects.requireNonNull(fetcher, "fetcher"));
            return this;
        }

        /**
         * Further graphql-java wiring: scalars, type resolvers of interfaces and unions, and so on.
         *
         * @param step what to add to graphql-java's wiring
         * @return this builder
         */
        public Builder wiring(Consumer<RuntimeWiring.Builder> step) {
            wiringSteps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Lets only callers in at least one of {@code groups} (the token's {@code cognito:groups}) read
         * {@code type.field}, as AppSync's {@code @aws_cognito_user_pools(cognito_groups: [...])}.
         * Calling it again for the same field adds groups.
         *
         * @param type the type's name, e.g. {@code Query}
         * @param field the field's name
         * @param groups the groups; at least one
         * @return this builder
         * @throws IllegalArgumentException if no group is named
         */
        public Builder requireGroup(String type, String field, String... groups) {
            if (groups.length == 0) {
                throw new IllegalArgumentException("requireGroup(\"" + type + "\", \"" + field + "\"): name a group");
            }
            requiredGroups.computeIfAbsent(FieldCoordinates.coordinates(type, field), key -> new LinkedHashSet<>())
                    .addAll(List.of(groups));
            return this;
        }

        /**
         * The trusted issuer: a token's {@code iss} must equal it exactly.
         *
         * @param issuer the {@code iss} tokens must carry
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Trusts the user pool whose issuer is {@code issuer} (e.g.
         * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}, or a local stand-in's): sets the
         * issuer and fetches the keys from {@code <issuer>/.well-known/jwks.json}, where Cognito
         * publishes them.
         *
         * @param issuer the pool's issuer
         * @return this builder
         */
        public Builder userPool(URI issuer) {
            String text = issuer.toString();
            issuer(text);
            return jwks(URI.create((text.endsWith("/") ? text : text + "/") + ".well-known/jwks.json"));
        }

        /**
         * Fetches the trusted keys over HTTP from {@code jwksUri} (when the first token is checked).
         *
         * @param jwksUri the URL of the JSON Web Key Set
         * @return this builder
         * @throws IllegalArgumentException if {@code jwksUri} is not a URL
         */
        public Builder jwks(URI jwksUri) {
            try {
                this.keys = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("jwks(" + jwksUri + "): not a URL", e);
            }
            return this;
        }

        /**
         * Trusts the public keys of {@code keys}.
         *
         * @param keys the keys; only their public parts are kept
         * @return this builder
         */
        public Builder jwks(JWKSet keys) {
            this.keys = new ImmutableJWKSet<>(keys.toPublicJWKSet());
            return this;
        }

        /**
         * Takes the trusted keys from {@code keys}.
         *
         * @param keys the source of the keys
         * @return this builder
         */
        public Builder jwks(JWKSource<SecurityContext> keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * The kinds of token accepted; {@link TokenUse#ACCESS} only by default, as AppSync.
         *
         * @param first a kind of token accepted
         * @param more the other kinds accepted
         * @return this builder
         */
        public Builder acceptTokenUse(TokenUse first, TokenUse... more) {
            acceptedTokenUses.clear();
            acceptedTokenUses.add(first);
            acceptedTokenUses.addAll(List.of(more));
            return this;
        }

        /**
         * Accepts only tokens of these app clients ({@code client_id} of an access token, {@code aud}
         * of an id token), as AppSync's app id client regex; any client by default.
         *
         * @param clientIds the app clients' ids; added to those given before
         * @return this builder
         */
        public Builder acceptClientIds(String... clientIds) {
            acceptedClientIds.addAll(List.of(clientIds));
            return this;
        }

        /**
         * Whether {@code Authorization: Bearer <token>} is accepted too. AppSync expects the raw token,
         * so by default a {@code Bearer } prefix makes the header invalid.
         *
         * @param accept whether to accept the prefix
         * @return this builder
         */
        public Builder acceptBearerPrefix(boolean accept) {
            this.acceptBearerPrefix = accept;
            return this;
        }

        /**
         * The clock that {@code exp} is judged on; the system clock by default. Give it the clock that
         * issues the tokens (e.g. the {@link dev.cognitosecured.testing.cognito.ManualClock} of a
         * {@code LocalCognito}) and advance that instead of sleeping.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long after {@code exp} a token is still accepted; zero by default, as AppSync.
         *
         * @param leeway not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code leeway} is negative
         */
        public Builder leeway(Duration leeway) {
            if (leeway.isNegative()) {
                throw new IllegalArgumentException("leeway(" + leeway + "): cannot be negative");
            }
            this.leeway = leeway;
            return this;
        }

        /**
         * Delays every answer; none by default. It can be changed later with {@link LocalGraphQL#latency}.
         *
         * @param latency the delay of each answer
         * @return this builder
         */
        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * How a request waits out its latency before its token is checked: {@link LatencyWait#sleeping()}
         * by default; a test on a manual clock gives one that waits for the clock to move.
         *
         * @param wait how to wait
         * @return this builder
         */
        public Builder latencyWait(LatencyWait wait) {
            this.latencyWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /**
         * The port to listen on (on 127.0.0.1); 0, the default, picks a free one.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port(" + port + "): not a port number");
            }
            this.port = port;
            return this;
        }

        /**
         * The endpoint's path; {@code /graphql} by default.
         *
         * @param path starts with {@code /}
         * @return this builder
         * @throws IllegalArgumentException if {@code path} does not start with {@code /}
         */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path(\"" + path + "\"): must start with /");
            }
            this.path = path;
            return this;
        }

        /**
         * How often the real-time endpoint sends {@code {"type":"ka"}} on each acknowledged connection (one is
         * also sent right after each {@code connection_ack}); one minute by default. {@link Duration#ZERO}
         * sends none. Real time: a test that counts keep-alives waits for them with a bound.
         *
         * @param interval not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("keepAliveInterval(" + interval + "): cannot be negative");
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /**
         * The {@code connectionTimeoutMs} of each {@code connection_ack}: how long a client may go without a
         * keep-alive before it takes the connection for dead; five minutes (300000 ms) by default, as AppSync.
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectionTimeout(" + timeout + "): must be positive");
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * What happens when a token expires on an open real-time connection;
         * {@link RealtimeTokenExpiry#ERROR_SUBSCRIPTIONS} by default. It can be changed later with {@link LocalGraphQL#realtimeTokenExpiry}.
         *
         * @param setting what happens
         * @return this builder
         */
        public Builder realtimeTokenExpiry(RealtimeTokenExpiry setting) {
            this.realtimeTokenExpiry = Objects.requireNonNull(setting, "setting");
            return this;
        }

        /**
         * Builds the schema and starts the server.
         *
         * @return the running server; close it when done
         * @throws IllegalStateException if the schema, the issuer or the keys were not given
         * @throws IllegalArgumentException if the schema is invalid or a data fetcher or group
         *     requirement names a field the schema does not have
         * @throws UncheckedIOException if the server cannot listen
         */
        public LocalGraphQL start() {
            require(sdl != null, "schema(sdl)");
            require(issuer != null, "issuer(...) or userPool(...)");
            require(keys != null, "jwks(...) or userPool(...)");
            GraphQL graphQL = ExecutableSchema.build(sdl, dataFetchers, wiringSteps, requiredGroups);
            TokenVerifier verifier = new TokenVerifier(
                    keys, issuer, acceptedTokenUses, acceptedClientIds, clock, leeway);
            try {
                return new LocalGraphQL(this, graphQL, verifier);
            } catch (IOException e) {
                throw new UncheckedIOException("LocalGraphQL cannot listen on 127.0.0.1:" + port, e);
            }
        }

        private static void require(boolean given, String setting) {
            if (!given) {
                throw new IllegalStateException("LocalGraphQL.builder() needs " + setting + " before start()");
            }
        }
    }
}
