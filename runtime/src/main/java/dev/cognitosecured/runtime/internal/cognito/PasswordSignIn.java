package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A sign-in with a user name and password and no challenge ({@code USER_PASSWORD_AUTH}). A pool that
 * answers with a challenge makes {@link #start} fail with
 * {@link dev.cognitosecured.runtime.SignInRequiredException}. The CDI extension uses
 * {@link CognitoSignIn}, the flow with chained challenges; this class remains for code that builds a
 * password-only flow over any {@link SessionStore}.
 */
public final class PasswordSignIn implements SignIn {

    private final SessionStore store;
    private final IdentityProvider provider;

    public PasswordSignIn(SessionStore store, IdentityProvider provider) {
        this.store = Objects.requireNonNull(store, "store");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Signs in and starts the store's session.
     *
     * @throws IllegalArgumentException if {@code username} is blank or {@code password} empty
     * @throws dev.cognitosecured.runtime.WrongAnswerException if the user name or password is wrong
     * @throws dev.cognitosecured.runtime.SignInRequiredException if Cognito answers with a challenge
     */
    @Override
    public SignInStep start(String username, char[] password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The user name is blank.");
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("The password is empty.");
        }
        store.signIn(() -> provider.signIn(username, password));
        return new SignInStep.Done();
    }

    /**
     * Always fails: a password sign-in has no challenge to answer.
     *
     * @throws IllegalStateException always
     */
    @Override
    public SignInStep confirm(String answer) {
        throw new IllegalStateException("No challenge is waiting for an answer: this sign-in flow signs in"
                + " with a user name and password only.");
    }

    /**
     * Always fails: a password sign-in has no challenge to answer.
     *
     * @throws IllegalStateException always
     */
    @Override
    public SignInStep confirmNewPassword(char[] newPassword, Map<String, String> attributes) {
        return confirm("");
    }

    /**
     * {@link SignInStep.Done} once signed in.
     *
     * @throws IllegalStateException if nobody is signed in (a password sign-in is never half-way)
     */
    @Override
    public SignInStep current() {
        if (!store.isSignedIn()) {
            throw new IllegalStateException("Nobody is signed in and no challenge is waiting: call start first.");
        }
        return new SignInStep.Done();
    }

    @Override
    public boolean isSignedIn() {
        return store.isSignedIn();
    }

    /**
     * Ends the local session, then revokes its refresh token at Cognito. The revocation is best
     * effort: if it fails, the session has ended all the same.
     */
    @Override
    public void signOut() {
        Tokens tokens = null;
        try {
            if (store.isSignedIn()) {
                tokens = store.tokens(Duration.ZERO);
            }
        } catch (RuntimeException e) {
            // Nothing to revoke: the refresh token was rejected or Cognito cannot be reached.
        } finally {
            store.end(SessionEnded.Reason.SIGNED_OUT);
        }
        if (tokens != null) {
            try {
                provider.revoke(tokens).toCompletableFuture().join();
            } catch (RuntimeException e) {
                // Best effort: the local session has ended whatever Cognito says.
            }
        }
    }

    @Override
    public String toString() {
        return "PasswordSignIn[pool=" + store.pool() + ", signedIn=" + store.isSignedIn() + "]";
    }
}
