package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.PartnerTodoApi;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Isolation under load across pools (issue 12 §4): two user pools, each with its own LocalCognito and its
 * own GraphQL endpoint (a LocalGraphQL that trusts only that pool's issuer), {@code session-scope=session},
 * and 100 users with the same names in both pools, each signed in to both in one HTTP session of their own.
 * 10,000 calls interleaved across users and pools, on virtual threads where the Java runtime has them
 * (platform threads before Java 21), while tokens expire and every session refreshes its own. At each server,
 * every request is checked: accepted (a token of another pool would be refused, HTTP 401), issued by that
 * server's pool, and naming the user who made the call.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoPoolIsolationTest {

    private static final String PARTNERS = "partners";
    private static final int USERS = 100;
    private static final int CALLS = 10_000;
    private static final int PHASES = 10;
    private static final int PLATFORM_THREADS = 8;
    /** Between phases, with no call in flight; a little over a third of a lifetime. */
    private static final Duration BETWEEN_PHASES = Duration.ofSeconds(7);

    /** One call: who makes it, to which pool's API. */
    private record Call(String user, boolean partners) {
    }

    @Test
    void noRequestEverCarriesAnotherUsersOrAnotherPoolsToken() {
        ManualClock clock = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (StandIns main = StandIns.builder().clock(clock).start();
                StandIns partners = StandIns.builder().clock(clock).start();
                TodoApp app = TodoApp.boot(config(main, partners), ClientTicker.following(clock))) {
            TodoService todos = app.service();
            PartnerTodoApi partnerTodos = app.client(PartnerTodoApi.class);
            BoundSessionContext sessions = app.sessions();
            List<String> users = IntStream.range(0, USERS).mapToObj(i -> String.format("user-%03d", i)).toList();
            Map<String, Map<String, Object>> sessionOf = new ConcurrentHashMap<>();
            for (String user : users) {
                main.user(user);
                partners.user(user);
                sessionOf.put(user, new ConcurrentHashMap<>());
                inSession(sessions, sessionOf.get(user), () -> {
                    todos.login(user, StandIns.PASSWORD.toCharArray());
                    assertTrue(app.signIn(PARTNERS).start(user, StandIns.PASSWORD.toCharArray()).isDone());
                });
            }
            Instant start = clock.instant();

            List<Call> order = interleaved(users);
            AtomicLong wrongAnswers = new AtomicLong();
            AtomicLong virtualCalls = new AtomicLong();
            CallTally calls = new CallTally();
            ExecutorService requestThreads = Threads.virtual().orElseGet(() -> Threads.platform("request", PLATFORM_THREADS));
            long began = System.nanoTime();
            try {
                for (int phase = 0; phase < PHASES; phase++) {
                    List<Callable<Void>> requests = new ArrayList<>();
                    for (Call call : order.subList(phase * CALLS / PHASES, (phase + 1) * CALLS / PHASES)) {
                        requests.add(() -> {
                            if (Threads.isVirtual(Thread.currentThread())) {
                                virtualCalls.incrementAndGet();
                            }
                            calls.run(() -> inSession(sessions, sessionOf.get(call.user()), () -> {
                                String answered = call.partners() ? partnerTodos.whoAmI(call.user()).username()
                                        : todos.whoAmI(call.user());
                                if (!answered.equals(call.user())) {
                                    wrongAnswers.incrementAndGet();
                                }
                            }));
                            return null;
                        });
                    }
                    for (Future<Void> request : requestThreads.invokeAll(requests)) {
                        Threads.await(request, "a request");
                    }
                    clock.advance(BETWEEN_PHASES);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                Threads.stop(requestThreads);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            Duration elapsed = Duration.between(start, clock.instant());
            ServerLog mainLog = ServerLog.of(main.graphQL());
            ServerLog partnersLog = ServerLog.of(partners.graphQL());
            long partnerCalls = order.stream().filter(Call::partners).count();
            Measured.report("issue 12 §4 two pools", "users", USERS, "pools", 2, "calls", calls.calls(),
                    "partner_calls", partnerCalls, "virtual_thread_calls", virtualCalls.get(),
                    "java", Runtime.version().feature(), "took_ms", took.toMillis(),
                    "checked_default", main.backend().identityChecks(), "checked_partners", partners.backend().identityChecks(),
                    "crossed", main.backend().crossed() + partners.backend().crossed(),
                    "server_401", mainLog.unauthorized() + partnersLog.unauthorized(),
                    "refreshes", main.refreshes() + partners.refreshes());

            assertEquals(0, calls.failedCount(), calls::describeFailures);
            assertEquals(CALLS, calls.calls());
            assertEquals(Runtime.version().feature() >= 21 ? CALLS : 0, virtualCalls.get(),
                    "the calls ran on virtual threads where the runtime has them");
            assertEquals(0, wrongAnswers.get());
            assertEquals(CALLS - partnerCalls, main.backend().identityChecks());
            assertEquals(partnerCalls, partners.backend().identityChecks());
            assertEquals(0, main.backend().crossed(), "requests to the default pool's API with another user's token");
            assertEquals(0, partners.backend().crossed(), "requests to the partners' API with another user's token");
            assertOnlyTokensOf(mainLog, main.cognito().issuer(main.local().pool()).toString(), CALLS - partnerCalls);
            assertOnlyTokensOf(partnersLog, partners.cognito().issuer(partners.local().pool()).toString(), partnerCalls);
            assertEquals(2L * USERS, main.passwordSignIns() + partners.passwordSignIns());
            assertEquals(main.refreshes() + partners.refreshes(), app.events().count(TokensRefreshed.class));
            assertTrue(main.refreshes() >= USERS && partners.refreshes() >= USERS,
                    "in " + elapsed + " every session of both pools refreshed");
            assertEquals(users, mainLog.distinctTokensByUser().keySet().stream().sorted().toList());
            assertEquals(users, partnersLog.distinctTokensByUser().keySet().stream().sorted().toList());
        }
    }

    /** Every request {@code log} recorded was accepted, and its token was issued by {@code issuer}. */
    private static void assertOnlyTokensOf(ServerLog log, String issuer, long calls) {
        assertEquals(calls, log.count(), "requests at the API of " + issuer);
        assertEquals(0, log.unauthorized(), "requests refused at the API of " + issuer + " (a token of another pool)");
        for (ReceivedRequest request : log.requests()) {
            VerifiedCaller caller = request.caller().orElseThrow(() -> new AssertionError("no verified caller: " + request));
            assertEquals(issuer, caller.claim("iss").map(Object::toString).orElse("none"),
                    "the issuer of the token request " + request.sequence() + " carried");
        }
    }

    /** The application's configuration: the default pool at {@code main}, the pool "partners" at {@code partners}. */
    private static Map<String, String> config(StandIns main, StandIns partners) {
        Map<String, String> config = new LinkedHashMap<>(main.config("session-scope", "session"));
        config.putAll(partners.properties().asMapForPool(PARTNERS));
        String prefix = "cognito-secured.pools." + PARTNERS + ".";
        config.put(prefix + "auth-flow", "USER_PASSWORD_AUTH");
        config.put(prefix + "prefetch", TokenTiming.PREFETCH.toSeconds() + "s");
        config.put(prefix + "session-scope", "session");
        return config;
    }

    /** {@link #CALLS} calls, as many per user and pool, in a shuffled order (the same one each run). */
    private static List<Call> interleaved(List<String> users) {
        List<Call> order = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            order.add(new Call(users.get(i % users.size()), (i / users.size()) % 2 == 1));
        }
        Collections.shuffle(order, new Random(12));
        return order;
    }
}
