package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.Stats;
import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.GraphQLErrorsException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Scenario 5, a call is replayed after an HTTP 401 only: a field the user may not read (AppSync's
 * {@code Unauthorized} error in an HTTP 200) is a permission denial, surfaced at once and never
 * retried; a 401 is answered by a refresh and a replay, as many as the interface allows
 * ({@code retryOnUnauthorized = 1}), and a session revoked at Cognito ends there.
 *
 * <p>LocalGraphQL does not look tokens up at Cognito; an API that refuses the session's tokens (as
 * one refuses revoked ones) is modelled by making it trust another pool ({@link StandIns#apiRejectsThisPool}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReplayOnlyOn401Test {

    private static final int CALLERS = 20;

    @Test
    void aFieldTheUserMayNotReadIsSurfacedAtOnceAndNeverReplayed() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            standIns.user("root", TodoBackend.ADMINS);
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());

            for (int i = 0; i < 5; i++) {
                GraphQLErrorsException denied = assertThrows(GraphQLErrorsException.class, todos::stats);
                assertEquals(1, denied.errors().size());
                assertTrue(denied.errors().get(0).isPermissionDenied(), denied.errors()::toString);
            }

            assertEquals(5, standIns.graphQL().requestCount("Stats"), "one request per call: no replay");
            assertEquals(0, standIns.refreshes(), "a permission denial is no reason to refresh");
            assertEquals(0, standIns.graphQL().unauthorizedCount());

            todos.login("root", StandIns.PASSWORD.toCharArray());
            assertEquals(new Stats(3, 1), todos.stats());
            Measured.report("scenario 5 permission denial", "calls", 6, "requests", standIns.graphQL().requestCount("Stats"),
                    "refreshes", standIns.refreshes());
        }
    }

    @Test
    void aRevokedSessionEndsInSignInRequiredWithOneSessionEndedEvent() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("1");

            // Another device (or an administrator) revokes the session; the API refuses its tokens.
            String refreshToken = app.store().tokens(Duration.ZERO).refreshToken().orElseThrow();
            try (CognitoIdentityProviderClient sdk = standIns.sdkClient()) {
                sdk.revokeToken(r -> r.token(refreshToken).clientId(standIns.local().client().clientId()));
            }
            standIns.apiRejectsThisPool();
            standIns.graphQL().clearRequests();
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);

            Storm storm = Storm.run(Threads.platform("caller", CALLERS), CALLERS, HeldRefresh.at(gate),
                    () -> todos.todo("2"));

            ServerLog server = ServerLog.of(standIns.graphQL());
            List<SessionEnded> ended = app.events().of(SessionEnded.class);
            Measured.report("scenario 5 revoked session", "callers", CALLERS,
                    "sign_in_required", storm.tally().failedWith(SignInRequiredException.class),
                    "unauthorized_surfaced", storm.tally().failedWith(UnauthorizedException.class),
                    "server_401", server.unauthorized(), "refreshes", standIns.refreshes(), "session_ended", ended.size());

            assertEquals(CALLERS, storm.tally().failedWith(SignInRequiredException.class), storm.tally()::describeFailures);
            assertEquals(List.of(new SessionEnded("default", "alice", SessionEnded.Reason.REFRESH_TOKEN_REVOKED)), ended);
            assertEquals(1, standIns.refreshes(), "one refresh, refused, for all the callers");
            assertEquals(server.count(), server.unauthorized(), "no request was replayed with other tokens: " + server);
            assertEquals(1, server.distinctTokens());
            assertFalse(app.store().isSignedIn());

            assertThrows(SignInRequiredException.class, () -> todos.todo("3"));
            assertEquals(server.count(), standIns.graphQL().requestCount(), "no request without a session");
        }
    }

    @Test
    void anApiThatKeepsRefusingFreshTokensIsSurfacedAsUnauthorizedAfterOneReplay() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("1");
            standIns.apiRejectsThisPool();
            standIns.graphQL().clearRequests();

            UnauthorizedException rejected = assertThrows(UnauthorizedException.class, () -> todos.todo("2"));

            ServerLog server = ServerLog.of(standIns.graphQL());
            assertEquals(401, rejected.status());
            assertEquals(2, server.invalid(), "the call and its one replay: " + server);
            assertEquals(2, server.count());
            assertEquals(2, server.distinctTokens(), "the replay carried refreshed tokens");
            assertEquals(1, standIns.refreshes());
            assertEquals(0, app.events().count(SessionEnded.class));
            assertTrue(app.store().isSignedIn());
        }
    }
}
