package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.cognitolocal.RequestCounter;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The sign-in flows that both Cognito stand-ins support, run by the runtime's real sign-in flow, session
 * store and identity provider over the real AWS SDK: the password alone ({@code USER_PASSWORD_AUTH}), a
 * temporary password ({@code NEW_PASSWORD_REQUIRED}), an authenticator app ({@code SOFTWARE_TOKEN_MFA}),
 * a choice of factors ({@code SELECT_MFA_TYPE}), refresh and sign-out. A subclass runs them against one
 * stand-in: our strict LocalCognito, or the third-party cognito-local as an independent check.
 */
abstract class SignInContract {

    static final String PASSWORD = "Corr3ct-horse-1";
    static final String NEW_PASSWORD = "N3w-password!";

    /** One user pool and app client of the stand-in, fresh for each test. */
    interface StandInPool {

        /** The runtime's sign-in parts for the pool ({@code USER_PASSWORD_AUTH}), the SDK watched by {@code watchers}. */
        SignInRig rig(RequestCounter counter, ExecutionInterceptor... watchers);

        /** A confirmed user with a permanent password and no second factor. */
        void createUser(String username, String password);

        /** A user whose first sign-in must replace {@code temporaryPassword}. */
        void createUserWithTemporaryPassword(String username, String temporaryPassword);

        /** A user whose sign-in asks for the code of an authenticator app; returns the app's secret. */
        String createUserWithAuthenticatorApp(String username, String password);

        /**
         * A user with two second factors, SMS and an authenticator app, and no preference, so that the sign-in
         * asks to choose; returns the app's secret.
         */
        String createUserChoosingAFactor(String username, String password);

        /** The code the authenticator app holding {@code secret} shows now, on the stand-in's clock. */
        String authenticatorCode(String secret);
    }

    /** A new pool of the stand-in under test. */
    abstract StandInPool newPool();

    final RequestCounter requests = new RequestCounter();
    final SessionTrail sessions = new SessionTrail();
    StandInPool pool;
    SignInRig rig;
    SignIn signIn;

    @BeforeEach
    void freshPool() {
        pool = newPool();
        rig = pool.rig(requests, sessions);
        signIn = rig.signIn;
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    /** A code the app does not show now. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    @Test
    void aUserWithoutChallengesSignsInAndTheTokensRefresh() {
        pool.createUser("alice", PASSWORD);

        SignInStep step = signIn.start("alice", PASSWORD.toCharArray());

        assertTrue(step.isDone());
        assertTrue(signIn.isSignedIn());
        assertTrue(signIn.current().isDone());
        Tokens signedIn = rig.store.tokens(Duration.ZERO);
        assertEquals("alice", signedIn.username());
        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH"), requests.sent());

        Tokens refreshed = rig.store.refreshIfCurrent(signedIn);
        assertNotSame(signedIn, refreshed);
        assertEquals(signedIn.refreshToken(), refreshed.refreshToken(), "REFRESH_TOKEN_AUTH keeps the refresh token");
        assertEquals(1, requests.count("InitiateAuth REFRESH_TOKEN_AUTH"));
    }

    @Test
    void aWrongPasswordMayBeTriedAgainAndLeavesNothingToAnswer() {
        pool.createUser("alice", PASSWORD);

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class,
                () -> signIn.start("alice", "Wr0ng-password!".toCharArray()));

        assertTrue(wrong.canRetry());
        assertFalse(wrong.getMessage().contains("Wr0ng-password!"));
        assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
        assertTrue(signIn.start("alice", PASSWORD.toCharArray()).isDone());
    }

    @Test
    void aTemporaryPasswordIsReplacedOnTheFirstSignIn() {
        pool.createUserWithTemporaryPassword("bob", "Temp-0rary-pass");

        SignInStep step = signIn.start("bob", "Temp-0rary-pass".toCharArray());
        assertEquals(new SignInStep.NewPasswordRequired(List.of()), step);
        assertEquals(step, signIn.current());
        assertFalse(signIn.isSignedIn());

        assertTrue(signIn.confirm(NEW_PASSWORD).isDone());
        assertTrue(signIn.isSignedIn());
        assertEquals("bob", rig.store.tokens(Duration.ZERO).username());
        sessions.assertChained();

        signIn.signOut();
        assertTrue(signIn.start("bob", NEW_PASSWORD.toCharArray()).isDone(), "the new password is the password now");
    }

    @Test
    void anAuthenticatorCodeCompletesTheSignIn() {
        String secret = pool.createUserWithAuthenticatorApp("carol", PASSWORD);

        assertEquals(new SignInStep.TotpCode(), signIn.start("carol", PASSWORD.toCharArray()));
        assertTrue(signIn.confirm(pool.authenticatorCode(secret)).isDone());

        assertEquals("carol", rig.store.tokens(Duration.ZERO).username());
        assertEquals(List.of("InitiateAuth USER_PASSWORD_AUTH", "RespondToAuthChallenge"), requests.sent());
        sessions.assertChained();
    }

    @Test
    void aWrongCodeThenTheRightOneInTheSameStep() {
        String secret = pool.createUserWithAuthenticatorApp("carol", PASSWORD);
        SignInStep totp = signIn.start("carol", PASSWORD.toCharArray());
        String code = pool.authenticatorCode(secret);

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class, () -> signIn.confirm(wrong(code)));

        assertTrue(wrong.canRetry());
        assertFalse(wrong.getMessage().contains(wrong(code)), "codes stay out of messages");
        assertEquals(totp, signIn.current(), "the step is still answerable");
        assertTrue(signIn.confirm(code).isDone());
        assertEquals(2, requests.count("RespondToAuthChallenge"));
        sessions.assertChained();
    }

    @Test
    void aChoiceOfFactorsLeadsToTheAuthenticatorCode() {
        String secret = pool.createUserChoosingAFactor("dave", PASSWORD);

        SignInStep.MfaSelection selection = assertInstanceOf(SignInStep.MfaSelection.class,
                signIn.start("dave", PASSWORD.toCharArray()));
        assertTrue(selection.allowed().containsAll(List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA")), selection.toString());

        assertEquals(new SignInStep.TotpCode(), signIn.confirm("SOFTWARE_TOKEN_MFA"));
        assertTrue(signIn.confirm(pool.authenticatorCode(secret)).isDone());
        assertEquals("dave", rig.store.tokens(Duration.ZERO).username());
        sessions.assertChained();
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        pool.createUser("erin", PASSWORD);
        signIn.start("erin", PASSWORD.toCharArray());
        Tokens tokens = rig.store.tokens(Duration.ZERO);

        signIn.signOut();

        assertFalse(signIn.isSignedIn());
        assertEquals(1, requests.count("RevokeToken"));
        assertThrows(SignInRequiredException.class, () -> rig.store.tokens(Duration.ZERO));
        CompletionException refused = assertThrows(CompletionException.class,
                () -> rig.provider.refresh(tokens).toCompletableFuture().join());
        assertInstanceOf(SignInRequiredException.class, refused.getCause(), "Cognito no longer takes the refresh token");
    }
}
