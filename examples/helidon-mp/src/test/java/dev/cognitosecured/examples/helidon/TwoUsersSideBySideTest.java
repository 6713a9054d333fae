package dev.cognitosecured.examples.helidon;

import static dev.cognitosecured.examples.support.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.examples.support.Browser;
import dev.cognitosecured.examples.support.TwoUsersSideBySide;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.AfterStop;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example in Helidon MP, over real HTTP: the server on a free port, LocalCognito and LocalGraphQL on theirs,
 * each user a browser with its own cookies, so its own HTTP session.
 */
@HelidonTest
@AddBean(ClockTicker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoUsersSideBySideTest {

    /** The time of the stand-ins and of the application's {@link ClockTicker}. */
    static final ManualClock CLOCK = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private static LocalStandIns standIns;

    /** Starts the stand-ins before the server, and points the application's configuration at them. */
    @AddConfigSource
    static ConfigSource standIns() {
        standIns = StandIns.start(CLOCK);
        return StandIns.configSource(standIns);
    }

    @AfterStop
    static void stopStandIns() {
        standIns.close();
    }

    @Inject
    WebTarget server;

    @Inject
    HttpSessions sessions;

    /** The tests share the server and the stand-ins (the application is configured once); each counts its own. */
    @BeforeEach
    void countFromZero() {
        standIns.cognito().resetRequestCounts();
        standIns.graphQL().orElseThrow().clearRequests();
    }

    @Test
    void twoUsersSignInSideBySideAndEachCallsWithTheirOwnTokens() {
        TwoUsersSideBySide.signInAndCallWithTheirOwnTokens(standIns, server.getUri(), HttpSessionFilter.COOKIE);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void eachSessionRefreshesItsOwnTokensOnceTheyExpire() {
        standIns.cognito().createUser(standIns.pool(), "gina", "Corr3ct-horse");
        standIns.cognito().createUser(standIns.pool(), "hank", "Corr3ct-horse");
        Browser gina = new Browser(server.getUri());
        Browser hank = new Browser(server.getUri());
        assertEquals(200, gina.post("signin", Map.of("username", "gina", "password", "Corr3ct-horse")).status());
        assertEquals(200, hank.post("signin", Map.of("username", "hank", "password", "Corr3ct-horse")).status());
        assertEquals(200, gina.get("todos").status());
        assertEquals(200, hank.get("todos").status());

        CLOCK.advance(Duration.ofHours(1)); // both access tokens have expired
        for (int i = 0; i < 2; i++) {
            assertAnswer(200, "[{\"done\":false,\"id\":\"gina-1\",\"title\":\"Water gina's plants\"}]",
                    gina.get("todos"));
            assertAnswer(200, "[{\"done\":false,\"id\":\"hank-1\",\"title\":\"Water hank's plants\"}]",
                    hank.get("todos"));
        }

        LocalGraphQL graphQL = standIns.graphQL().orElseThrow();
        assertEquals(2, standIns.refreshRequests()); // one per session
        assertEquals(4, graphQL.distinctTokenCount()); // each user's first token, then each user's refreshed one
        assertEquals(0, graphQL.unauthorizedCount()); // no call went out with an expired token
        assertEquals(6, graphQL.requestCount("ListTodos"));
    }

    @Test
    void signingOutEndsOnlyThatUsersSession() {
        standIns.cognito().createUser(standIns.pool(), "carol", "Corr3ct-horse");
        standIns.cognito().createUser(standIns.pool(), "dave", "Corr3ct-horse");
        Browser carol = new Browser(server.getUri());
        Browser dave = new Browser(server.getUri());
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                carol.post("signin", Map.of("username", "carol", "password", "Corr3ct-horse")));
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                dave.post("signin", Map.of("username", "dave", "password", "Corr3ct-horse")));
        assertTrue(carol.cookies().containsKey(HttpSessionFilter.COOKIE), carol.cookies().keySet().toString());

        assertAnswer(204, "", carol.post("signout", Map.of()));
        assertEquals(1, standIns.cognito().requestCount(Action.REVOKE_TOKEN)); // carol's refresh token, only

        assertFalse(carol.cookies().containsKey(HttpSessionFilter.COOKIE), "the session cookie is expired");
        Browser.Answer signedOut = carol.get("todos");
        assertEquals(401, signedOut.status(), signedOut.body());
        assertTrue(signedOut.body().contains("SignInRequiredException"), signedOut.body());
        assertAnswer(200, "[{\"done\":false,\"id\":\"dave-1\",\"title\":\"Water dave's plants\"}]", dave.get("todos"));
    }

    @Test
    void aBrowserWithoutASessionMustSignInAndGetsNoSessionUntilItDoes() {
        standIns.cognito().createUser(standIns.pool(), "ivy", "Corr3ct-horse");
        Browser stranger = new Browser(server.getUri());
        int kept = sessions.size();

        Browser.Answer answer = stranger.get("todos");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.body().contains("SignInRequiredException"), answer.body());
        Browser.Answer wrong = stranger.post("signin", Map.of("username", "ivy", "password", "Wr0ng-horse"));
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("WrongAnswerException"), wrong.body());

        assertEquals(204, stranger.post("signout", Map.of()).status());
        assertEquals(Map.of(), stranger.cookies());
        assertEquals(kept, sessions.size()); // failed requests, and a sign-out, keep no session
        assertEquals(200, stranger.post("signin", Map.of("username", "ivy", "password", "Corr3ct-horse")).status());
        assertEquals(kept + 1, sessions.size());
        assertTrue(stranger.cookies().containsKey(HttpSessionFilter.COOKIE));
    }

    @Test
    void anAnswerWithoutASignInInProgressIsAConflict() {
        Browser stranger = new Browser(server.getUri());

        assertEquals(409, stranger.post("signin/answer", Map.of("answer", "123456")).status());
        assertEquals(400, stranger.post("signin", Map.of("username", "frank")).status());
        assertEquals(0, standIns.cognito().requestCount(Action.INITIATE_AUTH)
                + standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }
}
