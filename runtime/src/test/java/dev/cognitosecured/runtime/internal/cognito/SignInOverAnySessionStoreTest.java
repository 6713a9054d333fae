package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.ForwardingStore;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The sign-in flow over a {@link SessionStore} that is not {@link DefaultSessionStore}: it needs
 * nothing of a store beyond the interface.
 */
class SignInOverAnySessionStoreTest {

    private static final String USER = "alice";
    private static final Duration COGNITO_TAKES = Duration.ofSeconds(5);
    private static final Tokens TOKENS =
            Tokens.of("access-1", "id-1", Optional.of("refresh-1"), Duration.ofHours(1), USER);

    private final FakeTicker ticker = new FakeTicker(42);
    private final ScriptedProvider script = new ScriptedProvider();
    private final IdentityProvider provider = new SlowAnswers();
    private final ForwardingStore store = new ForwardingStore(
            new DefaultSessionStore("default", provider, ticker, Duration.ZERO, new RecordedEvents()));
    private final CognitoSignIn signIn =
            new CognitoSignIn(store, new ChallengeSlot("default", ticker, Duration.ofMinutes(3)), provider, "pool");

    @Test
    void aChainedSignInStartsTheSessionWithTheAgeOfTheLastRequest() {
        script.then(new SignInResponse.Challenged(Challenge.of("SMS_MFA", Map.of(), USER, "session-1")),
                new SignInResponse.Authenticated(TOKENS));
        assertInstanceOf(SignInStep.SmsCode.class, signIn.start(USER, "Passw0rd!".toCharArray()));
        ticker.advance(Duration.ofSeconds(30)); // the user types the code

        assertTrue(signIn.confirm("123456").isDone());

        assertEquals(List.of("signIn(tokens, " + COGNITO_TAKES + ")"), store.calls());
        assertTrue(signIn.isSignedIn());
        assertSame(TOKENS, store.tokens(Duration.ZERO));
        assertEquals(new SignInStep.Done(), signIn.current());
    }

    @Test
    void signingOutEndsTheSessionThroughTheInterfaceAndRevokesTheTokensItReturned() {
        script.then(new SignInResponse.Authenticated(TOKENS), ScriptedProvider.NOTHING);
        signIn.start(USER, "Passw0rd!".toCharArray());

        signIn.signOut();

        assertEquals(List.of("signIn(tokens, " + COGNITO_TAKES + ")", "end(SIGNED_OUT)"), store.calls());
        assertFalse(signIn.isSignedIn());
        assertEquals(Map.of("TOKEN", "refresh-1"), script.calls().get(1).responses());
    }

    /** The scripted provider, whose sign-in requests each take Cognito {@link #COGNITO_TAKES}. */
    private final class SlowAnswers implements IdentityProvider {

        @Override
        public CompletionStage<SignInResponse> startSignIn(String username, char[] password) {
            ticker.advance(COGNITO_TAKES);
            return script.startSignIn(username, password);
        }

        @Override
        public CompletionStage<SignInResponse> respond(Challenge challenge, Map<String, String> responses) {
            ticker.advance(COGNITO_TAKES);
            return script.respond(challenge, responses);
        }

        @Override
        public CompletionStage<Tokens> signIn(String username, char[] password) {
            return script.signIn(username, password);
        }

        @Override
        public CompletionStage<Tokens> refresh(Tokens current) {
            return script.refresh(current);
        }

        @Override
        public CompletionStage<Void> revoke(Tokens current) {
            return script.revoke(current);
        }
    }
}
