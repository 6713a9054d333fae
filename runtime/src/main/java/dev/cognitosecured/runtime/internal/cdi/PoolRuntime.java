package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.client.CallMargin;
import dev.cognitosecured.runtime.internal.account.CognitoAccount;
import dev.cognitosecured.runtime.internal.account.CognitoCalls;
import dev.cognitosecured.runtime.internal.account.CognitoDevices;
import dev.cognitosecured.runtime.internal.account.CognitoMfa;
import dev.cognitosecured.runtime.internal.account.CognitoPasskeys;
import dev.cognitosecured.runtime.internal.account.CognitoPasswordReset;
import dev.cognitosecured.runtime.internal.account.CognitoSignUp;
import dev.cognitosecured.runtime.internal.account.SignedInCalls;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.cognito.CognitoSignIn;
import dev.cognitosecured.runtime.internal.cognito.SignUpSignIn;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import dev.cognitosecured.runtime.internal.graphql.DefaultGraphQLClient;
import dev.cognitosecured.runtime.internal.graphql.JaxRsGraphQLTransport;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.ObservedSignIn;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.internal.observe.PoolObservers;
import dev.cognitosecured.runtime.internal.observe.PoolStatus;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.realtime.RealtimeEndpoint;
import dev.cognitosecured.runtime.internal.realtime.Subscriptions;
import dev.cognitosecured.runtime.internal.store.RefreshBackoff;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.SessionCodec;
import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import java.io.InvalidObjectException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;

/**
 * What the stores and callers of one pool share, application-wide: the identity provider, the
 * GraphQL transport, the clock, the {@link CallMargin} learned from the pool's attempts and the event
 * sink, the pool's status (for its readiness check) and its observers (metrics, tracing). Each part is
 * the application's replacement bean
 * if it has one (see {@link ReplaceableParts}), else the default, made on first use; the defaults
 * made here are closed with this object when the container shuts down.
 */
final class PoolRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PoolRuntime.class.getName());

    private final PoolConfig config;
    private final ReplaceableParts replacements;
    private final Consumer<Object> events;
    private final List<ObserverFactory> observerFactories;
    private final Lazy<PoolStatus> status = new Lazy<>(() -> new PoolStatus(wallClock()));
    private final Lazy<PoolObserver> observer = new Lazy<>(this::makeObserver);
    private final ConcurrentLinkedDeque<AutoCloseable> owned = new ConcurrentLinkedDeque<>();
    private final Lazy<IdentityProvider> identityProvider = new Lazy<>(this::makeIdentityProvider);
    private final Lazy<GraphQLTransport> transport = new Lazy<>(this::makeTransport);
    private final Lazy<Ticker> ticker = new Lazy<>(this::makeTicker);
    private final Lazy<CallMargin> margin = new Lazy<>(this::makeMargin);
    private final Lazy<SessionCodec> codec = new Lazy<>(this::makeCodec);
    private final Lazy<InstantSource> wallClock = new Lazy<>(this::makeWallClock);
    private final Lazy<Optional<DeviceStore>> deviceStore = new Lazy<>(this::findDeviceStore);
    private final Lazy<CognitoCalls> cognitoCalls = new Lazy<>(this::makeCognitoCalls);
    private final Lazy<Subscriptions> subscriptions = new Lazy<>(this::makeSubscriptions);

    /**
     * A runtime whose store events go to the pool's status, then to the observers {@code observers}
     * make (when first needed), then to {@code events}.
     */
    PoolRuntime(PoolConfig config, ReplaceableParts replacements, Consumer<Object> events,
            List<ObserverFactory> observers) {
        this.config = Objects.requireNonNull(config, "config");
        this.replacements = Objects.requireNonNull(replacements, "replacements");
        Objects.requireNonNull(events, "events");
        this.observerFactories = List.copyOf(observers);
        this.events = event -> {
            status().record(event);
            try {
                observer().event(event);
            } catch (RuntimeException e) { // metrics or tracing: never a reason to keep the event from the application
                LOG.log(Level.WARNING, () -> "An observer of the user pool '" + config.name() + "' failed", e);
            }
            events.accept(event);
        };
    }

    /** What the pool's stores last told, for its readiness check. */
    PoolStatus status() {
        return status.get();
    }

    /** What the pool's callers tell of their calls: nothing observes them unless an integration does. */
    CallObserver calls() {
        return observer().calls();
    }

    private PoolObserver observer() {
        return observer.get();
    }

    private PoolObserver makeObserver() {
        PoolObserver made = PoolObservers.of(observerFactories,
                new ObservedPool(config.name(), () -> margin().learned(), replacements::find));
        owned.push(made);
        return made;
    }

    IdentityProvider identityProvider() {
        return identityProvider.get();
    }

    GraphQLTransport transport() {
        return transport.get();
    }

    Ticker ticker() {
        return ticker.get();
    }

    /** The margin every caller of this pool times its attempts on and sends its calls with. */
    CallMargin margin() {
        return margin.get();
    }

    /** The pool's subscriptions over its real-time endpoint, made on first use and closed with this object. */
    Subscriptions subscriptions() {
        return subscriptions.get();
    }

    /**
     * The pool's subscriptions, or {@code null} when neither {@code graphql.endpoint} nor
     * {@code graphql.realtime-endpoint} is configured (an application that replaced the transport):
     * its {@code SecuredCaller} then answers a subscription with an error.
     */
    Subscriptions subscriptionsIfConfigured() {
        return config.graphqlEndpoint().isPresent() || config.realtimeEndpoint().isPresent() ? subscriptions() : null;
    }

    private Subscriptions makeSubscriptions() {
        URI realtime = config.realtimeEndpoint().orElseGet(() -> RealtimeEndpoint.derive(config.graphqlEndpoint()
                .orElseThrow(() -> new IllegalStateException(PoolKeys.of(config.name()).full(PoolKeys.GRAPHQL_ENDPOINT)
                        + " is missing: the subscriptions of the user pool '" + config.name() + "' need the GraphQL"
                        + " API's URL"))));
        URI graphql = config.graphqlEndpoint().orElse(realtime);
        Jsonb jsonb = JsonbBuilder.create();
        owned.push(jsonb);
        Subscriptions made = new Subscriptions(config.name(), realtime, RealtimeEndpoint.host(graphql),
                config.authorizationPrefix(), jsonb, ticker(), config.limits().graphqlConnectTimeout(),
                RefreshBackoff.standard(), Subscriptions.BUFFER, config.limits().subscriptionGapLimit(), events,
                wallClock());
        owned.push(made);
        return made;
    }

    /** How long one GraphQL call of this pool may take in all: {@code graphql.call-timeout}. */
    Duration callTimeout() {
        return config.limits().callTimeout();
    }

    private CallMargin makeMargin() {
        return new CallMargin(ticker(), config.marginCap());
    }

    /**
     * A new, empty session store of this pool, written as a {@link PassivatedStore} when its scope is
     * passivated or replicated.
     */
    DefaultSessionStore newStore() {
        return new DefaultSessionStore(config.name(), identityProvider(), ticker(), config.prefetch(),
                RefreshBackoff.standard(), events, store -> new PassivatedStore(config.name(), codec().encode(store.serializedForm(wallClock().instant()))),
                config.limits().cognitoTimeout().plus(ChallengeSlot.STEP_SLACK));
    }

    /**
     * A sign-in flow of this pool over {@code store}, with a challenge slot of its own: the slot lives
     * and dies with the flow, in the scope of the store (one sign-in at a time per principal).
     */
    SignIn newSignIn(SessionStore store) {
        return signIn(store, newSlot(), StoreDevices.of(store));
    }

    /**
     * Where the devices of the principal of {@code store} are kept: the application's {@link DeviceStore} if it has
     * one, else {@code kept}, the devices kept with the session store.
     */
    DeviceStore devices(DeviceStore kept) {
        return deviceStore.get().orElse(kept);
    }

    /** A challenge slot of this pool, idle. */
    private ChallengeSlot newSlot() {
        return new ChallengeSlot(config.name(), ticker(), config.challengeValidity(),
                config.limits().cognitoTimeout().plus(ChallengeSlot.STEP_SLACK));
    }

    private SignIn signIn(SessionStore store, ChallengeSlot slot, DeviceStore kept) {
        SignIn flow = new CognitoSignIn(store, slot, identityProvider(), config.userPoolId(), devices(kept),
                CognitoSignIn.DEFAULT_DEVICE_NAME);
        if (observer() != PoolObserver.NONE) {
            flow = new ObservedSignIn(flow, observer());
        }
        return new PassivatingSignIn(flow, () -> new PassivatedSignIn(config.name(),
                codec().encode(slot.serializedForm(wallClock().instant()))));
    }

    /**
     * The store that a {@link PassivatedStore} holds, written on another JVM or before a restart; signed
     * out if it cannot be read (the codec refused it, or it is damaged).
     */
    DefaultSessionStore restoreStore(byte[] encoded) {
        DefaultSessionStore store = newStore();
        try {
            store.restore(codec().decode(encoded), wallClock().instant());
        } catch (InvalidObjectException | RuntimeException e) {
            warnUnreadable("session store", e);
        }
        return store;
    }

    /**
     * The sign-in flow that a {@link PassivatedSignIn} holds, over {@code store} (the store of the
     * calling context); with no challenge waiting if it cannot be read.
     */
    SignIn restoreSignIn(SessionStore store, Supplier<SessionStore> instances, byte[] encoded) {
        ChallengeSlot slot = newSlot();
        try {
            slot.restore(codec().decode(encoded), wallClock().instant());
        } catch (InvalidObjectException | RuntimeException e) {
            warnUnreadable("sign-in challenge", e);
        }
        return signIn(store, slot, new StoreDevices(instances));
    }

    private void warnUnreadable(String what, Exception e) {
        // The codec is the application's: its message is not ours to vouch for, so only its class is named.
        LOG.log(Level.WARNING, () -> "A passivated " + what + " of the user pool '" + config.name() + "' could not"
                + " be read (" + e.getClass().getName() + "); it is restored signed out, and the user signs in again."
                + " Check that every node has the same SessionCodec and key.");
    }

    private Optional<DeviceStore> findDeviceStore() {
        return replacements.find(DeviceStore.class);
    }

    private SessionCodec makeCodec() {
        return replacements.find(SessionCodec.class).orElseGet(SessionCodec::plain);
    }

    private InstantSource makeWallClock() {
        return replacements.find(InstantSource.class).orElseGet(InstantSource::system);
    }

    private SessionCodec codec() {
        return codec.get();
    }

    private InstantSource wallClock() {
        return wallClock.get();
    }

    private IdentityProvider makeIdentityProvider() {
        return replacements.find(IdentityProvider.class).orElseGet(() -> {
            CognitoIdentityProvider cognito = new CognitoIdentityProvider(observedClient().build(), config);
            owned.push(cognito);
            return cognito;
        });
    }

    /** The default Cognito client's builder, with the interceptors of the pool's observers (Cognito spans). */
    private CognitoIdentityProviderAsyncClientBuilder observedClient() {
        CognitoIdentityProviderAsyncClientBuilder builder = CognitoIdentityProvider.clientBuilder(config);
        List<ExecutionInterceptor> interceptors = observer().cognitoInterceptors();
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .executionInterceptors(interceptors).build());
        }
        return builder;
    }

    private GraphQLTransport makeTransport() {
        Optional<GraphQLTransport> replacement = replacements.find(GraphQLTransport.class);
        if (replacement.isPresent()) {
            return replacement.get();
        }
        URI endpoint = config.graphqlEndpoint().orElseThrow(() -> new IllegalStateException(
                PoolKeys.of(config.name()).full(PoolKeys.GRAPHQL_ENDPOINT) + " is missing: the generated clients of the"
                        + " user pool '" + config.name() + "' need the GraphQL API's URL"));
        Client client = replacements.findForPool(Client.class).orElseGet(this::makeClient);
        Jsonb jsonb = JsonbBuilder.create();
        owned.push(jsonb);
        return new JaxRsGraphQLTransport(client, endpoint, config.authorizationPrefix(), jsonb, config.limits(),
                PoolKeys.of(config.name()));
    }

    /** The default JAX-RS client ({@link DefaultGraphQLClient}), closed with this object (an application's own is not). */
    private Client makeClient() {
        Client client = DefaultGraphQLClient.create(config.limits());
        owned.push(client::close);
        return client;
    }

    private Ticker makeTicker() {
        return replacements.find(Ticker.class).orElseGet(Ticker::system);
    }

    /**
     * The pool's account calls to Cognito (sign-up, password reset), bounded and mapped; their AWS SDK
     * client is made on first use with the pool's bounds, apart from the identity provider's (which the
     * application may replace), and closed with this object.
     */
    CognitoCalls cognitoCalls() {
        return cognitoCalls.get();
    }

    /** The calls a signed-in user of {@code store} makes with a fresh access token from it. */
    SignedInCalls signedInCalls(SessionStore store) {
        return new SignedInCalls(cognitoCalls(), store);
    }

    /** A sign-up flow of this pool, with the sign-up of {@code pending} in progress if given. */
    SignUp newSignUp(Optional<String> pending) {
        return new CognitoSignUp(cognitoCalls(), pending, username -> new PassivatedAccountFlow(config.name(),
                PassivatedAccountFlow.Flow.SIGN_UP, username.orElse(null)),
                () -> CDI.current().select(SignUpSignIn.class, AuthFlow.Literal.of(config.name())).get());
    }

    /** A password-reset flow of this pool. */
    PasswordReset newPasswordReset() {
        return new CognitoPasswordReset(cognitoCalls(),
                () -> PassivatedAccountFlow.of(config.name(), PassivatedAccountFlow.Flow.PASSWORD_RESET));
    }

    /** The second factors of the user signed in to {@code store}. */
    Mfa newMfa(SessionStore store) {
        return new CognitoMfa(signedInCalls(store), config.userPoolId(),
                () -> PassivatedAccountFlow.of(config.name(), PassivatedAccountFlow.Flow.MFA));
    }

    /**
     * The devices of the user signed in to {@code store}, whose credentials the sign-in keeps in {@code kept} unless
     * the application has its own {@link DeviceStore}.
     */
    Devices newDevices(SessionStore store, DeviceStore kept) {
        return new CognitoDevices(signedInCalls(store), devices(kept),
                () -> PassivatedAccountFlow.of(config.name(), PassivatedAccountFlow.Flow.DEVICES));
    }

    /** The account of the user signed in to {@code store}. */
    Account newAccount(SessionStore store) {
        return new CognitoAccount(signedInCalls(store),
                () -> PassivatedAccountFlow.of(config.name(), PassivatedAccountFlow.Flow.ACCOUNT));
    }

    /** The passkeys of the user signed in to {@code store}. */
    Passkeys newPasskeys(SessionStore store) {
        return new CognitoPasskeys(signedInCalls(store),
                () -> PassivatedAccountFlow.of(config.name(), PassivatedAccountFlow.Flow.PASSKEYS));
    }

    private CognitoCalls makeCognitoCalls() {
        CognitoIdentityProviderAsyncClient client = CognitoIdentityProvider.clientBuilder(config).build();
        owned.push(client);
        return new CognitoCalls(config, client);
    }

    /** Closes the default parts made here, newest first. */
    @Override
    public void close() {
        List<AutoCloseable> parts = List.copyOf(owned);
        owned.clear();
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, () -> "Closing a part of the user pool '" + config.name() + "' failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "PoolRuntime[" + config.name() + "]";
    }
}
