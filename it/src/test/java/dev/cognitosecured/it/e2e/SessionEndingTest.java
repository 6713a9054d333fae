package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.LocalUser;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * Issue 11 §3: sessions that Cognito ends, end to end through the AWS SDK against LocalCognito. For each
 * ending, 20 callers meet the expired tokens at once and wait for the one refresh, which Cognito refuses:
 * every caller gets {@link SignInRequiredException} with the ending's reason, exactly one {@link SessionEnded}
 * is fired with it, the store is cleared, one refresh request reached Cognito (no retry loop), and a later
 * call fails at once without a request to Cognito or to the API.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionEndingTest {

    private static final int CALLERS = 20;

    /** How a session ends at Cognito, and what the application then sees. */
    enum Ending {
        /** The refresh token outlived the app client's refresh token validity. */
        REFRESH_TOKEN_EXPIRED(SessionEnded.Reason.REFRESH_TOKEN_EXPIRED) {
            @Override
            ClientSettings client(ClientSettings settings) {
                return settings.withRefreshTokenValidity(TokenTiming.standard().lifetime());
            }

            @Override
            void happen(StandIns standIns, LocalUser user, TodoApp app) {
                // the access token and the refresh token expire together
            }
        },
        /** An administrator disabled the user (AdminDisableUser). */
        USER_DISABLED(SessionEnded.Reason.USER_DISABLED) {
            @Override
            void happen(StandIns standIns, LocalUser user, TodoApp app) {
                standIns.cognito().disableUser(user);
            }
        },
        /** An administrator deleted the user (AdminDeleteUser). */
        USER_DELETED(SessionEnded.Reason.USER_DELETED) {
            @Override
            void happen(StandIns standIns, LocalUser user, TodoApp app) {
                standIns.cognito().deleteUser(user);
            }
        },
        /** The user signed in on another device and signed out everywhere from there (GlobalSignOut). */
        GLOBAL_SIGN_OUT(SessionEnded.Reason.REFRESH_TOKEN_REVOKED) {
            @Override
            void happen(StandIns standIns, LocalUser user, TodoApp app) {
                try (CognitoIdentityProviderClient otherDevice = standIns.sdkClient()) {
                    String accessToken = otherDevice.initiateAuth(r -> r
                                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                    .clientId(standIns.local().client().clientId())
                                    .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", StandIns.PASSWORD)))
                            .authenticationResult().accessToken();
                    otherDevice.globalSignOut(r -> r.accessToken(accessToken));
                }
            }
        },
        /**
         * With rotation and no grace period, the refresh token the application holds was used (and so replaced)
         * elsewhere, as a stolen copy would be: the application's own refresh is then a reuse.
         */
        REFRESH_TOKEN_REUSED(SessionEnded.Reason.REFRESH_TOKEN_REUSED) {
            @Override
            ClientSettings client(ClientSettings settings) {
                return settings.withRefreshTokenRotation(Duration.ZERO);
            }

            @Override
            String[] config() {
                return new String[] {"refresh", "GET_TOKENS_FROM_REFRESH_TOKEN"};
            }

            @Override
            Action refreshAction() {
                return Action.GET_TOKENS_FROM_REFRESH_TOKEN;
            }

            @Override
            void happen(StandIns standIns, LocalUser user, TodoApp app) {
                String refreshToken = app.store().tokens(Duration.ZERO).refreshToken().orElseThrow();
                try (CognitoIdentityProviderClient elsewhere = standIns.sdkClient()) {
                    elsewhere.getTokensFromRefreshToken(r -> r
                            .refreshToken(refreshToken)
                            .clientId(standIns.local().client().clientId()));
                }
            }
        };

        final SessionEnded.Reason reason;

        Ending(SessionEnded.Reason reason) {
            this.reason = reason;
        }

        ClientSettings client(ClientSettings settings) {
            return settings;
        }

        String[] config() {
            return new String[0];
        }

        Action refreshAction() {
            return Action.INITIATE_AUTH;
        }

        /** Ends the session at Cognito, with the application signed in and its tokens still valid. */
        abstract void happen(StandIns standIns, LocalUser user, TodoApp app);
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void everyWaitingCallerGetsSignInRequiredWithTheReasonAfterOneRefresh(Ending ending) {
        try (StandIns standIns = StandIns.builder().client(ending.client(ClientSettings.defaults())).start();
                TodoApp app = TodoApp.boot(standIns.config(ending.config()), ClientTicker.following(standIns.clock()))) {
            LocalUser alice = standIns.user("alice");
            TodoService todos = app.service();
            todos.login("alice", StandIns.PASSWORD.toCharArray());
            todos.todo("1");
            Tokens held = app.store().tokens(Duration.ZERO);

            ending.happen(standIns, alice, app);
            standIns.cognito().resetRequestCounts();
            standIns.graphQL().clearRequests();
            standIns.clock().advance(standIns.timing().lifetime());
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(ending.refreshAction(), Fault.holdAt(gate), 1);

            ConcurrentLinkedQueue<Optional<SessionEnded.Reason>> reasons = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
            Storm storm = Storm.run(Threads.platform("caller", CALLERS), CALLERS, HeldRefresh.at(gate), () -> {
                try {
                    todos.todo("2");
                } catch (SignInRequiredException e) {
                    reasons.add(e.reason());
                    messages.add(e.getMessage());
                    throw e;
                }
            });

            List<SessionEnded> ended = app.events().of(SessionEnded.class);
            Measured.report("session ended: " + ending, "callers", CALLERS,
                    "sign_in_required", storm.tally().failedWith(SignInRequiredException.class),
                    "refreshes", standIns.refreshes(), "cognito_requests", standIns.cognito().requestCount(
                            ending.refreshAction()), "graphql_requests", standIns.graphQL().requestCount(),
                    "session_ended", ended.size());

            assertEquals(CALLERS, storm.tally().failedWith(SignInRequiredException.class), storm.tally()::describeFailures);
            assertEquals(List.of(new SessionEnded("default", "alice", ending.reason)), ended);
            assertEquals(nCopies(CALLERS, Optional.of(ending.reason)), new ArrayList<>(reasons));
            assertEquals(1, standIns.refreshes(), "one refresh, refused, for all the callers");
            assertEquals(1, standIns.cognito().requestCount(ending.refreshAction()), "no retry");
            assertEquals(0, standIns.graphQL().requestCount(), "no call went out without tokens");
            assertEquals(0, app.events().count(RefreshFailed.class));
            assertEquals(0, app.events().count(TokensRefreshed.class));
            assertFalse(app.store().isSignedIn(), "the store is cleared");
            assertNoSecretIn(messages, held);

            SignInRequiredException later = assertThrows(SignInRequiredException.class, () -> todos.todo("3"));
            assertEquals(Optional.of(ending.reason), later.reason());
            assertTrue(later.getMessage().contains(ending.reason.name()), later.getMessage());
            assertNoSecretIn(List.of(later.getMessage()), held);
            assertEquals(1, standIns.refreshes(), "the later call fails without asking Cognito");
            assertEquals(0, standIns.graphQL().requestCount());
            assertEquals(1, app.events().count(SessionEnded.class), "the session ended once");
        }
    }

    private static List<Optional<SessionEnded.Reason>> nCopies(int n, Optional<SessionEnded.Reason> reason) {
        return java.util.Collections.nCopies(n, reason);
    }

    private static void assertNoSecretIn(Iterable<String> messages, Tokens tokens) {
        for (String message : messages) {
            assertFalse(message.contains(tokens.accessToken()), message);
            assertFalse(message.contains(tokens.idToken()), message);
            tokens.refreshToken().ifPresent(refresh -> assertFalse(message.contains(refresh), message));
        }
    }
}
