package dev.cognitosecured.benchmarks.memory;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.benchmarks.support.CannedIdentityProvider;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.SyntheticTokens;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.internal.cdi.CognitoSecuredExtension;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per signed-in session, beyond the characters of its three tokens (access, ID, refresh),
 * measured two ways:
 *
 * <ol>
 *   <li><b>The store alone, exactly</b> (JOL): what the object graph of two signed-in
 *       {@link DefaultSessionStore}s of one pool holds beyond the graph of the first, so that whatever
 *       stores share (identity provider, ticker, event sink, pool name, constants) drops out; less
 *       the tokens' characters.</li>
 *   <li><b>A {@code @SessionScoped} store in Weld</b> (heap after full GC): N sessions of a Weld SE
 *       container (bound session contexts, as a servlet container's HTTP sessions), each signed in,
 *       against the same N token strings and N empty session maps held without the library. The
 *       difference per session is what the library adds to a session: the store, its state, the
 *       {@code Tokens}, the user name, Weld's bookkeeping of the session-scoped bean. The token
 *       strings' own headers are added back, so that the figure too is "beyond the characters".</li>
 * </ol>
 */
public final class MemoryFootprint {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final int sessions;

    /** @param sessions how many sessions the heap measurement holds */
    public MemoryFootprint(int sessions) {
        this.sessions = sessions;
    }

    public void run(Figures figures) {
        // JOL reads record fields (the store's state is a record) with field offsets it works out itself.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
        storeAlone(figures);
        sessionScopedInWeld(figures);
    }

    private void storeAlone(Figures figures) {
        CannedIdentityProvider provider = new CannedIdentityProvider(LIFETIME);
        Ticker ticker = Ticker.system();
        Consumer<Object> events = event -> { };
        DefaultSessionStore first = signedInStore(provider, ticker, events, "user-0001");
        DefaultSessionStore second = signedInStore(provider, ticker, events, "user-0002");
        Tokens tokens = second.tokens(Duration.ZERO);

        // What the second store adds to the first: all that two stores of a pool share (the provider,
        // ticker, event sink, pool name, and any constant of the store's classes) drops out.
        GraphLayout perStore = GraphLayout.parseInstance(first, second).subtract(GraphLayout.parseInstance(first));
        long characters = characters(tokens);
        figures.add("memory.store.total", perStore.totalSize(), "bytes");
        figures.add("memory.store.token_characters", characters, "bytes");
        figures.add("memory.store.beyond_token_characters", perStore.totalSize() - characters, "bytes");
        for (String line : perStore.toFootprint().split("\n")) {
            if (!line.isBlank()) {
                figures.note("memory.store footprint | " + line.stripTrailing());
            }
        }
    }

    private static DefaultSessionStore signedInStore(CannedIdentityProvider provider, Ticker ticker,
            Consumer<Object> events, String username) {
        DefaultSessionStore store = new DefaultSessionStore("default", provider, ticker, Duration.ofMinutes(2), events);
        store.signIn(() -> provider.signIn(username, new char[0]));
        return store;
    }

    private void sessionScopedInWeld(Figures figures) {
        String[] keys = {"cognito-secured.region", "cognito-secured.user-pool-id", "cognito-secured.client-id",
            "cognito-secured.session-scope"};
        String[] values = {"us-east-1", "us-east-1_Memory", "memory-client", "session"};
        for (int i = 0; i < keys.length; i++) {
            System.setProperty(keys[i], values[i]);
        }
        WeldContainer container = new Weld("memory-" + System.nanoTime())
                .disableDiscovery()
                .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                .addExtension(new CognitoSecuredExtension())
                .addBeanClasses(SessionApplication.class)
                .initialize();
        try {
            SessionApplication application = container.select(SessionApplication.class).get();
            BoundSessionContext context = container.select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
            // One session first, so that what all sessions share (the pool's runtime, the identity
            // provider, proxies, Weld's caches) exists before the baseline is measured.
            inSession(context, new HashMap<>(), () -> application.signIn(SyntheticTokens.of("warm-up", LIFETIME)));
            checkSessionScoped(container, context);

            String[][] tokens = new String[sessions][];
            List<Map<String, Object>> storages = new ArrayList<>(sessions);
            for (int i = 0; i < sessions; i++) {
                tokens[i] = new String[] {
                    SyntheticTokens.text(SyntheticTokens.ACCESS_LENGTH),
                    SyntheticTokens.text(SyntheticTokens.ID_LENGTH),
                    SyntheticTokens.text(SyntheticTokens.REFRESH_LENGTH)};
                storages.add(new HashMap<>());
            }
            long without = HeapUsage.afterGc();
            for (int i = 0; i < sessions; i++) {
                String[] own = tokens[i];
                Tokens signedIn = Tokens.of(own[0], own[1], Optional.of(own[2]),
                        Duration.ofSeconds(LIFETIME.getSeconds()), String.format("user-%06d", i));
                inSession(context, storages.get(i), () -> application.signIn(signedIn));
            }
            long with = HeapUsage.afterGc();
            long headers = 0;
            for (String token : tokens[0]) {
                headers += GraphLayout.parseInstance(token).totalSize() - token.length();
            }
            double perSession = (double) (with - without) / sessions;
            figures.count("memory.session_scoped.sessions", sessions, "sessions");
            figures.add("memory.session_scoped.beyond_token_strings", perSession, "bytes");
            figures.add("memory.session_scoped.beyond_token_characters", perSession + headers, "bytes");
            // Keep everything reachable until after the second measurement.
            if (storages.get(sessions - 1).isEmpty() || tokens[sessions - 1].length != 3) {
                throw new IllegalStateException("the last session holds no store");
            }
        } finally {
            container.shutdown();
            for (String key : keys) {
                System.clearProperty(key);
            }
        }
    }

    /** The store really is per session: a new session has none signed in. */
    private static void checkSessionScoped(WeldContainer container, BoundSessionContext context) {
        SessionStore store = container.select(SessionStore.class, AuthFlow.Literal.of("default")).get();
        boolean[] signedIn = new boolean[1];
        inSession(context, new HashMap<>(), () -> signedIn[0] = store.isSignedIn());
        if (signedIn[0]) {
            throw new IllegalStateException("the store is not session scoped: check cognito-secured.session-scope");
        }
    }

    private static void inSession(BoundSessionContext context, Map<String, Object> storage, Runnable action) {
        context.associate(storage);
        context.activate();
        try {
            action.run();
        } finally {
            context.deactivate();
            context.dissociate(storage);
        }
    }

    private static long characters(Tokens tokens) {
        // Latin-1 strings (compact strings, the default): one byte per character.
        return tokens.accessToken().length() + tokens.idToken().length()
                + tokens.refreshToken().map(String::length).orElse(0);
    }
}
