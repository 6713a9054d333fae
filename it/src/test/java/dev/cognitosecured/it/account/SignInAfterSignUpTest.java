package dev.cognitosecured.it.account;

import static dev.cognitosecured.it.account.AccountRig.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.CodePurpose;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15 flow 1's last part: right after the sign-up is confirmed, {@code SignUp.signInNow()} signs the user in
 * without the password, with the session {@code ConfirmSignUp} returned ({@code InitiateAuth USER_AUTH}), through
 * the AWS SDK against LocalCognito, in the application's CDI container. The session is used once and expires.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SignInAfterSignUpTest {

    private final AccountRig rig = new AccountRig();
    private final SignUp signUp = rig.signUp();

    @AfterEach
    void close() {
        rig.close();
    }

    private void signUpAndConfirmBob() {
        signUp.signUp("bob", PASSWORD.toCharArray(), Map.of("email", "bob@example.com", "name", "Bob"));
        assertTrue(signUp.confirmSignUp(rig.code("bob", CodePurpose.SIGN_UP)).isDone());
    }

    @Test
    void theConfirmedUserIsSignedInWithoutThePassword() {
        signUpAndConfirmBob();
        assertFalse(rig.app.store().isSignedIn());

        assertTrue(signUp.signInNow().isDone());

        assertTrue(rig.app.store().isSignedIn());
        assertTrue(rig.app.signIn("default").isSignedIn());
        assertEquals(1, rig.standIns.cognito().initiateAuthCount("USER_AUTH"));
        assertEquals(0, rig.standIns.cognito().initiateAuthCount("USER_SRP_AUTH"), "no password asked");
        assertEquals(0, rig.standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }

    @Test
    void theSessionIsUsedOnce() {
        signUpAndConfirmBob();
        assertTrue(signUp.signInNow().isDone());
        rig.app.signIn("default").signOut();

        IllegalStateException used = assertThrows(IllegalStateException.class, signUp::signInNow);

        assertTrue(used.getMessage().contains("SignIn.start"), used.getMessage());
        assertEquals(1, rig.standIns.cognito().initiateAuthCount("USER_AUTH"), "nothing sent the second time");
    }

    @Test
    void aSessionCognitoNoLongerAcceptsIsReportedAsExpired() {
        signUpAndConfirmBob();
        rig.standIns.clock().advance(Duration.ofMinutes(4));

        assertThrows(ChallengeExpiredException.class, signUp::signInNow);

        assertFalse(rig.app.store().isSignedIn());
        assertTrue(rig.app.service().login("bob", PASSWORD.toCharArray()).isDone(), "the password still works");
    }

    @Test
    void withoutAConfirmationHereThereIsNothingToSignInWith() {
        assertThrows(IllegalStateException.class, signUp::signInNow);
        assertEquals(0, rig.standIns.cognito().requestCount(Action.INITIATE_AUTH));
    }
}
