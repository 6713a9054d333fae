package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;

/**
 * Watches the sessions of a sign-in on the wire: for each successful request of it, which session it was
 * sent with and which it got back. {@link #assertChained()} then checks what the library promises: every
 * answer went out with the session of the response just before it, and no session twice.
 */
final class SessionTrail implements ExecutionInterceptor {

    /** One request that got an answer: its name, the session sent (or null), the session received (or null). */
    record Exchange(String name, String sent, String received) {
        @Override
        public String toString() {
            return name; // sessions are secrets, even in a test report
        }
    }

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof InitiateAuthRequest initiate && response instanceof InitiateAuthResponse answer) {
            exchanges.add(new Exchange("InitiateAuth " + initiate.authFlowAsString(), null, answer.session()));
        } else if (request instanceof RespondToAuthChallengeRequest respond
                && response instanceof RespondToAuthChallengeResponse answer) {
            exchanges.add(new Exchange("RespondToAuthChallenge " + respond.challengeNameAsString(), respond.session(),
                    answer.session()));
        } else if (request instanceof AssociateSoftwareTokenRequest associate
                && response instanceof AssociateSoftwareTokenResponse answer) {
            exchanges.add(new Exchange("AssociateSoftwareToken", associate.session(), answer.session()));
        } else if (request instanceof VerifySoftwareTokenRequest verify
                && response instanceof VerifySoftwareTokenResponse answer) {
            exchanges.add(new Exchange("VerifySoftwareToken", verify.session(), answer.session()));
        }
    }

    /** The names of the requests that got an answer, in order. */
    List<String> names() {
        return exchanges.stream().map(Exchange::name).toList();
    }

    /** Each request after the first was sent with the session the one before it received; none twice. */
    void assertChained() {
        Set<String> used = new HashSet<>();
        for (int i = 1; i < exchanges.size(); i++) {
            Exchange before = exchanges.get(i - 1);
            Exchange exchange = exchanges.get(i);
            assertNotNull(exchange.sent(), exchange.name() + " was sent without a session");
            assertEquals(before.received(), exchange.sent(),
                    exchange.name() + " must go out with the session " + before.name() + " returned");
            assertEquals(true, used.add(exchange.sent()), exchange.name() + " reused a session");
        }
    }
}
