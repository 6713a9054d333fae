package dev.cognitosecured.examples.support;

import static dev.cognitosecured.examples.support.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.ReceivedRequest;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What each server example must do for two users at once, whatever the server: two browsers, so two HTTP
 * sessions, sign in side by side and each calls with its own tokens.
 */
public final class TwoUsersSideBySide {

    private TwoUsersSideBySide() {
    }

    /**
     * Bob starts a sign-in (a new password, then an SMS code) and stops halfway; alice signs in meanwhile without
     * touching his chain; when bob is done his session has a new id, and the old one leads nowhere. Then each
     * lists their own todos: LocalGraphQL saw alice, bob, alice, with one access token each kept between requests,
     * no refresh and one sign-in each. Users "alice" and "bob" are created in the stand-ins' pool.
     *
     * @param standIns the stand-ins the application at {@code server} is configured with; their request counts
     *     at zero
     * @param server the application's root
     * @param sessionCookie the name of the cookie that carries the HTTP session's id
     */
    public static void signInAndCallWithTheirOwnTokens(LocalStandIns standIns, URI server, String sessionCookie) {
        standIns.cognito().createUser(standIns.pool(), "alice", "Corr3ct-horse");
        standIns.cognito().createUser(standIns.pool(), NewUser.withTemporaryPassword("bob", "Temp-0rary-pass")
                .attribute("phone_number", "+12065551234").withMfa(MfaFactor.SMS_MFA));
        Browser alice = new Browser(server);
        Browser bob = new Browser(server);

        // bob starts first and stops halfway through his chain: alice's sign-in must not touch it
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED\"}",
                bob.post("signin", Map.of("username", "bob", "password", "Temp-0rary-pass")));
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                alice.post("signin", Map.of("username", "alice", "password", "Corr3ct-horse")));
        assertAnswer(200, "{\"codeSentTo\":\"+*******1234\",\"step\":\"CONFIRM_SIGN_IN_WITH_SMS_CODE\"}",
                bob.post("signin/answer", Map.of("answer", "N3w-password!")));
        String code = standIns.cognito().lastCode(standIns.pool(), "bob").orElseThrow();
        Browser beforeSignIn = Browser.copyOf(bob); // what someone who knew bob's session id so far holds
        assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}", bob.post("signin/answer", Map.of("answer", code)));
        assertNotEquals(beforeSignIn.cookies().get(sessionCookie), bob.cookies().get(sessionCookie));
        assertEquals(401, beforeSignIn.get("todos").status(), "the session id before the sign-in leads nowhere now");

        assertAnswer(200, "[{\"done\":false,\"id\":\"alice-1\",\"title\":\"Water alice's plants\"}]", alice.get("todos"));
        assertAnswer(200, "[{\"done\":false,\"id\":\"bob-1\",\"title\":\"Water bob's plants\"}]", bob.get("todos"));
        assertAnswer(200, "[{\"done\":false,\"id\":\"alice-1\",\"title\":\"Water alice's plants\"}]", alice.get("todos"));

        LocalGraphQL graphQL = standIns.graphQL().orElseThrow();
        List<ReceivedRequest> requests = graphQL.requests();
        assertEquals(List.of("alice", "bob", "alice"),
                requests.stream().map(r -> r.caller().map(VerifiedCaller::username).orElse("?")).toList());
        assertEquals(2, graphQL.distinctTokenCount()); // one access token each, kept between requests
        assertEquals(requests.get(0).tokenFingerprint(), requests.get(2).tokenFingerprint());
        assertEquals(0, graphQL.unauthorizedCount());
        assertEquals(0, standIns.refreshRequests());
        assertEquals(2, standIns.cognito().initiateAuthCount("USER_SRP_AUTH")); // one sign-in each, no more
    }
}
