package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Answers {@code SELECT_MFA_TYPE} (the chosen factor as {@code ANSWER}) and completes {@code MFA_SETUP} once the
 * authenticator app was verified with the session.
 */
final class MfaChoiceAnswer {

    private final ChallengeSessions sessions;
    private final SignInSteps steps;

    MfaChoiceAnswer(ChallengeSessions sessions, SignInSteps steps) {
        this.sessions = sessions;
        this.steps = steps;
    }

    JsonObject answerSelection(ChallengeSession session, Challenge.SelectMfa challenge, Map<String, String> responses) {
        String answer = Request.requiredParameter(responses, "ANSWER");
        MfaFactor chosen = challenge.choices().stream()
                .filter(factor -> factor.name().equals(answer))
                .findFirst()
                .orElseThrow(() -> CognitoException.invalidParameter(
                        "ANSWER must be one of " + challenge.choices() + ", the factors in MFAS_CAN_CHOOSE"));
        sessions.consume(session);
        return steps.factorChallenge(session.client(), session.user(), chosen);
    }

    JsonObject answerSetup(ChallengeSession session, Challenge.MfaSetup challenge) {
        if (challenge.stage() != Challenge.MfaSetup.Stage.VERIFIED) {
            throw new CognitoException("SoftwareTokenMFANotFoundException",
                    "Software Token MFA has not been enabled by the user.");
        }
        sessions.consume(session);
        return steps.signedIn(session.client(), session.user());
    }
}
