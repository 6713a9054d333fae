package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PasswordSignInTest {

    private static final Tokens TOKENS = Tokens.of("access", "id", Optional.of("refresh"), Duration.ofMinutes(5), "alice");

    private final FakeProvider provider = new FakeProvider();
    private final FakeStore store = new FakeStore();
    private final PasswordSignIn signIn = new PasswordSignIn(store, provider);

    @Test
    void startSignsInThroughTheStoreAndIsDone() {
        char[] password = "correct horse".toCharArray();

        SignInStep step = signIn.start("alice", password);

        assertInstanceOf(SignInStep.Done.class, step);
        assertTrue(step.isDone());
        assertEquals(List.of("alice"), provider.signIns);
        assertArrayEquals("correct horse".toCharArray(), provider.lastPassword);
        assertSame(TOKENS, store.tokens);
        assertTrue(signIn.isSignedIn());
        assertInstanceOf(SignInStep.Done.class, signIn.current());
    }

    @Test
    void aFailedSignInLeavesNobodySignedIn() {
        provider.signInResult = CompletableFuture.failedFuture(
                new WrongAnswerException(CognitoFailures.WRONG_CREDENTIALS, true, null));

        WrongAnswerException e = assertThrows(WrongAnswerException.class, () -> signIn.start("alice", "nope".toCharArray()));

        assertTrue(e.canRetry());
        assertFalse(signIn.isSignedIn());
        assertThrows(IllegalStateException.class, signIn::current);
    }

    @Test
    void badInputIsRefusedBeforeCognitoIsAsked() {
        assertThrows(IllegalArgumentException.class, () -> signIn.start(" ", "pw".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> signIn.start("alice", new char[0]));
        assertThrows(NullPointerException.class, () -> signIn.start(null, "pw".toCharArray()));
        assertThrows(NullPointerException.class, () -> signIn.start("alice", null));
        assertTrue(provider.signIns.isEmpty());
    }

    @Test
    void thereIsNeverAChallengeToConfirm() {
        assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
        signIn.start("alice", "pw".toCharArray());
        assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
    }

    @Test
    void signOutRevokesTheRefreshTokenAndEndsTheSession() {
        signIn.start("alice", "pw".toCharArray());

        signIn.signOut();

        assertEquals(List.of(TOKENS), provider.revoked);
        assertEquals(List.of(SessionEnded.Reason.SIGNED_OUT), store.ends);
        assertFalse(signIn.isSignedIn());
    }

    @Test
    void signOutEndsTheSessionEvenIfTheRevocationFails() {
        signIn.start("alice", "pw".toCharArray());
        provider.revokeResult = CompletableFuture.failedFuture(new TransportException("Cognito could not be reached", null));

        signIn.signOut();

        assertEquals(1, provider.revoked.size());
        assertEquals(List.of(SessionEnded.Reason.SIGNED_OUT), store.ends);
        assertFalse(signIn.isSignedIn());
    }

    @Test
    void signOutEndsTheSessionEvenIfTheTokensCannotBeHad() {
        signIn.start("alice", "pw".toCharArray());
        store.tokensFailure = new SignInRequiredException("refresh token rejected");

        signIn.signOut();

        assertTrue(provider.revoked.isEmpty());
        assertEquals(List.of(SessionEnded.Reason.SIGNED_OUT), store.ends);
        assertFalse(signIn.isSignedIn());
    }

    @Test
    void signOutWithoutASessionAsksNothingOfCognito() {
        signIn.signOut();

        assertTrue(provider.revoked.isEmpty());
        assertFalse(signIn.isSignedIn());
    }

    @Test
    void toStringShowsNoSecret() {
        signIn.start("alice", "hunter2".toCharArray());
        assertFalse(signIn.toString().contains("hunter2"));
        assertFalse(signIn.toString().contains("refresh"));
    }

    /** Records calls; answers with what the test sets. */
    private static final class FakeProvider implements IdentityProvider {
        final List<String> signIns = new ArrayList<>();
        final List<Tokens> revoked = new ArrayList<>();
        char[] lastPassword;
        CompletableFuture<Tokens> signInResult = CompletableFuture.completedFuture(TOKENS);
        CompletableFuture<Void> revokeResult = CompletableFuture.completedFuture(null);

        @Override
        public CompletionStage<Tokens> signIn(String username, char[] password) {
            signIns.add(username);
            lastPassword = password.clone();
            return signInResult;
        }

        @Override
        public CompletionStage<Tokens> refresh(Tokens current) {
            throw new AssertionError("PasswordSignIn never refreshes");
        }

        @Override
        public CompletionStage<Void> revoke(Tokens current) {
            revoked.add(current);
            return revokeResult;
        }
    }

    /** Holds tokens in a field; no expiry, no refresh. */
    private static final class FakeStore implements SessionStore {
        Tokens tokens;
        RuntimeException tokensFailure;
        final List<SessionEnded.Reason> ends = new ArrayList<>();

        @Override
        public String pool() {
            return "default";
        }

        @Override
        public boolean isSignedIn() {
            return tokens != null;
        }

        @Override
        public Tokens tokens(Duration minValidity) {
            if (tokensFailure != null) {
                throw tokensFailure;
            }
            if (tokens == null) {
                throw new SignInRequiredException("nobody signed in");
            }
            return tokens;
        }

        @Override
        public CompletionStage<Tokens> tokensAsync(Duration minValidity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens refreshIfCurrent(Tokens rejected) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Tokens> refreshIfCurrentAsync(Tokens rejected) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tokens signIn(Supplier<? extends CompletionStage<Tokens>> request) {
            try {
                tokens = request.get().toCompletableFuture().join();
                return tokens;
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }

        @Override
        public void end(SessionEnded.Reason reason) {
            if (tokens != null) {
                ends.add(reason);
            }
            tokens = null;
        }
    }
}
