package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.TodoService;
import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.SignInStep.Kind;
import dev.cognitosecured.runtime.UnauthorizedException;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.RequestGate;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 6, a chained sign-in and then calls: a user who must choose a new password and then type an
 * e-mail code, and one who must choose a new password and then set up an authenticator app, sign in through
 * the application's {@code @AuthFlow SignIn} (SRP, the default flow) and then call the API with their own
 * tokens, across an expiry. Each answer reaches Cognito once, with the session of the step before it, so
 * none meets a spent session ("session can only be used once"); a second answer while one is on its way is
 * refused before it leaves the process; an answer to a challenge older than its validity is refused as
 * {@link ChallengeExpiredException} without a request, and starting again works.
 *
 * <p>SRP signs a timestamp read from the system's wall clock, and LocalCognito accepts it within 5 minutes
 * of its own clock: the stand-ins' clock starts at the current second, and no test moves it by 5 minutes
 * before a sign-in.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChainedSignInThenCallsTest {

    private static final String TEMPORARY_PASSWORD = "Temp-0rary-pass";
    private static final String NEW_PASSWORD = "N3w-password-chosen!";
    private static final int CALLERS = 10;

    private static final PoolSettings EMAIL_CODES = PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP);
    private static final PoolSettings AUTHENTICATOR_APPS =
            PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA);

    @Test
    void aNewPasswordThenAnEmailCodeThenCallsAcrossATokenExpiry() {
        try (StandIns standIns = StandIns.builder().pool(EMAIL_CODES).start();
                TodoApp app = TodoApp.boot(srp(standIns), ClientTicker.following(standIns.clock()))) {
            standIns.user(NewUser.withTemporaryPassword("bob", TEMPORARY_PASSWORD).attribute("email", "bob@example.com"));
            TodoService todos = app.service();
            AnsweringUser bob = AnsweringUser.of(standIns, "bob", NEW_PASSWORD);

            assertTrue(todos.login("bob", TEMPORARY_PASSWORD.toCharArray(), bob).isDone());

            assertEquals(List.of(new SignInStep.NewPasswordRequired(List.of()), new SignInStep.EmailCode("b***@e***")),
                    bob.shown(), "the e-mail address is shown masked");
            CognitoTraffic signIn = CognitoTraffic.of(standIns.cognito());
            assertSignedInWithSrp(standIns, signIn);
            assertEquals(Map.of("PASSWORD_VERIFIER", 1L, "NEW_PASSWORD_REQUIRED", 1L, "EMAIL_OTP", 1L), signIn.answers(),
                    "each answer reached Cognito once: " + signIn);
            assertEachAnswerWasTakenOnce(signIn);
            assertEquals(1, app.events().count(SignedIn.class));

            assertEquals("bob", todos.whoAmI("bob"));
            assertEquals("bob", todos.todo("1").owner());
            assertEquals("bob", todos.add("buy milk").owner());

            // The tokens expire; every caller then needs the same refresh, which LocalCognito holds until
            // all of them have started.
            standIns.clock().advance(standIns.timing().lifetime());
            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.INITIATE_AUTH, Fault.holdAt(gate), 1);
            Storm storm = Storm.run(Threads.platform("caller", CALLERS), CALLERS, HeldRefresh.at(gate),
                    () -> assertEquals("bob", todos.todo("2").owner()));

            ServerLog server = ServerLog.of(standIns.graphQL());
            CognitoTraffic after = CognitoTraffic.of(standIns.cognito());
            Measured.report("scenario 6 new password then e-mail code", "challenges", bob.shown().size(),
                    "answers_needed", 3, "answers_sent", after.requests(Action.RESPOND_TO_AUTH_CHALLENGE),
                    "callers", CALLERS, "calls", 3 + storm.tally().calls(),
                    "unauthorized_surfaced", storm.tally().failedWith(UnauthorizedException.class),
                    "server_401", server.unauthorized(), "refreshes", standIns.refreshes(), "users", users(server));

            assertEquals(0, storm.tally().failedCount(), storm.tally()::describeFailures);
            assertEquals(1, standIns.refreshes(), "one refresh for every caller at the expiry");
            assertEquals(1, app.events().count(TokensRefreshed.class));
            assertEquals(0, server.unauthorized(), "no call went out with an expired token: " + server);
            assertEquals(3 + CALLERS, server.executed());
            assertEquals(server.count(), server.executed());
            assertEquals(Set.of("bob"), users(server), "every request carried bob's tokens");
            assertEquals(2, server.distinctTokens(), "the signed-in tokens, then the refreshed ones");
            assertEquals(signIn.answers(), after.answers(), "the refresh answered no challenge");
        }
    }

    @Test
    void aNewPasswordThenAnAuthenticatorAppSetUpThenCalls() {
        try (StandIns standIns = StandIns.builder().pool(AUTHENTICATOR_APPS).start();
                TodoApp app = TodoApp.boot(srp(standIns), ClientTicker.following(standIns.clock()))) {
            standIns.user(NewUser.withTemporaryPassword("carol", TEMPORARY_PASSWORD));
            TodoService todos = app.service();
            AnsweringUser carol = AnsweringUser.of(standIns, "carol", NEW_PASSWORD);

            assertTrue(todos.login("carol", TEMPORARY_PASSWORD.toCharArray(), carol).isDone());

            assertEquals(List.of(Kind.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED, Kind.CONTINUE_SIGN_IN_WITH_TOTP_SETUP),
                    carol.kinds());
            SignInStep.TotpSetup setUp = assertInstanceOf(SignInStep.TotpSetup.class, carol.shown().get(1));
            assertFalse(setUp.sharedSecret().isBlank());
            assertTrue(setUp.setupUri().startsWith("otpauth://totp/" + standIns.local().pool().id() + ":carol?secret="
                    + setUp.sharedSecret()), "an authenticator app's enrolment URI for carol");
            assertFalse(setUp.toString().contains(setUp.sharedSecret()));
            CognitoTraffic signIn = CognitoTraffic.of(standIns.cognito());
            assertSignedInWithSrp(standIns, signIn);
            assertEquals(Map.of("PASSWORD_VERIFIER", 1L, "NEW_PASSWORD_REQUIRED", 1L, "MFA_SETUP", 1L), signIn.answers(),
                    "each answer reached Cognito once: " + signIn);
            assertEquals(1, signIn.requests(Action.ASSOCIATE_SOFTWARE_TOKEN));
            assertEquals(1, signIn.requests(Action.VERIFY_SOFTWARE_TOKEN));
            assertEachAnswerWasTakenOnce(signIn);

            assertEquals("carol", todos.whoAmI("carol"));
            assertEquals("carol", todos.add("renew passport").owner());

            // The app is enrolled: the next sign-in asks for its code (of the next time step; a code is taken once).
            todos.logout();
            standIns.clock().advance(Duration.ofSeconds(Totp.STEP_SECONDS));
            carol.forgetSteps();
            assertTrue(todos.login("carol", NEW_PASSWORD.toCharArray(), carol).isDone());
            assertEquals(List.of(Kind.CONFIRM_SIGN_IN_WITH_TOTP_CODE), carol.kinds());
            assertEquals("carol", todos.todo("1").owner());

            ServerLog server = ServerLog.of(standIns.graphQL());
            CognitoTraffic after = CognitoTraffic.of(standIns.cognito());
            Measured.report("scenario 6 new password then TOTP set-up", "challenges", 2,
                    "answers_sent", signIn.answerCount(), "software_token_calls",
                    signIn.requests(Action.ASSOCIATE_SOFTWARE_TOKEN) + signIn.requests(Action.VERIFY_SOFTWARE_TOKEN),
                    "then_totp_answers", after.answers().getOrDefault("SOFTWARE_TOKEN_MFA", 0L),
                    "calls", server.count(), "server_401", server.unauthorized(), "users", users(server));

            assertEquals(1L, after.answers().get("SOFTWARE_TOKEN_MFA"));
            assertEquals(3, server.executed());
            assertEquals(server.count(), server.executed());
            assertEquals(Set.of("carol"), users(server));
            assertEquals(2, server.distinctTokens(), "the tokens of each sign-in");
            assertEquals(0, standIns.refreshes());
            assertEquals(2, app.events().count(SignedIn.class));
        }
    }

    @Test
    void aSecondConfirmWhileTheFirstIsOnItsWayIsRefusedLocally() throws Exception {
        try (StandIns standIns = StandIns.builder().pool(EMAIL_CODES).start();
                TodoApp app = TodoApp.boot(srp(standIns), ClientTicker.following(standIns.clock()))) {
            standIns.user(NewUser.withPassword("erin", StandIns.PASSWORD).attribute("email", "erin@example.com")
                    .withMfa(MfaFactor.EMAIL_OTP));
            TodoService todos = app.service();
            SignIn signIn = todos.signIn();
            assertEquals(new SignInStep.EmailCode("e***@e***"), signIn.start("erin", StandIns.PASSWORD.toCharArray()));
            String code = AnsweringUser.of(standIns, "erin", NEW_PASSWORD).deliveredCode();
            CognitoTraffic started = CognitoTraffic.of(standIns.cognito());

            RequestGate gate = new RequestGate();
            standIns.cognito().injectFault(Action.RESPOND_TO_AUTH_CHALLENGE, Fault.holdAt(gate), 1);
            ExecutorService threads = Threads.platform("confirm", 2);
            ChallengeInProgressException refused;
            try {
                Future<SignInStep> first = threads.submit(() -> signIn.confirm(code));
                Threads.await(gate.arrivals(1), "the first answer to reach LocalCognito");
                Future<SignInStep> second = threads.submit(() -> signIn.confirm(code));
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> second.get(Threads.STALL_SECONDS, TimeUnit.SECONDS));
                refused = assertInstanceOf(ChallengeInProgressException.class, failed.getCause());
                assertEquals(1, CognitoTraffic.of(standIns.cognito()).since(started).totalRequests(),
                        "only the first answer is at Cognito");

                gate.open();
                assertTrue(Threads.await(first, "the first answer").isDone());
            } finally {
                gate.open();
                Threads.stop(threads);
            }
            assertFalse(refused.getMessage().contains(code), "the message does not quote the code");
            assertTrue(signIn.isSignedIn());

            assertEquals("erin", todos.whoAmI("erin"));
            assertEquals("erin", todos.todo("1").owner());

            CognitoTraffic answered = CognitoTraffic.of(standIns.cognito()).since(started);
            ServerLog server = ServerLog.of(standIns.graphQL());
            Measured.report("scenario 6 double confirm", "confirms", 2, "answers_sent", answered.answerCount(),
                    "refused_locally", 1, "calls", server.executed(), "server_401", server.unauthorized(),
                    "users", users(server));

            assertEquals(Map.of("EMAIL_OTP", 1L), answered.answers(), "exactly one answer reached Cognito");
            assertEquals(1, answered.totalRequests(), answered::toString);
            assertEachAnswerWasTakenOnce(CognitoTraffic.of(standIns.cognito()));
            assertEquals(2, server.executed());
            assertEquals(server.count(), server.executed());
            assertEquals(Set.of("erin"), users(server));
            assertEquals(1, app.events().count(SignedIn.class));
        }
    }

    @Test
    void anAnswerToAnExpiredChallengeIsRefusedWithoutARequestAndStartingAgainWorks() {
        try (StandIns standIns = StandIns.builder().pool(EMAIL_CODES).start();
                TodoApp app = TodoApp.boot(srp(standIns), ClientTicker.following(standIns.clock()))) {
            standIns.user(NewUser.withPassword("frank", StandIns.PASSWORD).attribute("email", "frank@example.com")
                    .withMfa(MfaFactor.EMAIL_OTP));
            TodoService todos = app.service();
            SignIn signIn = todos.signIn();
            AnsweringUser frank = AnsweringUser.of(standIns, "frank", NEW_PASSWORD);
            assertEquals(new SignInStep.EmailCode("f***@e***"), signIn.start("frank", StandIns.PASSWORD.toCharArray()));
            String code = frank.deliveredCode();

            // The user comes back to the code after the challenge's validity (Cognito's default, 3 minutes).
            standIns.clock().advance(PoolConfig.DEFAULT_CHALLENGE_VALIDITY.plusSeconds(1));
            CognitoTraffic before = CognitoTraffic.of(standIns.cognito());
            ChallengeExpiredException expired = assertThrows(ChallengeExpiredException.class, () -> signIn.confirm(code));
            CognitoTraffic sentForTheAnswer = CognitoTraffic.of(standIns.cognito()).since(before);

            assertEquals(0, sentForTheAnswer.totalRequests(), "nothing was sent: " + sentForTheAnswer);
            assertTrue(expired.getMessage().contains("SignIn.start"), "the advice is to start again: " + expired.getMessage());
            assertFalse(expired.getMessage().contains(code));
            assertFalse(signIn.isSignedIn());
            assertThrows(IllegalStateException.class, signIn::current, "the expired challenge is gone");
            assertThrows(SignInRequiredException.class, () -> todos.todo("1"));
            assertEquals(0, standIns.graphQL().requestCount(), "no call without a session");

            assertTrue(todos.login("frank", StandIns.PASSWORD.toCharArray(), frank).isDone());
            assertEquals(List.of(Kind.CONFIRM_SIGN_IN_WITH_EMAIL_CODE), frank.kinds());
            assertEquals("frank", todos.whoAmI("frank"));
            assertEquals("frank", todos.add("call back").owner());

            CognitoTraffic total = CognitoTraffic.of(standIns.cognito());
            ServerLog server = ServerLog.of(standIns.graphQL());
            Measured.report("scenario 6 expired challenge", "expired_answers_sent", sentForTheAnswer.totalRequests(),
                    "sign_ins_started", total.requests(Action.INITIATE_AUTH), "answers_sent", total.answerCount(),
                    "calls", server.executed(), "server_401", server.unauthorized(), "users", users(server));

            assertEquals(2, standIns.cognito().initiateAuthCount("USER_SRP_AUTH"), "the sign-in and the one started again");
            assertEquals(Map.of("PASSWORD_VERIFIER", 2L, "EMAIL_OTP", 1L), total.answers(), total::toString);
            assertEachAnswerWasTakenOnce(total);
            assertEquals(2, server.executed());
            assertEquals(server.count(), server.executed());
            assertEquals(Set.of("frank"), users(server));
            assertEquals(1, app.events().count(SignedIn.class));
        }
    }

    /** The application's configuration for the stand-ins, with SRP: the default flow, which the suite's configuration overrides. */
    private static Map<String, String> srp(StandIns standIns) {
        return standIns.config("auth-flow", "USER_SRP_AUTH");
    }

    /** One sign-in reached Cognito, by SRP. */
    private static void assertSignedInWithSrp(StandIns standIns, CognitoTraffic signIn) {
        assertEquals(1, standIns.cognito().initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, signIn.requests(Action.INITIATE_AUTH), "no other sign-in: " + signIn);
    }

    /**
     * Every {@code RespondToAuthChallenge} that reached Cognito answered a challenge it had issued, and
     * none was refused: had an answer met a spent session, the sign-in would have failed or sent it again.
     */
    private static void assertEachAnswerWasTakenOnce(CognitoTraffic traffic) {
        assertEquals(traffic.answerCount(), traffic.requests(Action.RESPOND_TO_AUTH_CHALLENGE), traffic::toString);
    }

    /** The users whose accepted tokens the API's requests carried. */
    private static Set<String> users(ServerLog server) {
        return server.requests().stream()
                .flatMap(request -> request.caller().stream())
                .map(VerifiedCaller::username)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
