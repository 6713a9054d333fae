package dev.cognitosecured.it.account;

import static dev.cognitosecured.it.account.AccountRig.PASSWORD;
import static dev.cognitosecured.it.account.AccountRig.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.it.e2e.StandIns;
import dev.cognitosecured.it.e2e.Threads;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.AttributeUpdateStep;
import dev.cognitosecured.runtime.CallTimeoutException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.CodeExpiredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.CodePurpose;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.RequestGate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Issue 15 flows 2 (change password), 4 (attributes) and 7 (sign-out everywhere), and deleting the user,
 * through the AWS SDK against LocalCognito, for a user signed in through the pool's {@code SignIn}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccountFlowTest {

    @Test
    void anEmailChangeIsVerifiedWithTheCodeAfterAWrongOneAndAResend() {
        try (AccountRig rig = new AccountRig()) {
            rig.signedIn("alice");
            Account account = rig.account();
            assertEquals("alice@example.com", account.attributes().get("email"));

            Map<String, AttributeUpdateStep> steps = account.updateAttributes(
                    Map.of("email", "alice@example.org", "name", "Alice"));

            assertEquals(new AttributeUpdateStep.Done("name"), steps.get("name"));
            AttributeUpdateStep.ConfirmWithCode confirm =
                    assertInstanceOf(AttributeUpdateStep.ConfirmWithCode.class, steps.get("email"));
            assertEquals("a***@e***", confirm.delivery().destination());
            assertEquals("false", account.attributes().get("email_verified"));
            String first = rig.code("alice", CodePurpose.ATTRIBUTE_VERIFICATION);
            assertTrue(assertThrows(WrongAnswerException.class,
                    () -> account.confirmAttribute("email", wrong(first))).canRetry());

            rig.standIns.cognito().outbox().useFixedCode(wrong(first));
            assertEquals("email", account.sendVerificationCode("email").attribute());
            assertThrows(WrongAnswerException.class, () -> account.confirmAttribute("email", first),
                    "the resent code replaced the first");
            account.confirmAttribute("email", wrong(first));

            Map<String, String> now = account.attributes();
            assertEquals("alice@example.org", now.get("email"));
            assertEquals("true", now.get("email_verified"));
            assertEquals("Alice", now.get("name"));
            account.deleteAttributes(List.of("name"));
            assertFalse(account.attributes().containsKey("name"));
        }
    }

    @Test
    void aPhoneNumberChangeWaitsForItsVerificationAndItsCodeExpires() {
        try (AccountRig rig = new AccountRig()) {
            rig.signedIn("alice");
            Account account = rig.account();
            account.updateAttributes(Map.of("phone_number", "+12065551234"));
            assertFalse(account.attributes().containsKey("phone_number"), "kept until verified");
            assertEquals("+12065551234", rig.lastSent("alice", CodePurpose.ATTRIBUTE_VERIFICATION).destination());
            String code = rig.code("alice", CodePurpose.ATTRIBUTE_VERIFICATION);

            rig.standIns.clock().advance(Duration.ofHours(24));
            CodeExpiredException expired = assertThrows(CodeExpiredException.class,
                    () -> account.confirmAttribute("phone_number", code));
            assertTrue(expired.getMessage().contains("sendVerificationCode"), expired.getMessage());

            assertEquals("SMS", account.sendVerificationCode("phone_number").medium());
            account.confirmAttribute("phone_number", rig.code("alice", CodePurpose.ATTRIBUTE_VERIFICATION));
            assertEquals("+12065551234", account.attributes().get("phone_number"));
        }
    }

    @Test
    void aPasswordChangeNeedsTheOldPasswordAndGoesOneAtATime() throws Exception {
        try (AccountRig rig = new AccountRig()) {
            rig.signedIn("alice");
            Account account = rig.account();
            char[] newPassword = "N3w-password-2026".toCharArray();
            assertTrue(assertThrows(WrongAnswerException.class,
                    () -> account.changePassword("wrong".toCharArray(), newPassword)).canRetry());

            RequestGate gate = new RequestGate();
            rig.standIns.cognito().injectFault(Action.CHANGE_PASSWORD, Fault.holdAt(gate), 1);
            ExecutorService threads = Threads.platform("change", 1);
            try {
                Future<?> first = threads.submit(() -> account.changePassword(PASSWORD.toCharArray(), newPassword));
                gate.arrivals(1).get(Threads.STALL_SECONDS, TimeUnit.SECONDS);
                assertThrows(ChallengeInProgressException.class,
                        () -> account.changePassword(PASSWORD.toCharArray(), newPassword));
                assertEquals(2, rig.standIns.cognito().requestCount(Action.CHANGE_PASSWORD));
                gate.open();
                Threads.await(first, "the first change");
            } finally {
                Threads.stop(threads);
            }

            rig.app.service().logout();
            assertTrue(rig.app.service().login("alice", newPassword).isDone());
        }
    }

    @Test
    void signingOutEverywhereRevokesEveryDevicesTokensAndEndsTheSessionOnce() throws Exception {
        try (AccountRig rig = new AccountRig();
                CognitoIdentityProviderClient otherDevice = rig.standIns.sdkClient()) {
            rig.signedIn("alice");
            rig.app.service().todo("1");
            String elsewhere = otherDevice.initiateAuth(r -> r.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .clientId(rig.standIns.local().client().clientId())
                            .authParameters(Map.of("USERNAME", "alice", "PASSWORD", StandIns.PASSWORD)))
                    .authenticationResult().accessToken();

            rig.account().signOutEverywhere();

            assertEquals(List.of(SessionEnded.Reason.SIGNED_OUT_EVERYWHERE),
                    rig.app.events().of(SessionEnded.class).stream().map(SessionEnded::reason).toList());
            assertFalse(rig.app.store().isSignedIn());
            assertThrows(NotAuthorizedException.class, () -> otherDevice.getUser(r -> r.accessToken(elsewhere)),
                    "the other device's tokens are revoked too");
            long requests = rig.standIns.cognito().requestCount(Action.GET_USER);
            SignInRequiredException later = assertThrows(SignInRequiredException.class,
                    () -> rig.account().attributes());
            assertEquals(SessionEnded.Reason.SIGNED_OUT_EVERYWHERE, later.reason().orElseThrow());
            assertEquals(requests, rig.standIns.cognito().requestCount(Action.GET_USER), "nothing sent");
            assertThrows(SignInRequiredException.class, () -> rig.app.service().todo("1"));
            assertEquals(1, rig.standIns.cognito().requestCount(Action.GLOBAL_SIGN_OUT));
        }
    }

    @Test
    void aSignOutEverywhereFromAnotherDeviceEndsTheSessionAtTheNextAccountCall() {
        try (AccountRig rig = new AccountRig();
                CognitoIdentityProviderClient otherDevice = rig.standIns.sdkClient()) {
            rig.signedIn("alice");
            String elsewhere = otherDevice.initiateAuth(r -> r.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .clientId(rig.standIns.local().client().clientId())
                            .authParameters(Map.of("USERNAME", "alice", "PASSWORD", StandIns.PASSWORD)))
                    .authenticationResult().accessToken();
            otherDevice.globalSignOut(r -> r.accessToken(elsewhere));

            SignInRequiredException revoked = assertThrows(SignInRequiredException.class,
                    () -> rig.account().attributes());

            assertEquals(SessionEnded.Reason.REFRESH_TOKEN_REVOKED, revoked.reason().orElseThrow());
            assertEquals(List.of(SessionEnded.Reason.REFRESH_TOKEN_REVOKED),
                    rig.app.events().of(SessionEnded.class).stream().map(SessionEnded::reason).toList());
        }
    }

    @Test
    void aDeletedUserIsGoneAndTheSessionEnds() {
        try (AccountRig rig = new AccountRig()) {
            rig.signedIn("alice");

            rig.account().deleteUser();

            assertEquals(List.of(SessionEnded.Reason.USER_DELETED),
                    rig.app.events().of(SessionEnded.class).stream().map(SessionEnded::reason).toList());
            assertThrows(WrongAnswerException.class, () -> rig.app.service().login("alice", PASSWORD.toCharArray()));
        }
    }

    @Test
    void aSilentCognitoEndsTheCallAtCognitoTimeoutAndKeepsTheSession() {
        try (AccountRig rig = new AccountRig("cognito.timeout", "600ms")) {
            rig.signedIn("alice");
            rig.standIns.cognito().injectFault(Action.GET_USER, Fault.silent());

            CallTimeoutException timeout = assertThrows(CallTimeoutException.class, () -> rig.account().attributes());

            assertEquals(CallTimeoutException.Part.COGNITO, timeout.part());
            assertEquals("cognito-secured.cognito.timeout", timeout.key());
            assertTrue(rig.app.store().isSignedIn(), "the session is kept");
            rig.standIns.cognito().clearFaults();
            assertEquals("alice", rig.account().attributes().get("email").substring(0, 5));
        }
    }
}
