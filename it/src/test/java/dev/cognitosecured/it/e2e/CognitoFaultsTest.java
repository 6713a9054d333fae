package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.app.Todo;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Issue 11 §2, Cognito's side: the application (Weld SE, the AWS SDK over Netty to LocalCognito, Jersey to
 * LocalGraphQL) meets each fault on its refreshes. Tokens still valid keep serving calls; a call that needs a
 * refresh fails with a {@link TransportException} that says what happened, bounded by {@code cognito.timeout};
 * the next one during the back-off fails at once without a request; after recovery the next call succeeds.
 * The SDK's retries show in LocalCognito's request counts. Nothing stays in flight; at steady state there are
 * no more connections to Cognito than before the fault; after the application closes none of its threads
 * remain, and (for the faults that break connections) no connection to either server. The store's time is the stand-ins' {@link ManualClock};
 * the SDK's timeouts are real time, short.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CognitoFaultsTest {

    /** The attempts the SDK makes of one request: {@code CognitoIdentityProvider.MAX_ATTEMPTS}. */
    private static final int ATTEMPTS = 3;

    record Scenario(String name, Duration timeout, Consumer<LocalCognito> inject, Consumer<LocalCognito> recover,
            int fewestAttempts, int mostAttempts, String says, boolean socketsAfterClose) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The first Cognito request of a JVM loads and initialises the AWS SDK and Netty, which takes over a second
     * on a busy 2-core machine and counts against {@code cognito.timeout}: the scenarios' short timeouts are
     * meant for the requests, so one sign-in with the default timeout comes first.
     */
    @BeforeAll
    static void warmUp() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()))) {
            standIns.user("alice");
            long start = System.nanoTime();
            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            Measured.report("cognito fault", "first_sign_in_of_the_jvm_ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /**
     * The scenarios' {@code cognito.timeout}: one attempt may take a third of it, 1 s, which a sign-in or an
     * answered refresh at LocalCognito needs on a loaded 2-core machine (with 1 s, attempts of 333 ms timed out
     * there before any fault was injected).
     */
    private static final Duration SHORT = Duration.ofSeconds(3);

    static Stream<Scenario> faults() {
        // The request's timeout, or (on a loaded machine, where the SDK's last attempt times out first) each
        // attempt's third of it: both messages say this much, and name the key with its value (checked below).
        String timedOut = "did not answer InitiateAuth (REFRESH_TOKEN_AUTH)";
        return Stream.of(
                new Scenario("connection refused", SHORT, LocalCognito::refuseConnections,
                        LocalCognito::acceptConnections, 0, 0,
                        "Cognito could not be reached for InitiateAuth (REFRESH_TOKEN_AUTH)", false),
                new Scenario("accepted but silent", SHORT,
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.silent()),
                        LocalCognito::clearFaults, 2, ATTEMPTS, timedOut, true),
                new Scenario("slow beyond the timeout", SHORT,
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.delay(SHORT.plusSeconds(1))),
                        LocalCognito::clearFaults, 2, ATTEMPTS, timedOut, false),
                // throttled retries wait 0-1 s, then 0-2 s (the SDK's throttling back-off): a longer timeout
                new Scenario("TooManyRequestsException", Duration.ofSeconds(6),
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.throttling()),
                        LocalCognito::clearFaults, ATTEMPTS, ATTEMPTS,
                        "Cognito throttled InitiateAuth (REFRESH_TOKEN_AUTH) (TooManyRequestsException, HTTP 400", false),
                new Scenario("HTTP 500", SHORT,
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.serverError()),
                        LocalCognito::clearFaults, ATTEMPTS, ATTEMPTS, "(InternalErrorException, HTTP 500", false),
                new Scenario("HTTP 503", SHORT,
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.serviceUnavailable()),
                        LocalCognito::clearFaults, ATTEMPTS, ATTEMPTS, "(ServiceUnavailableException, HTTP 503", false),
                new Scenario("connection reset mid-response", SHORT,
                        cognito -> cognito.injectFault(Action.INITIATE_AUTH, Fault.resetMidResponse()),
                        LocalCognito::clearFaults, ATTEMPTS, ATTEMPTS,
                        "Cognito could not be reached for InitiateAuth (REFRESH_TOKEN_AUTH)", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theCallerGetsATypedFailureTheValidTokensServeAndTheNextCallAfterRecoverySucceeds(Scenario s)
            throws InterruptedException {
        try (StandIns standIns = StandIns.start()) {
            ManualClock clock = standIns.clock();
            LocalCognito cognito = standIns.cognito();
            Leaks leaks = Leaks.threadsNow();
            TodoApp app = TodoApp.boot(standIns.config("cognito.timeout", s.timeout().toMillis() + "ms"),
                    ClientTicker.following(clock));
            List<Thread> appThreads;
            long wallMillis;
            try {
                standIns.user("alice");
                app.service().login("alice", StandIns.PASSWORD.toCharArray());
                assertEquals("Todo 1", app.service().todo("1").title());
                cognito.resetRequestCounts();
                // the SDK's pooled connection, and LocalGraphQL's own to fetch the pool's keys
                long connectionsBefore = Leaks.openConnectionsTo(cognito.endpoint().getPort());
                s.inject().accept(cognito);

                // 3 s of local validity left: more than the skew (2 s), inside the prefetch window (2 s more)
                clock.advance(standIns.timing().lifetime().minusSeconds(1 + 3));
                assertEquals("Todo 2", app.service().todo("2").title(), "the valid tokens serve");
                app.events().awaitCount(RefreshFailed.class, 1); // the background refresh met the fault
                assertEquals("Todo 3", app.service().todo("3").title(), "and still do during the back-off");
                long background = cognito.requestCount(Action.INITIATE_AUTH);
                assertTrue(background <= s.mostAttempts(), "the background refresh reached LocalCognito " + background
                        + " times; at most " + s.mostAttempts() + " expected");

                // 1 s left, less than the skew: this call needs a refresh; the first back-off (at most 1 s) is over
                clock.advance(Duration.ofSeconds(2));
                long wallStart = System.nanoTime();
                CognitoSecuredException failed = assertThrows(CognitoSecuredException.class,
                        () -> app.service().todo("4"));
                Class<? extends CognitoSecuredException> expected = s.says().startsWith("did not answer")
                        ? CallTimeoutException.class : TransportException.class;
                assertTrue(expected.isInstance(failed), () -> expected.getSimpleName() + " expected: " + failed);
                wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);
                assertTrue(failed.getMessage().contains(s.says()), failed.getMessage());
                if (failed instanceof CallTimeoutException) {
                    assertTrue(failed.getMessage().contains("cognito-secured.cognito.timeout (" + SHORT.toSeconds() + "s"),
                            failed.getMessage());
                }
                long foreground = cognito.requestCount(Action.INITIATE_AUTH) - background;
                assertAttemptsOfBoth(s, background, foreground);
                assertEquals(2, app.events().count(RefreshFailed.class));

                TransportException heldBack = assertThrows(TransportException.class, () -> app.service().todo("5"));
                assertTrue(heldBack.getMessage().contains("is held back for"), heldBack.getMessage());
                assertTrue(heldBack.getMessage().contains(s.says()), heldBack.getMessage());
                CompletableFuture<Todo> later = app.service().todoLater("5").toCompletableFuture();
                assertTrue(later.isCompletedExceptionally(), "the async call fails at once during the back-off");
                assertTrue(assertThrows(CompletionException.class, later::join).getCause() instanceof TransportException);
                assertEquals(background + foreground, cognito.requestCount(Action.INITIATE_AUTH),
                        "no request during the back-off");
                assertTrue(app.store().isSignedIn(), "the tokens are kept");
                assertTrue(app.store().toString().contains("state=Active[2 failed refreshes]"),
                        "no refresh in flight: " + app.store());

                s.recover().accept(cognito);
                clock.advance(Duration.ofSeconds(2)); // past the second back-off (at most 2 s)
                assertEquals("Todo 6", app.service().todo("6").title(), "recovered");
                assertEquals(1, app.events().count(TokensRefreshed.class));
                assertEquals(background + foreground + 1, cognito.requestCount(Action.INITIATE_AUTH));
                assertTrue(app.store().toString().contains("state=Active]"), "the failures are forgotten: " + app.store());

                ServerLog server = ServerLog.of(standIns.graphQL());
                assertEquals(4, server.executed(), "calls 1, 2, 3 and 6 reached the API; 4 and 5 failed before");
                assertEquals(2, server.distinctTokens(), "the first tokens until the refresh, then the new ones");
                // the SDK's Netty pool may keep an idle connection more than before (opened for a retry while
                // another was being released): reported, not asserted; none may be left once the app closed (below)
                long connectionsAfter = Leaks.openConnectionsTo(cognito.endpoint().getPort());
                Measured.report("cognito fault", "fault", s.name(), "connections_before", connectionsBefore,
                        "connections_after", connectionsAfter, "cognito_timeout_ms", s.timeout().toMillis(),
                        "background_attempts", background, "caller_attempts", foreground, "caller_wall_ms", wallMillis,
                        "refresh_failed_events", app.events().count(RefreshFailed.class));
                appThreads = applicationThreads(leaks);
                assertTrue(appThreads.stream().anyMatch(t -> t.getName().startsWith("aws-java-sdk-NettyEventLoop")),
                        "the check sees the SDK's threads: " + appThreads);
            } finally {
                app.close();
            }
            assertEquals(List.of(), Leaks.stillAliveAfterJoining(appThreads), "threads left after closing");
            if (s.socketsAfterClose()) { // the faults that break connections; the wait costs up to 10 s
                assertNoConnectionsLeft(cognito.endpoint().getPort(), standIns.graphQL().port());
            }
        }
    }

    @Test
    void cognitosAnswersAboutTheRequestAreNotRetried() {
        try (StandIns standIns = StandIns.start();
                TodoApp app = TodoApp.boot(standIns.config("cognito.timeout", "2s"),
                        ClientTicker.following(standIns.clock()))) {
            LocalCognito cognito = standIns.cognito();
            standIns.user("alice");

            assertThrows(WrongAnswerException.class,
                    () -> app.service().login("alice", "wrong-password".toCharArray()));
            assertEquals(1, cognito.requestCount(Action.INITIATE_AUTH), "a wrong password is sent once");

            app.service().login("alice", StandIns.PASSWORD.toCharArray());
            String refreshToken = app.store().tokens(Duration.ZERO).refreshToken().orElseThrow();
            try (CognitoIdentityProviderClient device = standIns.sdkClient()) {
                device.revokeToken(r -> r.token(refreshToken).clientId(standIns.local().client().clientId()));
            }
            cognito.resetRequestCounts();
            standIns.clock().advance(standIns.timing().lifetime());

            assertThrows(SignInRequiredException.class, () -> app.service().todo("1"));
            assertEquals(1, cognito.requestCount(Action.INITIATE_AUTH), "a rejected refresh token is sent once");
            assertEquals(0, app.events().count(RefreshFailed.class), "the session ended instead");
        }
    }

    /**
     * After the application closed: no connection to either server. Jersey's default connector and LocalGraphQL's
     * key fetches use the JDK's {@code HttpURLConnection}, whose JVM-wide keep-alive cache closes an idle
     * connection only after its keep-alive time (5 s), not when the client closes; its {@code Keep-Alive-Timer}
     * thread ends when the cache is empty, so the check waits for that thread (a hook, not a sleep).
     */
    static void assertNoConnectionsLeft(int... ports) throws InterruptedException {
        if (!Leaks.canCountConnections()) {
            return;
        }
        List<Thread> keepAlive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("Keep-Alive-Timer"))
                .toList();
        assertEquals(List.of(), Leaks.stillAliveAfterJoining(keepAlive), "the JDK's keep-alive cache emptied");
        for (int port : ports) {
            assertEquals(0, Leaks.openConnectionsTo(port), "connections to port " + port + " left");
        }
    }

    /**
     * The attempts of the background refresh and of the caller's, as LocalCognito counted them: each refresh makes
     * {@code fewestAttempts} to {@code mostAttempts}. LocalCognito counts a request when it handles it, which on a
     * loaded machine can be after the SDK gave up on it: the last attempt of the background refresh may be counted
     * only after {@code background} was read, and so among the caller's. So for the timeouts the background refresh is
     * bounded above on its own and the two together on both sides; for the other faults, where the server has
     * answered (or refused, or broken) every attempt before the SDK reports the failure, each on its own.
     */
    private static void assertAttemptsOfBoth(Scenario s, long background, long foreground) {
        long both = background + foreground;
        assertTrue(both >= 2L * s.fewestAttempts() && both <= 2L * s.mostAttempts(),
                "the two refreshes reached LocalCognito " + background + " + " + foreground + " times; expected "
                        + s.fewestAttempts() + " to " + s.mostAttempts() + " each");
        if (!s.says().startsWith("did not answer")) {
            assertTrue(background >= s.fewestAttempts() && foreground >= s.fewestAttempts()
                    && foreground <= s.mostAttempts(), "the background refresh reached LocalCognito " + background
                    + " times, the caller's " + foreground + "; expected " + s.fewestAttempts() + " to "
                    + s.mostAttempts() + " each");
        }
    }

    /**
     * The threads the application started: not the stand-ins' (their JDK HTTP servers' handler, dispatcher
     * and {@code idle-timeout-task} threads, and the JDK's {@code Keep-Alive-Timer} of LocalGraphQL's key
     * fetches) nor the JDK's shared pool.
     */
    static List<Thread> applicationThreads(Leaks leaks) {
        return leaks.startedSince().stream()
                .filter(t -> !t.getName().startsWith("local-cognito") && !t.getName().startsWith("local-graphql")
                        && !t.getName().startsWith("HTTP-Dispatcher") && !t.getName().equals("idle-timeout-task")
                        && !t.getName().equals("Keep-Alive-Timer") && !t.getName().startsWith("ForkJoinPool")
                        // the JDK's one daemon behind CompletableFuture.orTimeout, shared by the whole JVM
                        && !t.getName().equals("CompletableFutureDelayScheduler"))
                .toList();
    }
}
