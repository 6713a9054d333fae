package dev.cognitosecured.runtime.internal.observe.micrometer;

import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.observe.CallObservation;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.observe.ObservedPool;
import dev.cognitosecured.runtime.internal.observe.PoolObserver;
import dev.cognitosecured.runtime.spi.GraphQLOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one pool, all tagged {@code pool}:
 * <ul>
 *   <li>{@value #SIGN_INS}: sessions started (each {@code SignedIn});</li>
 *   <li>{@value #SIGN_IN_STEPS}, tags {@code step}, {@code outcome}: each step of a sign-in and what it gave;</li>
 *   <li>{@value #REFRESHES}: refreshes that gave tokens (each {@code TokensRefreshed});</li>
 *   <li>{@value #REFRESH_FAILURES}, tag {@code reason} (the failure's simple class name): refreshes that
 *       failed and kept the old tokens (each {@code RefreshFailed});</li>
 *   <li>{@value #SESSIONS_ENDED}, tag {@code reason} ({@code SessionEnded.Reason} in lower case);</li>
 *   <li>{@value #REPLAYS}, tag {@code operation}: replays of a call after an HTTP 401;</li>
 *   <li>{@value #TOKEN_WAITS}, a timer, tag {@code operation}: calls that waited for a refresh, and how
 *       long;</li>
 *   <li>{@value #MARGIN}, a gauge in seconds: the pool's learned {@code CallMargin}.</li>
 * </ul>
 * Meters are removed from the registry when the pool shuts down.
 */
final class PoolMeters implements PoolObserver, CallObserver {

    static final String SIGN_INS = "cognito.secured.sign.ins";
    static final String SIGN_IN_STEPS = "cognito.secured.sign.in.steps";
    static final String REFRESHES = "cognito.secured.refreshes";
    static final String REFRESH_FAILURES = "cognito.secured.refresh.failures";
    static final String SESSIONS_ENDED = "cognito.secured.sessions.ended";
    static final String REPLAYS = "cognito.secured.replays";
    static final String TOKEN_WAITS = "cognito.secured.token.waits";
    static final String MARGIN = "cognito.secured.call.margin";

    private final MeterRegistry registry;
    private final String pool;
    private final Set<Meter> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, CallObservation> byOperation = new ConcurrentHashMap<>();
    private final Counter signIns;
    private final Counter refreshes;

    PoolMeters(MeterRegistry registry, ObservedPool observed) {
        this.registry = registry;
        this.pool = observed.name();
        this.signIns = kept(Counter.builder(SIGN_INS).description("Sessions started by a sign-in")
                .tag("pool", pool).register(registry));
        this.refreshes = kept(Counter.builder(REFRESHES).description("Refreshes that gave tokens")
                .tag("pool", pool).register(registry));
        Supplier<Duration> margin = observed.learnedMargin();
        kept(Gauge.builder(MARGIN, margin, learned -> learned.get().toNanos() / 1e9)
                .description("The margin a call's tokens must have left, learned from the pool's slow attempts")
                .baseUnit("seconds").tag("pool", pool).strongReference(true).register(registry));
    }

    @Override
    public CallObserver calls() {
        return this;
    }

    /** One observation per operation (tag {@code operation}: its name, e.g. {@code TodoApi.getTodo}), made once: a call allocates nothing for its meters. */
    @Override
    public CallObservation callStarted(GraphQLOperation<?> operation) {
        return byOperation.computeIfAbsent(operation.name(), OperationMeters::new);
    }

    @Override
    public void event(Object event) {
        if (event instanceof SignedIn) {
            signIns.increment();
        } else if (event instanceof TokensRefreshed) {
            refreshes.increment();
        } else if (event instanceof RefreshFailed failed) {
            counter(REFRESH_FAILURES, "Refreshes that failed (the old tokens were kept)", "reason",
                    failed.cause() == null ? "unknown" : failed.cause().getClass().getSimpleName()).increment();
        } else if (event instanceof SessionEnded ended) {
            counter(SESSIONS_ENDED, "Sessions that ended", "reason", ended.reason().name().toLowerCase(Locale.ROOT))
                    .increment();
        }
    }

    @Override
    public void signInStep(String step, String outcome) {
        kept(Counter.builder(SIGN_IN_STEPS).description("Steps of sign-ins, by what they gave")
                .tags("pool", pool, "step", step, "outcome", outcome).register(registry)).increment();
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return kept(Counter.builder(name).description(description).tags("pool", pool, tag, value).register(registry));
    }

    private <M extends Meter> M kept(M meter) {
        registered.add(meter);
        return meter;
    }

    /** The meters of one operation's calls. */
    private final class OperationMeters implements CallObservation {

        private final Counter replays;
        private final Timer tokenWaits;

        OperationMeters(String operation) {
            this.replays = kept(Counter.builder(REPLAYS).description("Calls replayed after an HTTP 401")
                    .tags("pool", pool, "operation", operation).register(registry));
            this.tokenWaits = kept(Timer.builder(TOKEN_WAITS)
                    .description("Calls that waited for a refresh, and how long")
                    .tags("pool", pool, "operation", operation).register(registry));
        }

        @Override
        public void waitedForTokens(long nanos) {
            tokenWaits.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void replaying() {
            replays.increment();
        }
    }
}
