package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ChallengeResponses} that answer a step (the identity provider adds {@code USERNAME} and
 * {@code SECRET_HASH}). An answer that cannot be right (an MFA type not offered, a required attribute
 * left out) is refused here, before Cognito sees it, with {@link WrongAnswerException}
 * ({@code canRetry() == true}). Messages never quote an answer.
 */
final class ChallengeAnswers {

    private ChallengeAnswers() {}

    /**
     * The responses that answer {@code step} with {@code answer}. Codes are stripped of surrounding
     * white space; a new password is taken as it is.
     *
     * @throws IllegalStateException for a step that is not answered with text alone (an authenticator
     *     app's set-up, or {@link SignInStep.Done})
     */
    static Map<String, String> of(String challengeName, SignInStep step, String answer) {
        if (step instanceof SignInStep.NewPasswordRequired required) {
            return newPassword(required, answer.toCharArray(), Map.of());
        } else if (step instanceof SignInStep.SmsCode) {
            return Map.of(ChallengeSteps.SMS_OTP.equals(challengeName) ? "SMS_OTP_CODE" : "SMS_MFA_CODE", answer.strip());
        } else if (step instanceof SignInStep.FirstFactorSelection selection) {
            return Map.of("ANSWER", firstFactor(selection, answer.strip()).name());
        } else if (step instanceof SignInStep.WebAuthnCredential) {
            return Map.of("CREDENTIAL", answer);
        } else if (step instanceof SignInStep.EmailCode) {
            return Map.of("EMAIL_OTP_CODE", answer.strip());
        } else if (step instanceof SignInStep.TotpCode) {
            return Map.of("SOFTWARE_TOKEN_MFA_CODE", answer.strip());
        } else if (step instanceof SignInStep.MfaSelection selection) {
            return Map.of("ANSWER", chosen(selection, answer.strip()));
        } else if (step instanceof SignInStep.CustomChallenge) {
            return Map.of("ANSWER", answer);
        } else if (step instanceof SignInStep.TotpSetup) {
            throw new IllegalStateException("an authenticator app's set-up is answered by VerifySoftwareToken,"
                    + " not by RespondToAuthChallenge");
        } else {
            throw new IllegalStateException("a completed sign-in takes no answer");
        }
    }

    /**
     * The responses that answer {@code NEW_PASSWORD_REQUIRED}: {@code NEW_PASSWORD} and
     * {@code userAttributes.<name>} for each attribute.
     *
     * @throws WrongAnswerException if an attribute the step requires is missing or blank
     */
    static Map<String, String> newPassword(SignInStep.NewPasswordRequired step, char[] password,
            Map<String, String> attributes) {
        List<String> missing = new ArrayList<>();
        for (String required : step.requiredAttributes()) {
            String value = attributes.get(required);
            if (value == null || value.isBlank()) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new WrongAnswerException("The new password must come with the user attributes " + missing
                    + ", which the user pool requires: answer with SignIn.confirmNewPassword(password, attributes).",
                    true, null);
        }
        Map<String, String> responses = new HashMap<>();
        attributes.forEach((name, value) -> responses.put("userAttributes." + name, value));
        responses.put("NEW_PASSWORD", new String(password));
        return responses;
    }

    private static FirstFactor firstFactor(SignInStep.FirstFactorSelection selection, String answer) {
        List<String> offered = selection.available().stream().filter(f -> !f.isPassword()).map(Enum::name).sorted()
                .toList();
        for (FirstFactor factor : selection.available()) {
            if (factor.name().equals(answer)) {
                if (factor.isPassword()) {
                    throw new WrongAnswerException("A password is chosen with SignIn.confirmPassword(password), which"
                            + " sends it with the choice.", true, null);
                }
                return factor;
            }
        }
        throw new WrongAnswerException("Choose one of the first factors " + offered
                + (selection.available().stream().anyMatch(FirstFactor::isPassword)
                        ? ", or answer with SignIn.confirmPassword(password)," : "")
                + " to continue signing in.", true, null);
    }

    private static String chosen(SignInStep.MfaSelection selection, String answer) {
        if (!selection.allowed().contains(answer)) {
            throw new WrongAnswerException("Choose one of the MFA types " + selection.allowed().stream().sorted().toList()
                    + " to continue signing in.", true, null);
        }
        return answer;
    }
}
