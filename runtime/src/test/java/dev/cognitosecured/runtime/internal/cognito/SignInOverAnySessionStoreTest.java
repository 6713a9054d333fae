package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
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
    private final DelegatingStore store = new DelegatingStore(
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

        assertEquals(List.of("signIn(tokens, " + COGNITO_TAKES + ")"), store.calls);
        assertTrue(signIn.isSignedIn());
        assertSame(TOKENS, store.tokens(Duration.ZERO));
        assertEquals(new SignInStep.Done(), signIn.current());
    }

    @Test
    void signingOutEndsTheSessionThroughTheInterfaceAndRevokesTheTokensItReturned() {
        script.then(new SignInResponse.Authenticated(TOKENS), ScriptedProvider.NOTHING);
        signIn.start(USER, "Passw0rd!".toCharArray());

        signIn.signOut();

        assertEquals(List.of("signIn(tokens, " + COGNITO_TAKES + ")", "end(SIGNED_OUT)"), store.calls);
        assertFalse(signIn.isSignedIn());
        assertEquals(Map.of("TOKEN", "refresh-1"), script.calls().get(1).responses());
    }

    /** A store of the application's own: here one that records what the sign-in asks of it. */
    private static final class DelegatingStore implements SessionStore {

        final List<String> calls = new CopyOnWriteArrayList<>();
        private final SessionStore delegate;

        DelegatingStore(SessionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public String pool() {
            return delegate.pool();
        }

        @Override
        public boolean isSignedIn() {
            return delegate.isSignedIn();
        }

        @Override
        public Tokens tokens(Duration minValidity) {
            return delegate.tokens(minValidity);
        }

        @Override
        public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
            return delegate.tokensAsync(minValidity);
        }

        @Override
        public Tokens refreshIfCurrent(Tokens rejected, Duration minValidity) {
            return delegate.refreshIfCurrent(rejected, minValidity);
        }

        @Override
        public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected, Duration minValidity) {
            return delegate.refreshIfCurrentAsync(rejected, minValidity);
        }

        @Override
        public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
            calls.add("signIn(request)");
            return delegate.signIn(request);
        }

        @Override
        public Tokens signIn(Tokens tokens, Duration age) {
            calls.add("signIn(tokens, " + age + ")");
            return delegate.signIn(tokens, age);
        }

        @Override
        public Optional<Tokens> end(SessionEnded.Reason reason) {
            calls.add("end(" + reason + ")");
            return delegate.end(reason);
        }
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
