package dev.cognitosecured.benchmarks.storm;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.api.TodoApi;
import dev.cognitosecured.benchmarks.api.TodoApi_CognitoClient;
import dev.cognitosecured.benchmarks.support.CannedTransport;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.LocalCognitoPool;
import dev.cognitosecured.benchmarks.support.ManualTicker;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import dev.cognitosecured.benchmarks.support.Percentiles;
import dev.cognitosecured.benchmarks.support.ThreadKind;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * The refresh storm, a plain harness (a storm is one event, not a loop JMH could repeat): N callers
 * call the generated client at the same moment with an expired token. The store refreshes through
 * the library's real {@code CognitoIdentityProvider} (AWS SDK v2 over Netty) against LocalCognito on
 * loopback, which delays every {@code InitiateAuth} by the configured latency.
 *
 * <p>Per storm size it reports the refreshes LocalCognito received (its request counter; must be 1 per
 * storm, the largest count of all rounds is reported), and, as medians over the rounds: the latency
 * of the storm's refresh as the store saw it, the latency each caller saw from the start of its own
 * call to its return (p50, p99), p99 over that round's refresh, and the time from the callers'
 * release until the last of them returned. For context it also reports one refresh alone.
 *
 * <p>The token is expired on the store's clock (a {@link ManualTicker} moved past the tokens' lifetime),
 * so no caller can take the fast path and nothing depends on timing.
 */
public final class RefreshStorm {

    /** How a run is sized. */
    public record Settings(List<Integer> platformCallers, int virtualCallers, int rounds, int refreshSamples,
            Duration refreshLatency) {
        public Settings {
            platformCallers = List.copyOf(platformCallers);
            Objects.requireNonNull(refreshLatency, "refreshLatency");
        }
    }

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Todo CANNED = new Todo("1", "storm", false);

    private final Settings settings;

    public RefreshStorm(Settings settings) {
        this.settings = settings;
    }

    public void run(Figures figures) throws InterruptedException {
        try (LocalCognitoPool pool = LocalCognitoPool.start(InstantSource.system(), TOKEN_LIFETIME)) {
            storm(pool, 100, ThreadKind.PLATFORM); // warm-up: class loading, JIT, connections
            figures.add("storm.refresh_alone.p50", refreshAlone(pool).at(50) / 1e6, "ms");
            for (int callers : settings.platformCallers()) {
                report(figures, "storm.platform_" + callers, rounds(pool, callers, ThreadKind.PLATFORM));
            }
            if (ThreadKind.VIRTUAL.isAvailable()) {
                report(figures, "storm.virtual_" + settings.virtualCallers(),
                        rounds(pool, settings.virtualCallers(), ThreadKind.VIRTUAL));
            } else {
                figures.note("storm.virtual_" + settings.virtualCallers() + " skipped: virtual threads need JDK 21+,"
                        + " this is " + Runtime.version());
            }
        }
    }

    /**
     * Per round: the callers' p50 and p99 and that round's refresh; then the median of each over the
     * rounds, so that one slow round (a collection, another process) moves nothing but itself.
     */
    private void report(Figures figures, String name, List<StormResult> results) {
        long maxRefreshes = results.stream().mapToLong(StormResult::refreshes).max().orElseThrow();
        long minRefreshes = results.stream().mapToLong(StormResult::refreshes).min().orElseThrow();
        figures.count(name + ".refreshes_max", maxRefreshes, "refreshes");
        if (minRefreshes != maxRefreshes) {
            figures.count(name + ".refreshes_min", minRefreshes, "refreshes");
        }
        figures.add(name + ".refresh", median(results, StormResult::refreshNanos) / 1e6, "ms");
        figures.add(name + ".p50", median(results, result -> Percentiles.of(result.latencies()).at(50)) / 1e6, "ms");
        figures.add(name + ".p99", median(results, result -> Percentiles.of(result.latencies()).at(99)) / 1e6, "ms");
        figures.ratio(name + ".p99_vs_refresh", PairedRatios.of(
                results.stream().mapToDouble(result -> Percentiles.of(result.latencies()).at(99)).toArray(),
                results.stream().mapToDouble(StormResult::refreshNanos).toArray()));
        figures.add(name + ".all_done", median(results, StormResult::allDone) / 1e6, "ms");
    }

    private static long median(List<StormResult> results, ToLongFunction<StormResult> figure) {
        return Percentiles.of(results.stream().mapToLong(figure).toArray()).at(50);
    }

    private List<StormResult> rounds(LocalCognitoPool pool, int callers, ThreadKind kind) throws InterruptedException {
        List<StormResult> results = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            results.add(storm(pool, callers, kind));
        }
        return results;
    }

    /** One refresh at a time through the provider, with the same injected latency. */
    private Percentiles refreshAlone(LocalCognitoPool pool) {
        pool.cognito().clearFaults();
        Tokens tokens = pool.userSignIn().get().toCompletableFuture().join();
        pool.cognito().injectFault(Action.INITIATE_AUTH, Fault.delay(settings.refreshLatency()));
        long[] samples = new long[settings.refreshSamples()];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            pool.provider().refresh(tokens).toCompletableFuture().join();
            samples[i] = System.nanoTime() - start;
        }
        pool.cognito().clearFaults();
        return Percentiles.of(samples);
    }

    private StormResult storm(LocalCognitoPool pool, int callers, ThreadKind kind) throws InterruptedException {
        pool.cognito().clearFaults();
        ManualTicker ticker = new ManualTicker();
        TimedRefreshes provider = new TimedRefreshes(pool.provider());
        DefaultSessionStore store = new DefaultSessionStore("default", provider, ticker, Duration.ZERO,
                event -> { });
        store.signIn(pool.userSignIn());
        ticker.advance(TOKEN_LIFETIME.multipliedBy(2));
        TodoApi client = new TodoApi_CognitoClient(new SecuredCaller(store, new CannedTransport(CANNED)));

        pool.cognito().injectFault(Action.INITIATE_AUTH, Fault.delay(settings.refreshLatency()));
        pool.cognito().resetRequestCounts();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(callers);
        long[] latencies = new long[callers];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            kind.start(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    Todo todo = client.getTodo("1");
                    latencies[caller] = System.nanoTime() - start;
                    if (todo != CANNED) {
                        throw new IllegalStateException("unexpected result " + todo);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "storm-" + i);
        }
        ready.await();
        long released = System.nanoTime();
        go.countDown();
        done.await();
        long allDone = System.nanoTime() - released;
        long refreshes = pool.cognito().requestCount(Action.INITIATE_AUTH);
        pool.cognito().clearFaults();
        if (failure.get() != null) {
            throw new IllegalStateException("a caller of the storm failed", failure.get());
        }
        return new StormResult(refreshes, provider.lastRefreshNanos(), latencies, allDone);
    }

    /**
     * @param refreshes the refresh requests LocalCognito received
     * @param refreshNanos how long the (last) refresh took, as the store saw it
     * @param latencies each caller's, from the start of its call to its return
     * @param allDone from the release of the callers until the last one returned
     */
    private record StormResult(long refreshes, long refreshNanos, long[] latencies, long allDone) {
    }
}
