package dev.cognitosecured.examples.jakarta;

import static dev.cognitosecured.examples.support.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.examples.support.Browser;
import dev.cognitosecured.examples.support.TwoUsersSideBySide;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example WAR in Payara Micro 6 (Jakarta EE 10), over real HTTP: the server in a process of its own, its
 * JAX-RS client, JSON-B and MicroProfile Config; LocalCognito and LocalGraphQL in this JVM on their own ports;
 * each user a browser with its own cookies, so its own HTTP session ({@code JSESSIONID}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoUsersIT {

    private static final ManualClock CLOCK = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private static LocalStandIns standIns;
    private static PayaraMicro server;

    @BeforeAll
    static void start() {
        standIns = StandIns.start(CLOCK, ClientSettings.defaults());
        server = PayaraMicro.named("two-users").properties(StandIns.configuration(standIns)).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (standIns != null) {
            standIns.close();
        }
    }

    /** The tests share the server and the stand-ins; each counts its own requests. */
    @BeforeEach
    void countFromZero() {
        standIns.cognito().resetRequestCounts();
        standIns.graphQL().orElseThrow().clearRequests();
    }

    @Test
    void twoUsersSignInSideBySideAndEachCallsWithTheirOwnTokens() {
        TwoUsersSideBySide.signInAndCallWithTheirOwnTokens(standIns, server.uri(), "JSESSIONID");
    }

    @Test
    void signingOutEndsOnlyThatUsersSession() {
        standIns.cognito().createUser(standIns.pool(), "carol", "Corr3ct-horse");
        standIns.cognito().createUser(standIns.pool(), "dave", "Corr3ct-horse");
        Browser carol = new Browser(server.uri());
        Browser dave = new Browser(server.uri());
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                carol.post("signin", Map.of("username", "carol", "password", "Corr3ct-horse")));
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                dave.post("signin", Map.of("username", "dave", "password", "Corr3ct-horse")));

        assertAnswer(204, "", carol.post("signout", Map.of()));
        assertEquals(1, standIns.cognito().requestCount(Action.REVOKE_TOKEN)); // carol's refresh token, only

        Browser.Answer signedOut = carol.get("todos");
        assertEquals(401, signedOut.status(), signedOut.body());
        assertTrue(signedOut.body().contains("SignInRequiredException"), signedOut.body());
        assertAnswer(200, "[{\"done\":false,\"id\":\"dave-1\",\"title\":\"Water dave's plants\"}]", dave.get("todos"));
    }

    @Test
    void aBrowserWithoutASessionMustSignInAndAnAnswerWithoutASignInIsAConflict() {
        Browser stranger = new Browser(server.uri());

        Browser.Answer answer = stranger.get("todos");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.body().contains("SignInRequiredException"), answer.body());
        assertEquals(409, stranger.post("signin/answer", Map.of("answer", "123456")).status());
        assertEquals(400, stranger.post("signin", Map.of("username", "frank")).status());
        assertEquals(0, standIns.cognito().requestCount(Action.INITIATE_AUTH)
                + standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }
}
