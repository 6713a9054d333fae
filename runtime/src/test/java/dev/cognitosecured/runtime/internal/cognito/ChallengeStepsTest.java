package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.spi.Challenge;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeStepsTest {

    /**
     * A number whose exponent BigDecimal cannot hold, in a list parameter: NumberFormatException escaped the
     * reading of the challenge. Found when JwtClaimsFuzzTest found the same in the JWT reading (seed input
     * {@code huge-exponent} of {@link SignInChallengeFuzzTest}).
     */
    @Test
    void aListParameterWithANumberWhoseExponentDoesNotFitCannotBeRead() {
        Challenge challenge = Challenge.of("NEW_PASSWORD_REQUIRED", Map.of("requiredAttributes", "[1e99999999999]"),
                "alice", "session");

        TransportException e = assertThrows(TransportException.class, () -> ChallengeSteps.of(challenge));

        assertEquals("Cognito's challenge NEW_PASSWORD_REQUIRED could not be read: its parameter requiredAttributes is"
                + " not a JSON array of strings. Start the sign-in again.", e.getMessage());
    }

    @Test
    void selectChallengeListsTheFirstFactorsItKnows() {
        Challenge challenge = Challenge.of("SELECT_CHALLENGE", Map.of(ChallengeResponses.AVAILABLE_CHALLENGES,
                "[\"PASSWORD\",\"PASSWORD_SRP\",\"EMAIL_OTP\",\"SMS_OTP\",\"WEB_AUTHN\",\"SOMETHING_NEW\"]"),
                "alice", "session");

        assertEquals(new SignInStep.FirstFactorSelection(EnumSet.allOf(FirstFactor.class)), ChallengeSteps.of(challenge));
    }

    @Test
    void aSmsOtpIsAnsweredWithItsOwnKeyAndASmsMfaWithTheOther() {
        Challenge otp = Challenge.of("SMS_OTP", Map.of("CODE_DELIVERY_DESTINATION", "+*******1234"), "alice", "s");
        Challenge mfa = Challenge.of("SMS_MFA", Map.of("CODE_DELIVERY_DESTINATION", "+*******1234"), "alice", "s");

        assertEquals(new SignInStep.SmsCode("+*******1234"), ChallengeSteps.of(otp));
        assertEquals(Map.of("SMS_OTP_CODE", "123456"), ChallengeAnswers.of("SMS_OTP", ChallengeSteps.of(otp), " 123456 "));
        assertEquals(Map.of("SMS_MFA_CODE", "123456"), ChallengeAnswers.of("SMS_MFA", ChallengeSteps.of(mfa), "123456"));
    }

    @Test
    void webAuthnShowsTheRequestOptionsAndTakesTheCredentialAsItIs() {
        String options = "{\"challenge\":\"abc\",\"rpId\":\"example.com\"}";
        Challenge challenge = Challenge.of("WEB_AUTHN", Map.of("CREDENTIAL_REQUEST_OPTIONS", options), "alice", "s");

        SignInStep step = ChallengeSteps.of(challenge);

        assertEquals(new SignInStep.WebAuthnCredential(options), step);
        assertEquals(Map.of("CREDENTIAL", " {\"id\":\"x\"} "), ChallengeAnswers.of("WEB_AUTHN", step, " {\"id\":\"x\"} "));
        assertThrows(TransportException.class,
                () -> ChallengeSteps.of(Challenge.of("WEB_AUTHN", Map.of(), "alice", "s")), "no options: unreadable");
    }

    @Test
    void aFirstFactorIsChosenByNameAndThePasswordOnlyWithIt() {
        SignInStep.FirstFactorSelection offered = new SignInStep.FirstFactorSelection(
                Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP, FirstFactor.EMAIL_OTP));

        assertEquals(Map.of("ANSWER", "EMAIL_OTP"), ChallengeAnswers.of("SELECT_CHALLENGE", offered, " EMAIL_OTP"));
        WrongAnswerException password = assertThrows(WrongAnswerException.class,
                () -> ChallengeAnswers.of("SELECT_CHALLENGE", offered, "PASSWORD"));
        assertTrue(password.getMessage().contains("confirmPassword"), password.getMessage());
        WrongAnswerException other = assertThrows(WrongAnswerException.class,
                () -> ChallengeAnswers.of("SELECT_CHALLENGE", offered, "Hunter2-typed-here-by-mistake"));
        assertTrue(other.canRetry());
        assertFalse(other.getMessage().contains("Hunter2"), "an answer is never quoted");
    }
}
