package dev.cognitosecured.benchmarks.steady;

import dev.cognitosecured.benchmarks.api.Todo;
import dev.cognitosecured.benchmarks.api.TodoApi;
import dev.cognitosecured.benchmarks.api.TodoApi_CognitoClient;
import dev.cognitosecured.benchmarks.support.CannedTransport;
import dev.cognitosecured.benchmarks.support.Figures;
import dev.cognitosecured.benchmarks.support.LocalCognitoPool;
import dev.cognitosecured.benchmarks.support.PairedRatios;
import dev.cognitosecured.benchmarks.support.Percentiles;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady state with prefetch, a plain harness on a simulated clock. A {@link ManualClock} drives
 * LocalCognito (the tokens' {@code iat}/{@code exp}) and the session stores' ticker, and moves by one
 * tick at a time. In each tick every caller thread makes the same number of calls through the
 * generated client's asynchronous method; between ticks the refreshes that were started are released
 * ({@link HeldRefreshes}), so a refresh takes one tick of simulated time whatever its real latency.
 *
 * <p>Three sessions take the load side by side, each with its own LocalCognito and store: the default
 * prefetch (the figure), no prefetch (to show what the count looks like when callers do wait), and
 * tokens that outlive the run (the latency baseline). Each caller thread calls the three in turn
 * (which one goes first in a tick rotates), so that a disturbance of the machine (another process, a
 * collection, the wake-up at the start of a tick) falls on all three alike.
 *
 * <p>The latency ratio of prefetch to never-expiring tokens is measured in pairs, one per token
 * lifetime: the p99 of each session's calls in that lifetime.
 *
 * <p>A call <em>waited for a refresh</em> if the stage it returned was not complete when it returned:
 * on the fast path, and with a background refresh in flight, the whole call completes before it
 * returns (the transport is in process). With refreshes held until the end of the tick, a call that
 * needs one cannot complete before it returns, so the count is exact, not sampled. The latency of a
 * call that waited runs until its stage completed, after the tick.
 */
public final class SteadyState {

    /** How a run is sized. */
    public record Settings(Duration tokenLifetime, int lifetimes, Duration tick, int callers, int callsPerTick) {
    }

    private static final Duration PREFETCH = Duration.ofMinutes(2);
    private static final Duration NEVER = Duration.ofDays(1); // the longest lifetime the store accepts; longer than any run
    private static final Todo CANNED = new Todo("1", "steady", false);
    private static final int PREFETCHED = 0;
    private static final int NOT_PREFETCHED = 1;
    private static final int NEVER_EXPIRING = 2;

    private final Settings settings;

    public SteadyState(Settings settings) {
        this.settings = settings;
    }

    public void run(Figures figures) throws InterruptedException {
        int ticks = (int) (settings.tokenLifetime().multipliedBy(settings.lifetimes()).toNanos()
                / settings.tick().toNanos());
        figures.note("steady: " + settings.lifetimes() + " lifetimes of " + settings.tokenLifetime().toSeconds()
                + " s = " + ticks + " ticks of " + settings.tick().toMillis() + " ms; " + settings.callers()
                + " caller threads x " + settings.callsPerTick() + " calls per tick on each of 3 sessions"
                + " (prefetch 2 min, no prefetch, never expiring); refresh skew 30 s");
        load(Math.max(1, ticks / 10)); // warm-up, not reported
        List<Result> results = load(ticks);
        Result prefetch = results.get(PREFETCHED);
        Result none = results.get(NOT_PREFETCHED);
        Result never = results.get(NEVER_EXPIRING);

        figures.count("steady.prefetch.waited_callers", prefetch.waited(), "calls");
        figures.count("steady.prefetch.refreshes", prefetch.refreshes(), "refreshes");
        figures.count("steady.prefetch.calls", prefetch.latency().count(), "calls");
        figures.add("steady.prefetch.p50", prefetch.latency().at(50) / 1e3, "us");
        figures.add("steady.prefetch.p99", prefetch.latency().at(99) / 1e3, "us");
        figures.add("steady.prefetch.p99_9", prefetch.latency().at(99.9) / 1e3, "us");
        figures.add("steady.prefetch.max", prefetch.latency().max() / 1e3, "us");
        figures.count("steady.never_expire.refreshes", never.refreshes(), "refreshes");
        figures.add("steady.never_expire.p50", never.latency().at(50) / 1e3, "us");
        figures.add("steady.never_expire.p99", never.latency().at(99) / 1e3, "us");
        figures.add("steady.never_expire.p99_9", never.latency().at(99.9) / 1e3, "us");
        figures.add("steady.never_expire.max", never.latency().max() / 1e3, "us");
        figures.ratio("steady.p99_prefetch_vs_never_expire", PairedRatios.of(prefetch.p99PerLifetime(), never.p99PerLifetime()));
        figures.count("steady.no_prefetch.waited_callers", none.waited(), "calls");
        figures.count("steady.no_prefetch.refreshes", none.refreshes(), "refreshes");
    }

    /** Runs {@code ticks} ticks on three new sessions; the results in the order of the constants above. */
    private List<Result> load(int ticks) throws InterruptedException {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        List<Session> sessions = new ArrayList<>();
        try {
            sessions.add(Session.start(clock, settings.tokenLifetime(), PREFETCH));
            sessions.add(Session.start(clock, settings.tokenLifetime(), Duration.ZERO));
            sessions.add(Session.start(clock, NEVER, PREFETCH));
            List<TodoApi> clients = sessions.stream().map(Session::client).toList();

            CyclicBarrier start = new CyclicBarrier(settings.callers() + 1);
            CyclicBarrier end = new CyclicBarrier(settings.callers() + 1);
            List<Caller> callers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < settings.callers(); i++) {
                Caller caller = new Caller(clients, ticks * settings.callsPerTick());
                callers.add(caller);
                Thread thread = new Thread(() -> {
                    try {
                        for (int tick = 0; tick < ticks; tick++) {
                            start.await();
                            caller.callTimes(settings.callsPerTick());
                            end.await();
                        }
                    } catch (InterruptedException | BrokenBarrierException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                        start.reset();
                        end.reset();
                    }
                }, "steady-caller-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            try {
                for (int tick = 0; tick < ticks; tick++) {
                    clock.advance(settings.tick());
                    start.await();
                    end.await();
                    for (Session session : sessions) {
                        session.refreshes().releaseAll();
                    }
                    for (Caller caller : callers) {
                        caller.finishWaiting();
                    }
                }
            } catch (BrokenBarrierException e) {
                throw new IllegalStateException("a caller failed", failure.get() != null ? failure.get() : e);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            List<Result> results = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                int session = s;
                long waited = callers.stream().mapToLong(caller -> caller.waited(session)).sum();
                long[] all = callers.stream().flatMapToLong(caller -> Arrays.stream(caller.latencies(session)))
                        .toArray();
                results.add(new Result(waited, sessions.get(s).pool().cognito().requestCount(Action.INITIATE_AUTH),
                        Percentiles.of(all), p99PerLifetime(callers, session, ticks)));
            }
            return results;
        } finally {
            sessions.forEach(session -> session.pool().close());
        }
    }

    /**
     * The p99 of the calls of {@code session}, lifetime by lifetime (the last part of a lifetime joins
     * the one before it). Every call of a tick is recorded before the next tick starts, the waited ones
     * too, so each caller's calls of a tick are {@code callsPerTick} consecutive latencies.
     */
    private double[] p99PerLifetime(List<Caller> callers, int session, int ticks) {
        int ticksPerLifetime = (int) (settings.tokenLifetime().toNanos() / settings.tick().toNanos());
        int lifetimes = Math.max(1, ticks / ticksPerLifetime);
        double[] p99 = new double[lifetimes];
        for (int lifetime = 0; lifetime < lifetimes; lifetime++) {
            int from = lifetime * ticksPerLifetime * settings.callsPerTick();
            int to = lifetime == lifetimes - 1 ? ticks * settings.callsPerTick() : from + ticksPerLifetime * settings.callsPerTick();
            long[] calls = callers.stream()
                    .flatMapToLong(caller -> Arrays.stream(caller.latencies(session), from, to))
                    .toArray();
            p99[lifetime] = Percentiles.of(calls).at(99);
        }
        return p99;
    }

    /** One signed-in session under load: its LocalCognito, its held refreshes, its store's client. */
    private record Session(LocalCognitoPool pool, HeldRefreshes refreshes, TodoApi client) {

        static Session start(ManualClock clock, Duration lifetime, Duration prefetch) {
            LocalCognitoPool pool = LocalCognitoPool.start(clock, lifetime);
            HeldRefreshes refreshes = new HeldRefreshes(pool.provider());
            DefaultSessionStore store = new DefaultSessionStore("default", refreshes, clock::nanoTime, prefetch,
                    event -> { });
            store.signIn(pool.userSignIn());
            pool.cognito().resetRequestCounts();
            return new Session(pool, refreshes,
                    new TodoApi_CognitoClient(new SecuredCaller(store, new CannedTransport(CANNED))));
        }
    }

    /** One caller thread's calls of each session, latencies and waits. Confined to its thread, except between ticks. */
    private static final class Caller {
        private final List<TodoApi> clients;
        private final long[][] latencies;
        private final int[] counts;
        private final long[] waited;
        private final List<Waiting> waiting = new ArrayList<>();
        private int ticks;

        Caller(List<TodoApi> clients, int callsPerClient) {
            this.clients = clients;
            this.latencies = new long[clients.size()][callsPerClient];
            this.counts = new int[clients.size()];
            this.waited = new long[clients.size()];
        }

        /** Calls each session {@code calls} times, in turn; which one goes first rotates from tick to tick. */
        void callTimes(int calls) {
            int first = ticks++ % clients.size();
            for (int i = 0; i < calls; i++) {
                for (int k = 0; k < clients.size(); k++) {
                    int session = (first + k) % clients.size();
                    long start = System.nanoTime();
                    CompletableFuture<Todo> call = clients.get(session).getTodoAsync("1").toCompletableFuture();
                    if (call.isDone()) {
                        call.join();
                        latencies[session][counts[session]++] = System.nanoTime() - start;
                    } else {
                        waited[session]++;
                        waiting.add(new Waiting(session, call, start));
                    }
                }
            }
        }

        /** After the refreshes of the tick were released: the calls that waited for them end now. */
        void finishWaiting() {
            for (Waiting call : waiting) {
                call.stage().join();
                latencies[call.session()][counts[call.session()]++] = System.nanoTime() - call.start();
            }
            waiting.clear();
        }

        long waited(int session) {
            return waited[session];
        }

        long[] latencies(int session) {
            return Arrays.copyOf(latencies[session], counts[session]);
        }
    }

    private record Waiting(int session, CompletableFuture<Todo> stage, long start) {
    }

    /** One session's figures: waited calls, refreshes, every call's latency, and the p99 of each token lifetime. */
    private record Result(long waited, long refreshes, Percentiles latency, double[] p99PerLifetime) {
    }
}
