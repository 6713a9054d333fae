package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.inSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * Scenario 7, many users at once: with {@code session-scope=session}, 100 users each signed in in an
 * HTTP session of their own (a Weld session context bound to that session's map, as a servlet
 * container binds it per request), and 10,000 calls interleaved across them on a few request threads,
 * while tokens expire and every session refreshes its own. Each call tells the API which user makes
 * it; the API checks that the token names that user: no token ever crosses from one user to another.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ManyUsersTest {

    private static final int USERS = 100;
    private static final int CALLS = 10_000;
    private static final int PHASES = 10;
    private static final int REQUEST_THREADS = 8;
    /** Between phases, with no call in flight; a little over a third of a lifetime. */
    private static final Duration BETWEEN_PHASES = Duration.ofSeconds(7);

    @Test
    void everyRequestCarriesTheTokenOfTheUserWhoMadeIt() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("session-scope", "session"),
                        ClientTicker.following(standIns.clock()))) {
            TodoService todos = app.service();
            BoundSessionContext sessions = app.sessions();
            List<String> users = IntStream.range(0, USERS).mapToObj(i -> String.format("user-%03d", i)).toList();
            Map<String, Map<String, Object>> sessionOf = new ConcurrentHashMap<>();
            for (String user : users) {
                standIns.user(user);
                sessionOf.put(user, new ConcurrentHashMap<>());
                inSession(sessions, sessionOf.get(user), () -> todos.login(user, StandIns.PASSWORD.toCharArray()));
            }
            Instant start = standIns.clock().instant();

            List<String> order = interleaved(users);
            AtomicLong wrongAnswers = new AtomicLong();
            CallTally calls = new CallTally();
            ExecutorService requestThreads = Threads.platform("request", REQUEST_THREADS);
            try {
                for (int phase = 0; phase < PHASES; phase++) {
                    List<Callable<Void>> requests = new ArrayList<>();
                    for (String user : order.subList(phase * CALLS / PHASES, (phase + 1) * CALLS / PHASES)) {
                        requests.add(() -> {
                            calls.run(() -> inSession(sessions, sessionOf.get(user), () -> {
                                if (!todos.whoAmI(user).equals(user)) {
                                    wrongAnswers.incrementAndGet();
                                }
                            }));
                            return null;
                        });
                    }
                    for (Future<Void> request : requestThreads.invokeAll(requests)) {
                        Threads.await(request, "a request");
                    }
                    standIns.clock().advance(BETWEEN_PHASES);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                Threads.stop(requestThreads);
            }

            Duration elapsed = Duration.between(start, standIns.clock().instant());
            ServerLog server = ServerLog.of(standIns.graphQL());
            Map<String, Long> refreshes = app.events().refreshesByUser();
            Map<String, Long> tokens = server.distinctTokensByUser();
            TokenTiming timing = standIns.timing();
            Measured.report("scenario 7 many users", "users", USERS, "calls", calls.calls(),
                    "checked_by_api", standIns.backend().identityChecks(), "crossed", standIns.backend().crossed(),
                    "wrong_answers", wrongAnswers.get(), "server_401", server.unauthorized(),
                    "sign_ins", standIns.passwordSignIns(), "refreshes", standIns.refreshes(),
                    "refreshes_per_user", refreshes.values().stream().distinct().sorted().toList(),
                    "tokens_per_user", tokens.values().stream().distinct().sorted().toList());

            assertEquals(0, calls.failedCount(), calls::describeFailures);
            assertEquals(CALLS, standIns.backend().identityChecks());
            assertEquals(0, standIns.backend().crossed(), "requests that carried another user's token");
            assertEquals(0, wrongAnswers.get());
            assertEquals(0, server.unauthorized());
            assertEquals(USERS, standIns.passwordSignIns());
            assertEquals(standIns.refreshes(), app.events().count(TokensRefreshed.class));
            assertEquals(users, refreshes.keySet().stream().sorted().toList(), "every session refreshed its own tokens");
            for (String user : users) {
                long userRefreshes = refreshes.get(user);
                timing.assertAllows(userRefreshes, elapsed.minus(BETWEEN_PHASES), elapsed);
                assertEquals(userRefreshes + 1, tokens.get(user), user + "'s requests carried " + tokens.get(user) + " tokens");
            }
        }
    }

    /** {@link #CALLS} calls, as many per user, in a shuffled order (the same one each run). */
    private static List<String> interleaved(List<String> users) {
        List<String> order = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            order.add(users.get(i % users.size()));
        }
        Collections.shuffle(order, new Random(7));
        return order;
    }
}
