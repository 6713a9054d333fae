package dev.cognitosecured.it.account;

import static dev.cognitosecured.it.account.AccountRig.PASSWORD;
import static dev.cognitosecured.it.account.AccountRig.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.Threads;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.CodeExpiredException;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.ResetPasswordStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 15 flow 2: a forgotten password reset by a code, through the AWS SDK against LocalCognito. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PasswordResetFlowTest {

    private static final char[] NEW_PASSWORD = "N3w-password-2026".toCharArray();

    private final AccountRig rig = new AccountRig();
    private final PasswordReset reset = rig.passwordReset();

    @BeforeEach
    void alice() {
        rig.standIns.user(NewUser.withPassword("alice", PASSWORD)
                .attribute("email", "alice@example.com").attribute("email_verified", "true"));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void theCodeSentToTheVerifiedEmailSetsTheNewPasswordAfterAWrongOne() {
        ResetPasswordStep step = reset.resetPassword("alice");

        ResetPasswordStep.ConfirmWithCode confirm = assertInstanceOf(ResetPasswordStep.ConfirmWithCode.class, step);
        assertEquals("a***@e***", confirm.delivery().destination());
        String code = rig.code("alice", CodePurpose.FORGOT_PASSWORD);
        WrongAnswerException wrongCode = assertThrows(WrongAnswerException.class,
                () -> reset.confirmResetPassword("alice", wrong(code), NEW_PASSWORD));
        assertTrue(wrongCode.canRetry());
        WrongAnswerException weak = assertThrows(WrongAnswerException.class,
                () -> reset.confirmResetPassword("alice", code, "weak".toCharArray()));
        assertTrue(weak.getMessage().contains("password policy"), weak.getMessage());

        assertTrue(reset.confirmResetPassword("alice", code, NEW_PASSWORD).isDone());

        assertThrows(WrongAnswerException.class, () -> rig.app.service().login("alice", PASSWORD.toCharArray()));
        assertTrue(rig.app.service().login("alice", NEW_PASSWORD.clone()).isDone());
    }

    @Test
    void aCodeExpiresAfterAnHourAndASecondResetSendsANewOne() {
        reset.resetPassword("alice");
        String first = rig.code("alice", CodePurpose.FORGOT_PASSWORD);
        rig.standIns.clock().advance(Duration.ofHours(1));

        CodeExpiredException expired = assertThrows(CodeExpiredException.class,
                () -> reset.confirmResetPassword("alice", first, NEW_PASSWORD));
        assertTrue(expired.getMessage().contains("resetPassword"), expired.getMessage());

        reset.resetPassword("alice");
        assertTrue(reset.confirmResetPassword("alice", rig.code("alice", CodePurpose.FORGOT_PASSWORD), NEW_PASSWORD)
                .isDone());
        assertEquals(2, rig.standIns.cognito().requestCount(Action.FORGOT_PASSWORD));
    }

    @Test
    void aSecondConfirmationWhileTheFirstIsOnItsWayIsRefusedLocally() throws Exception {
        reset.resetPassword("alice");
        String code = rig.code("alice", CodePurpose.FORGOT_PASSWORD);
        RequestGate gate = new RequestGate();
        rig.standIns.cognito().injectFault(Action.CONFIRM_FORGOT_PASSWORD, Fault.holdAt(gate), 1);
        ExecutorService threads = Threads.platform("reset", 1);
        try {
            Future<ResetPasswordStep> first = threads.submit(() -> reset.confirmResetPassword("alice", code,
                    NEW_PASSWORD));
            gate.arrivals(1).get(Threads.STALL_SECONDS, TimeUnit.SECONDS);

            assertThrows(ChallengeInProgressException.class,
                    () -> reset.confirmResetPassword("alice", code, NEW_PASSWORD));
            assertEquals(1, rig.standIns.cognito().requestCount(Action.CONFIRM_FORGOT_PASSWORD));

            gate.open();
            assertTrue(Threads.await(first, "the first confirmation").isDone());
        } finally {
            Threads.stop(threads);
        }
    }
}
