package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.cognito.ScriptedProvider.Call;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.SoftwareTokenAssociation;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sign-in flow over a real store and a scripted identity provider: which step each challenge is
 * shown as, what each answer sends, the {@code MFA_SETUP} sequence, and that no secret leaks.
 */
class CognitoSignInTest {

    private static final String USER = "alice";
    private static final String POOL_ID = "us-east-1_TestPool1";
    private static final Tokens TOKENS =
            Tokens.of("access-1", "id-1", Optional.of("refresh-1"), Duration.ofHours(1), USER);

    private final FakeTicker ticker = new FakeTicker(42);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordedEvents events = new RecordedEvents();
    private final DefaultSessionStore store = new DefaultSessionStore("default", provider, ticker, Duration.ZERO, events);
    private final ChallengeSlot slot = new ChallengeSlot("default", ticker, Duration.ofMinutes(3));
    private final CognitoSignIn signIn = new CognitoSignIn(store, slot, provider, POOL_ID);

    private static SignInResponse challenged(String name, String session, Map<String, String> parameters) {
        return new SignInResponse.Challenged(Challenge.of(name, parameters, USER, session));
    }

    private static SignInResponse challenged(String name, String session) {
        return challenged(name, session, Map.of("USER_ID_FOR_SRP", USER));
    }

    private static SignInResponse signedIn() {
        return new SignInResponse.Authenticated(TOKENS);
    }

    private SignInStep start() {
        return signIn.start(USER, "Passw0rd!".toCharArray());
    }

    @Nested
    class Steps {

        private SignInStep shownFor(String name, Map<String, String> parameters) {
            provider.then(challenged(name, "session-1", parameters));
            SignInStep step = start();
            assertEquals(step, signIn.current());
            return step;
        }

        @Test
        void noChallengeSignsIn() {
            provider.then(signedIn());
            assertTrue(start().isDone());
            assertTrue(signIn.isSignedIn());
            assertTrue(signIn.current().isDone());
            assertEquals(TOKENS, store.tokens(Duration.ZERO));
        }

        @Test
        void newPasswordRequiredListsTheRequiredAttributesByName() {
            SignInStep step = shownFor("NEW_PASSWORD_REQUIRED", Map.of("USER_ID_FOR_SRP", USER,
                    "requiredAttributes", "[\"userAttributes.name\",\"userAttributes.email\"]",
                    "userAttributes", "{\"email_verified\":\"true\"}"));
            assertEquals(new SignInStep.NewPasswordRequired(List.of("name", "email")), step);
            assertEquals(SignInStep.Kind.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED, step.kind());
        }

        @Test
        void codesSentBySmsOrEmailNameTheirMaskedDestination() {
            assertEquals(new SignInStep.SmsCode("+*******1234"), shownFor("SMS_MFA", Map.of(
                    "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS", "CODE_DELIVERY_DESTINATION", "+*******1234")));
            assertEquals(new SignInStep.EmailCode("a***@e***"), shownFor("EMAIL_OTP", Map.of(
                    "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL", "CODE_DELIVERY_DESTINATION", "a***@e***")));
        }

        @Test
        void anAuthenticatorCodeAndAChoiceOfFactors() {
            assertEquals(new SignInStep.TotpCode(), shownFor("SOFTWARE_TOKEN_MFA", Map.of()));
            SignInStep selection = shownFor("SELECT_MFA_TYPE",
                    Map.of("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"));
            assertEquals(new SignInStep.MfaSelection(Set.of("SMS_MFA", "SOFTWARE_TOKEN_MFA")), selection);
            assertEquals(SignInStep.Kind.CONTINUE_SIGN_IN_WITH_MFA_SELECTION, selection.kind());
        }

        @Test
        void aCustomChallengeShowsItsPublicParametersWithoutTheUserIds() {
            assertEquals(new SignInStep.CustomChallenge(Map.of("question", "favourite colour?")),
                    shownFor("CUSTOM_CHALLENGE", Map.of("question", "favourite colour?", "USERNAME", USER,
                            "USER_ID_FOR_SRP", USER)));
        }

        @Test
        void aChallengeTheFlowCannotAnswerEndsTheSignIn() {
            provider.then(challenged("DEVICE_SRP_AUTH", "session-1"));
            SignInRequiredException e = assertThrows(SignInRequiredException.class, CognitoSignInTest.this::start);
            assertTrue(e.getMessage().contains("DEVICE_SRP_AUTH"), e.getMessage());
            assertThrows(IllegalStateException.class, signIn::current);
            assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
        }

        @Test
        void aListParameterThatIsNotJsonIsReportedWithoutItsValue() {
            provider.then(challenged("SELECT_MFA_TYPE", "session-1", Map.of("MFAS_CAN_CHOOSE", "SMS_MFA,sEcReT")));
            TransportException e = assertThrows(TransportException.class, CognitoSignInTest.this::start);
            assertTrue(e.getMessage().contains("MFAS_CAN_CHOOSE"), e.getMessage());
            assertFalse(e.getMessage().contains("sEcReT"), e.getMessage());
        }
    }

    @Nested
    class Answers {

        private Call answered(String name, String answer) {
            provider.then(challenged(name, "session-1", Map.of("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"EMAIL_OTP\"]")),
                    signedIn());
            start();
            assertTrue(signIn.confirm(answer).isDone());
            Call respond = provider.calls().get(1);
            assertEquals("respond", respond.kind());
            assertEquals(name, respond.challenge());
            assertEquals("session-1", respond.session(), "answered with the session of the challenge");
            return respond;
        }

        @Test
        void eachCodeGoesUnderItsChallengesKeyStrippedOfSpaces() {
            assertEquals(Map.of("SMS_MFA_CODE", "123456"), answered("SMS_MFA", " 123456 ").responses());
        }

        @Test
        void anEmailCode() {
            assertEquals(Map.of("EMAIL_OTP_CODE", "12345678"), answered("EMAIL_OTP", "12345678").responses());
        }

        @Test
        void anAuthenticatorCode() {
            assertEquals(Map.of("SOFTWARE_TOKEN_MFA_CODE", "654321"),
                    answered("SOFTWARE_TOKEN_MFA", "654321").responses());
        }

        @Test
        void aChoiceOfFactor() {
            assertEquals(Map.of("ANSWER", "EMAIL_OTP"), answered("SELECT_MFA_TYPE", "EMAIL_OTP").responses());
        }

        @Test
        void aCustomAnswerAsItIs() {
            assertEquals(Map.of("ANSWER", " blue "), answered("CUSTOM_CHALLENGE", " blue ").responses());
        }

        @Test
        void aNewPasswordWithNoRequiredAttribute() {
            assertEquals(Map.of("NEW_PASSWORD", "N3w-password!"),
                    answered("NEW_PASSWORD_REQUIRED", "N3w-password!").responses());
        }

        @Test
        void aFactorThatIsNotOfferedIsRefusedBeforeCognitoSeesIt() {
            provider.then(challenged("SELECT_MFA_TYPE", "session-1",
                    Map.of("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]")));
            SignInStep selection = start();

            WrongAnswerException e = assertThrows(WrongAnswerException.class, () -> signIn.confirm("EMAIL_OTP"));
            assertTrue(e.canRetry());
            assertTrue(e.getMessage().contains("SMS_MFA"), e.getMessage());
            assertEquals(1, provider.calls().size(), "nothing was sent");
            assertEquals(selection, signIn.current());
        }

        @Test
        void aNewPasswordComesWithTheRequiredAttributes() {
            provider.then(challenged("NEW_PASSWORD_REQUIRED", "session-1", Map.of(
                    "requiredAttributes", "[\"userAttributes.name\"]")), signedIn());
            start();

            WrongAnswerException missing = assertThrows(WrongAnswerException.class,
                    () -> signIn.confirm("N3w-password!"));
            assertTrue(missing.canRetry());
            assertTrue(missing.getMessage().contains("[name]"), missing.getMessage());
            assertFalse(missing.getMessage().contains("N3w-password!"));
            assertEquals(1, provider.calls().size(), "nothing was sent");

            char[] newPassword = "N3w-password!".toCharArray();
            assertTrue(signIn.confirmNewPassword(newPassword, Map.of("name", "Alice", "locale", "en")).isDone());
            assertEquals(Map.of("NEW_PASSWORD", "N3w-password!", "userAttributes.name", "Alice",
                    "userAttributes.locale", "en"), provider.calls().get(1).responses());
            assertArrayEquals("N3w-password!".toCharArray(), newPassword, "the caller's array is the caller's");
        }

        @Test
        void aNewPasswordAnswerToAnotherStepIsRefusedAndTheStepStays() {
            provider.then(challenged("SMS_MFA", "session-1"));
            SignInStep sms = start();
            assertThrows(IllegalStateException.class, () -> signIn.confirmNewPassword("x".toCharArray(), Map.of()));
            assertEquals(sms, signIn.current());
            assertEquals(1, provider.calls().size());
        }

        @Test
        void aChainedChallengeIsAnsweredWithTheSessionOfTheResponseBeforeIt() {
            provider.then(challenged("NEW_PASSWORD_REQUIRED", "session-1"),
                    challenged("EMAIL_OTP", "session-2", Map.of("CODE_DELIVERY_DESTINATION", "b***@e***")),
                    signedIn());
            start();
            assertEquals(new SignInStep.EmailCode("b***@e***"), signIn.confirm("N3w-password!"));
            assertTrue(signIn.confirm("12345678").isDone());

            List<Call> calls = provider.calls();
            assertEquals("session-1", calls.get(1).session());
            assertEquals("session-2", calls.get(2).session());
            assertThrows(IllegalStateException.class, () -> signIn.confirm("12345678"), "nothing left to answer");
            assertEquals(3, calls.size());
        }

        @Test
        void aWrongCodeMayBeRetriedWithTheSameSession() {
            provider.then(challenged("SMS_MFA", "session-1"),
                    new WrongAnswerException("The code is wrong.", true, null), signedIn());
            SignInStep sms = start();
            assertThrows(WrongAnswerException.class, () -> signIn.confirm("000000"));
            assertEquals(sms, signIn.current());
            assertTrue(signIn.confirm("123456").isDone());
            assertEquals("session-1", provider.calls().get(2).session());
        }

        @Test
        void anAnswerToAChallengeOlderThanItsValidityIsNotSent() {
            provider.then(challenged("SMS_MFA", "session-1"));
            start();
            ticker.advance(Duration.ofMinutes(3));
            assertThrows(ChallengeExpiredException.class, () -> signIn.confirm("123456"));
            assertEquals(1, provider.calls().size());
            assertThrows(IllegalStateException.class, signIn::current);
        }

        @Test
        void blankAnswersAndAnswersWithNothingWaitingAreRefused() {
            assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
            assertThrows(IllegalArgumentException.class, () -> signIn.confirm(" "));
            assertThrows(IllegalArgumentException.class, () -> signIn.start(" ", "x".toCharArray()));
            assertThrows(IllegalArgumentException.class, () -> signIn.confirmNewPassword(new char[0], Map.of()));
            assertTrue(provider.calls().isEmpty());
        }

        @Test
        void whetherAnEmptyPasswordMaySignInIsTheProvidersToJudge() {
            // The default provider refuses it unless auth-flow=CUSTOM_AUTH (tested against LocalCognito
            // in CustomAuthSignInTest); the flow hands it on as it is.
            provider.then(signedIn());

            assertTrue(signIn.start(USER, new char[0]).isDone());
            assertEquals(1, provider.calls().size());
        }
    }

    @Nested
    class AuthenticatorSetUp {

        private final Challenge associated = Challenge.of("MFA_SETUP", Map.of(), USER, "session-2");

        private SignInStep.TotpSetup startSetUp() {
            provider.then(challenged("MFA_SETUP", "session-1", Map.of("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]",
                    "USER_ID_FOR_SRP", USER)), new SoftwareTokenAssociation("JBSWY3DPEHPK3PXP", associated));
            return assertInstanceOf(SignInStep.TotpSetup.class, start());
        }

        @Test
        void theKeyIsAskedForWithTheChallengesSessionAndShownWithAnOtpauthUri() {
            SignInStep.TotpSetup setUp = startSetUp();

            assertEquals("JBSWY3DPEHPK3PXP", setUp.sharedSecret());
            assertEquals("otpauth://totp/us-east-1_TestPool1:alice?secret=JBSWY3DPEHPK3PXP&issuer=us-east-1_TestPool1",
                    setUp.setupUri());
            assertFalse(setUp.toString().contains("JBSWY3DPEHPK3PXP"), setUp.toString());
            Call associate = provider.calls().get(1);
            assertEquals("associate", associate.kind());
            assertEquals("session-1", associate.session());
            assertEquals(setUp, signIn.current());
        }

        @Test
        void theFirstCodeIsVerifiedThenTheChallengeAnsweredEachWithTheSessionBefore() {
            startSetUp();
            provider.then(associated.withSession("session-3"), signedIn());

            assertTrue(signIn.confirm(" 123456").isDone());

            List<Call> calls = provider.calls();
            assertEquals(List.of("start", "associate", "verify", "respond"), calls.stream().map(Call::kind).toList());
            assertEquals("session-2", calls.get(2).session());
            assertEquals(Map.of("UserCode", "123456"), calls.get(2).responses());
            assertEquals("session-3", calls.get(3).session());
            assertEquals("MFA_SETUP", calls.get(3).challenge());
            assertEquals(Map.of(), calls.get(3).responses());
            assertTrue(signIn.isSignedIn());
        }

        @Test
        void aWrongFirstCodeMayBeRetried() {
            SignInStep.TotpSetup setUp = startSetUp();
            provider.then(new WrongAnswerException("The code is wrong.", true, null),
                    associated.withSession("session-3"), signedIn());

            assertThrows(WrongAnswerException.class, () -> signIn.confirm("000000"));
            assertEquals(setUp, signIn.current());
            assertTrue(signIn.confirm("123456").isDone());
            assertEquals("session-2", provider.calls().get(3).session(), "verified again with the same session");
        }

        @Test
        void aFailureAfterTheAppWasVerifiedEndsTheSignIn() {
            startSetUp();
            provider.then(associated.withSession("session-3"), new TransportException("Cognito failed", 500, null));
            assertThrows(TransportException.class, () -> signIn.confirm("123456"));
            assertThrows(IllegalStateException.class, signIn::current,
                    "session-2 is spent: the sign-in starts again (and the app is set up by then)");
        }

        @Test
        void aSetUpOfAnotherFactorIsRefused() {
            provider.then(challenged("MFA_SETUP", "session-1", Map.of("MFAS_CAN_SETUP", "[\"EMAIL_OTP\"]")));
            SignInRequiredException e = assertThrows(SignInRequiredException.class, CognitoSignInTest.this::start);
            assertTrue(e.getMessage().contains("EMAIL_OTP"), e.getMessage());
            assertEquals(1, provider.calls().size(), "no AssociateSoftwareToken");
        }
    }

    @Nested
    class PasswordAndSignOut {

        @Test
        void theProviderGetsACopyOfThePasswordClearedOnceItAnswered() {
            provider.then(challenged("SMS_MFA", "session-1"));
            char[] password = "Passw0rd!".toCharArray();
            signIn.start(USER, password);
            assertArrayEquals("Passw0rd!".toCharArray(), password, "the caller's array is the caller's to clear");
            assertArrayEquals(new char[password.length], provider.passwordSeen(), "the copy is cleared");
        }

        @Test
        void theCopyIsClearedAfterAFailureToo() {
            provider.then(new WrongAnswerException(CognitoFailures.WRONG_CREDENTIALS, true, null));
            assertThrows(WrongAnswerException.class, CognitoSignInTest.this::start);
            assertArrayEquals(new char[9], provider.passwordSeen());
        }

        @Test
        void signingOutEndsTheSessionAndRevokesItsRefreshToken() {
            provider.then(signedIn(), ScriptedProvider.NOTHING);
            start();
            signIn.signOut();

            assertFalse(signIn.isSignedIn());
            assertEquals(Map.of("TOKEN", "refresh-1"), provider.calls().get(1).responses());
            assertEquals(List.of(new SessionEnded("default", USER, SessionEnded.Reason.SIGNED_OUT)),
                    events.of(SessionEnded.class));
            assertThrows(IllegalStateException.class, signIn::current);
        }

        @Test
        void aFailedRevocationStillSignsOut() {
            provider.then(signedIn(), new TransportException("unreachable", null));
            start();
            signIn.signOut();
            assertFalse(signIn.isSignedIn());
        }

        @Test
        void aRevocationThatNeverEndsIsGivenUpAtTheStepTimeoutAndStillSignsOut() {
            ChallengeSlot quickSlot = new ChallengeSlot("default", ticker, Duration.ofMinutes(3), Duration.ofMillis(20));
            CognitoSignIn flow = new CognitoSignIn(store, quickSlot, provider, POOL_ID);
            CompletableFuture<Void> never = new CompletableFuture<>();
            provider.then(signedIn(), never);
            flow.start(USER, "Passw0rd!".toCharArray());
            Logger logger = Logger.getLogger(CognitoSignIn.class.getName());
            List<LogRecord> logged = new CopyOnWriteArrayList<>();
            Handler recorder = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            logger.addHandler(recorder);
            logger.setUseParentHandlers(false);
            try {
                flow.signOut(); // returns: the wait for the revocation has a bound
            } finally {
                logger.removeHandler(recorder);
                logger.setUseParentHandlers(true);
            }

            assertFalse(flow.isSignedIn());
            assertFalse(never.isDone(), "the provider's request is left to its own bound");
            assertEquals(1, logged.size());
            String warning = logged.get(0).getMessage();
            assertEquals(java.util.logging.Level.WARNING, logged.get(0).getLevel());
            assertTrue(warning.contains("The sign-out of pool 'default' ran out of time"), warning);
            assertTrue(warning.contains("cognito-secured.cognito.timeout"), warning);
            assertFalse(warning.contains("refresh-1"), warning);
        }

        @Test
        void signingOutAbandonsAChallengeThatWaits() {
            provider.then(challenged("SMS_MFA", "session-1"));
            start();
            signIn.signOut();
            assertThrows(IllegalStateException.class, signIn::current);
            assertThrows(IllegalStateException.class, () -> signIn.confirm("123456"));
            assertEquals(1, provider.calls().size(), "nobody signed in: nothing to revoke");
        }

        @Test
        void neitherTheFlowNorItsStepsShowASecret() {
            provider.then(challenged("SMS_MFA", "session-secret-1", Map.of("CODE_DELIVERY_DESTINATION", "+***1")));
            start();
            String shown = signIn + " " + signIn.current() + " " + store + " " + slot;
            assertFalse(shown.contains("session-secret-1"), shown);
            assertFalse(shown.contains("Passw0rd!"), shown);
            assertTrue(signIn.toString().contains("CONFIRM_SIGN_IN_WITH_SMS_CODE"), signIn.toString());
        }
    }
}
