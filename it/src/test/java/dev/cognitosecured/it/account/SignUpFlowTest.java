package dev.cognitosecured.it.account;

import static dev.cognitosecured.it.account.AccountRig.PASSWORD;
import static dev.cognitosecured.it.account.AccountRig.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.Threads;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.CodeDeliveryDetails;
import dev.cognitosecured.runtime.CodeExpiredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import dev.cognitosecured.runtime.TooManyAttemptsException;
import dev.cognitosecured.runtime.UsernameExistsException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 15 flow 1: sign-up, confirmation, a resent code, through the AWS SDK against LocalCognito. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SignUpFlowTest {

    private final AccountRig rig = new AccountRig();
    private final SignUp signUp = rig.signUp();

    @AfterEach
    void close() {
        rig.close();
    }

    private SignUpStep signUpBob() {
        return signUp.signUp("bob", PASSWORD.toCharArray(), Map.of("email", "bob@example.com", "name", "Bob"));
    }

    @Test
    void aNewUserConfirmsWithTheCodeSentByEmailAfterAWrongOneAndSignsIn() {
        SignUpStep step = signUpBob();

        SignUpStep.ConfirmSignUp confirm = assertInstanceOf(SignUpStep.ConfirmSignUp.class, step);
        assertEquals(SignUpStep.Kind.CONFIRM_SIGN_UP, step.kind());
        assertEquals(new CodeDeliveryDetails("b***@e***", "EMAIL", "email"), confirm.delivery().orElseThrow());
        assertFalse(confirm.userId().isEmpty());
        SignInRequiredException notYet = assertThrows(SignInRequiredException.class,
                () -> rig.app.service().login("bob", PASSWORD.toCharArray()));
        assertTrue(notYet.getMessage().contains("UserNotConfirmedException"), notYet.getMessage());

        String code = rig.code("bob", CodePurpose.SIGN_UP);
        WrongAnswerException wrongCode = assertThrows(WrongAnswerException.class,
                () -> signUp.confirmSignUp(wrong(code)));
        assertTrue(wrongCode.canRetry());
        assertFalse(wrongCode.getMessage().contains(code), "no code in a message");

        assertTrue(signUp.confirmSignUp(code).isDone());
        assertTrue(rig.app.service().login("bob", PASSWORD.toCharArray()).isDone());
        assertEquals(2, rig.standIns.cognito().requestCount(Action.CONFIRM_SIGN_UP));
        assertThrows(IllegalStateException.class, () -> signUp.confirmSignUp(code), "nothing in progress any more");
    }

    @Test
    void aResentCodeReplacesTheFirst() {
        signUpBob();
        String first = rig.code("bob", CodePurpose.SIGN_UP);
        rig.standIns.cognito().outbox().useFixedCode(wrong(first));

        CodeDeliveryDetails again = signUp.resendSignUpCode();

        assertEquals("b***@e***", again.destination());
        assertThrows(WrongAnswerException.class, () -> signUp.confirmSignUp(first));
        assertTrue(signUp.confirmSignUp("bob", wrong(first)).isDone());
        assertEquals(1, rig.standIns.cognito().requestCount(Action.RESEND_CONFIRMATION_CODE));
    }

    @Test
    void anExpiredCodeSaysToAskForANewOne() {
        signUpBob();
        String code = rig.code("bob", CodePurpose.SIGN_UP);
        rig.standIns.clock().advance(Duration.ofHours(24));

        CodeExpiredException expired = assertThrows(CodeExpiredException.class, () -> signUp.confirmSignUp(code));

        assertTrue(expired.getMessage().contains("SignUp.resendSignUpCode()"), expired.getMessage());
        signUp.resendSignUpCode();
        assertTrue(signUp.confirmSignUp(rig.code("bob", CodePurpose.SIGN_UP)).isDone());
    }

    @Test
    void aSecondAnswerWhileTheFirstIsOnItsWayIsRefusedLocally() throws Exception {
        signUpBob();
        String code = rig.code("bob", CodePurpose.SIGN_UP);
        RequestGate gate = new RequestGate();
        rig.standIns.cognito().injectFault(Action.CONFIRM_SIGN_UP, Fault.holdAt(gate), 1);
        ExecutorService threads = Threads.platform("confirm", 1);
        try {
            Future<SignUpStep> first = threads.submit(() -> signUp.confirmSignUp(code));
            gate.arrivals(1).get(Threads.STALL_SECONDS, TimeUnit.SECONDS);

            assertThrows(ChallengeInProgressException.class, () -> signUp.confirmSignUp(code));
            assertEquals(1, rig.standIns.cognito().requestCount(Action.CONFIRM_SIGN_UP), "the second never left");

            gate.open();
            assertTrue(Threads.await(first, "the first confirmation").isDone());
        } finally {
            Threads.stop(threads);
        }
    }

    @Test
    void aTakenNameAWeakPasswordAndTooManyCodesAreTyped() {
        signUpBob();
        assertThrows(UsernameExistsException.class, this::signUpBob);
        WrongAnswerException weak = assertThrows(WrongAnswerException.class,
                () -> signUp.signUp("carol", "short".toCharArray(), Map.of("email", "carol@example.com")));
        assertTrue(weak.getMessage().contains("password policy"), weak.getMessage());
        for (int i = 0; i < 4; i++) {
            signUp.resendSignUpCode("bob");
        }
        assertThrows(TooManyAttemptsException.class, () -> signUp.resendSignUpCode("bob"));
        assertEquals(5, rig.standIns.cognito().requestCount(Action.RESEND_CONFIRMATION_CODE), "not retried");
    }
}
