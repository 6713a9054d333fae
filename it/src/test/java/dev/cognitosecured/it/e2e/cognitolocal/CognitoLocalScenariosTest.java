package dev.cognitosecured.it.e2e.cognitolocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cognitosecured.it.cognitolocal.CognitoLocalExtension;
import dev.cognitosecured.it.e2e.BoundedTransport;
import dev.cognitosecured.it.e2e.CallTally;
import dev.cognitosecured.it.e2e.Calls;
import dev.cognitosecured.it.e2e.ContinuousCalls;
import dev.cognitosecured.it.e2e.ContinuousCalls.Pace;
import dev.cognitosecured.it.e2e.LongestMargin;
import dev.cognitosecured.it.e2e.Measured;
import dev.cognitosecured.it.e2e.ServerLog;
import dev.cognitosecured.it.e2e.Storm;
import dev.cognitosecured.it.e2e.Threads;
import dev.cognitosecured.it.e2e.TodoApp;
import dev.cognitosecured.it.e2e.TodoBackend;
import dev.cognitosecured.it.e2e.TokenTiming;
import dev.cognitosecured.it.e2e.app.Stats;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.graphql.Latency;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 1, 3 and 5 against cognito-local, the independent Cognito emulator, with
 * {@code USER_PASSWORD_AUTH} and {@code REFRESH_TOKEN_AUTH} (what it supports of them). The API is
 * LocalGraphQL trusting cognito-local's issuer and JWKS; the session store's clock is the test's (see
 * {@link CognitoLocalScenario}), so no scenario waits for real time to pass.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CognitoLocalScenariosTest {

    @RegisterExtension
    static final CognitoLocalExtension COGNITO = new CognitoLocalExtension();

    private static final int LIFETIMES = 20;

    @Test
    void scenario1FiftyCallersAcrossTwentyLifetimesSeeNoUnauthorizedAndCauseOneRefreshPerLifetime() {
        try (CognitoLocalScenario scenario = new CognitoLocalScenario(COGNITO,
                        Latency.between(Duration.ZERO, Duration.ofMillis(200)));
                TodoApp app = scenario.boot()) {
            scenario.user("alice");
            TodoService todos = app.service();
            todos.login("alice", CognitoLocalScenario.PASSWORD.toCharArray());
            Duration span = CognitoLocalScenario.TIMING.lifetimes(LIFETIMES);

            // cognito-local's tokens live in real time, so none can expire in flight here: only the store's
            // clock moves, a twentieth of a lifetime per five calls.
            Pace pace = Pace.of(CognitoLocalScenario.TIMING, 20, 5);
            LongestMargin margin = new LongestMargin(app.margin());
            CallTally calls = ContinuousCalls.blocking(50, scenario.clientClock(), pace, span,
                    () -> margin.after(() -> Calls.readOrAdd(todos)));
            // attempts take the time the store's clock moved while they were in flight: a learned margin
            TokenTiming timing = CognitoLocalScenario.TIMING.withLearnedMargin(margin.longest());

            ServerLog server = ServerLog.of(scenario.graphQL());
            long refreshes = scenario.refreshes();
            Measured.report("cognito-local scenario 1", "callers", 50, "lifetimes", LIFETIMES, "calls", calls.calls(),
                    "unauthorized_surfaced", calls.failedWith(UnauthorizedException.class), "refreshes", refreshes,
                    "allowed", timing.allowed(span.minus(pace.step()), span),
                    "learned_margin_ms", margin.longest().toMillis(),
                    "server_401", server.unauthorized(), "tokens", server.distinctTokens());

            assertEquals(0, calls.failedCount(), calls::describeFailures);
            timing.assertAllows(refreshes, span.minus(pace.step()), span);
            assertEquals(refreshes, app.events().count(TokensRefreshed.class));
            assertEquals(1, scenario.passwordSignIns());
            assertEquals(0, server.unauthorized());
            assertEquals(calls.calls(), server.executed());
            assertEquals(refreshes + 1, server.distinctTokens());
        }
    }

    @Test
    void scenario3AThousandPlatformThreadsCauseOneRefresh() {
        storm(Threads.platform("storm", 1_000), 1_000);
    }

    @Test
    void scenario3TenThousandVirtualThreadsCauseOneRefresh() {
        Optional<ExecutorService> virtualThreads = Threads.virtual();
        assumeTrue(virtualThreads.isPresent(), "virtual threads need Java 21 or later; this is " + Runtime.version());

        assertEquals(10_000, storm(virtualThreads.get(), 10_000).onVirtualThreads());
    }

    private static Storm storm(ExecutorService threads, int callers) {
        try (CognitoLocalScenario scenario = new CognitoLocalScenario(COGNITO, Latency.none());
                BoundedTransport transport = new BoundedTransport(scenario.graphQL().endpoint(),
                        BoundedTransport.STORM_CONNECTIONS);
                TodoApp app = scenario.app().transport(transport).boot()) {
            scenario.user("alice");
            TodoService todos = app.service();
            todos.login("alice", CognitoLocalScenario.PASSWORD.toCharArray());
            todos.todo("warm-up");
            String signedInToken = ServerLog.of(scenario.graphQL()).tokens().get(0);
            scenario.graphQL().clearRequests();

            scenario.clientClock().advance(CognitoLocalScenario.TIMING.lifetime());
            Storm storm = Storm.run(threads, callers, scenario.holdNextRefresh(), () -> todos.todo("1"));

            ServerLog server = ServerLog.of(scenario.graphQL());
            Measured.report("cognito-local scenario 3", "callers", callers, "virtual_threads", storm.onVirtualThreads(),
                    "succeeded", storm.tally().succeededCount(), "refreshes", scenario.refreshes(),
                    "tokens", server.distinctTokens());
            assertEquals(callers, storm.tally().succeededCount(), storm.tally()::describeFailures);
            assertEquals(1, scenario.refreshes());
            assertEquals(callers, server.executed());
            List<String> tokens = server.tokens();
            assertEquals(1, tokens.size());
            assertNotEquals(signedInToken, tokens.get(0));
            return storm;
        }
    }

    @Test
    void scenario5AFieldTheUserMayNotReadIsSurfacedAtOnceAndNeverReplayed() {
        try (CognitoLocalScenario scenario = new CognitoLocalScenario(COGNITO, Latency.none());
                TodoApp app = scenario.boot()) {
            scenario.user("alice");
            scenario.user("root", TodoBackend.ADMINS);
            TodoService todos = app.service();
            todos.login("alice", CognitoLocalScenario.PASSWORD.toCharArray());

            for (int i = 0; i < 5; i++) {
                GraphQLErrorsException denied = assertThrows(GraphQLErrorsException.class, todos::stats);
                assertTrue(denied.errors().get(0).isPermissionDenied(), denied.errors()::toString);
            }
            assertEquals(5, scenario.graphQL().requestCount("Stats"));
            assertEquals(0, scenario.refreshes());

            todos.login("root", CognitoLocalScenario.PASSWORD.toCharArray());
            assertEquals(new Stats(3, 1), todos.stats());
        }
    }

    @Test
    void scenario5ARevokedSessionEndsInSignInRequiredWithOneSessionEndedEvent() {
        try (CognitoLocalScenario scenario = new CognitoLocalScenario(COGNITO, Latency.none());
                TodoApp app = scenario.boot()) {
            scenario.user("alice");
            TodoService todos = app.service();
            todos.login("alice", CognitoLocalScenario.PASSWORD.toCharArray());
            todos.todo("1");
            String refreshToken = app.store().tokens(Duration.ZERO).refreshToken().orElseThrow();
            COGNITO.admin().revokeToken(r -> r.token(refreshToken).clientId(scenario.pool().clientId()));
            scenario.apiRejectsThisPool();
            scenario.graphQL().clearRequests();

            Storm storm = Storm.run(Threads.platform("caller", 20), 20, scenario.holdNextRefresh(), () -> todos.todo("2"));

            ServerLog server = ServerLog.of(scenario.graphQL());
            Measured.report("cognito-local scenario 5 revoked session", "callers", 20,
                    "sign_in_required", storm.tally().failedWith(SignInRequiredException.class),
                    "server_401", server.unauthorized(), "refreshes", scenario.refreshes(),
                    "session_ended", app.events().count(SessionEnded.class));
            assertEquals(20, storm.tally().failedWith(SignInRequiredException.class), storm.tally()::describeFailures);
            assertEquals(List.of(new SessionEnded("default", "alice", SessionEnded.Reason.REFRESH_REJECTED)),
                    app.events().of(SessionEnded.class));
            assertEquals(1, scenario.refreshes());
            assertEquals(server.count(), server.unauthorized());
            assertFalse(app.store().isSignedIn());
        }
    }

    @Test
    void scenario5AnApiThatKeepsRefusingFreshTokensIsSurfacedAsUnauthorizedAfterOneReplay() {
        try (CognitoLocalScenario scenario = new CognitoLocalScenario(COGNITO, Latency.none());
                TodoApp app = scenario.boot()) {
            scenario.user("alice");
            TodoService todos = app.service();
            todos.login("alice", CognitoLocalScenario.PASSWORD.toCharArray());
            todos.todo("1");
            scenario.apiRejectsThisPool();
            scenario.graphQL().clearRequests();

            assertThrows(UnauthorizedException.class, () -> todos.todo("2"));

            ServerLog server = ServerLog.of(scenario.graphQL());
            assertEquals(2, server.invalid(), server::toString);
            assertEquals(2, server.distinctTokens());
            assertEquals(1, scenario.refreshes());
            assertEquals(0, app.events().count(SessionEnded.class));
        }
    }
}
