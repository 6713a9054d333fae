package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RespondToAuthChallenge}: checks the session (single use, not expired, this client's), the challenge
 * name, {@code USERNAME} and {@code SECRET_HASH}, then hands the answer to the challenge's checker.
 */
final class RespondToAuthChallengeAction implements ActionHandler {

    private final Directory directory;
    private final ChallengeSessions sessions;
    private final NewPasswordAnswer newPassword;
    private final MfaCodeAnswer mfaCode;
    private final MfaChoiceAnswer mfaChoice;
    private final PasswordVerifierAnswer passwordVerifier;
    private final CustomAuthRounds customAuth;
    private final ChoiceBasedSignIn userAuth;
    private final DeviceAnswers devices;

    RespondToAuthChallengeAction(Directory directory, ChallengeSessions sessions, NewPasswordAnswer newPassword,
            MfaCodeAnswer mfaCode, MfaChoiceAnswer mfaChoice, PasswordVerifierAnswer passwordVerifier,
            CustomAuthRounds customAuth, ChoiceBasedSignIn userAuth, DeviceAnswers devices) {
        this.userAuth = userAuth;
        this.directory = directory;
        this.sessions = sessions;
        this.newPassword = newPassword;
        this.mfaCode = mfaCode;
        this.mfaChoice = mfaChoice;
        this.passwordVerifier = passwordVerifier;
        this.customAuth = customAuth;
        this.devices = devices;
    }

    @Override
    public JsonObject handle(Request request) {
        String clientId = request.required("ClientId");
        String challengeName = request.required("ChallengeName");
        Map<String, String> responses = request.map("ChallengeResponses");
        ClientState client = directory.client(clientId);
        String sessionId = request.optional("Session")
                .or(() -> passwordVerifierSession(challengeName, responses))
                .orElseThrow(() -> CognitoException.invalidParameter("Missing required parameter Session"));
        ChallengeSession session = sessions.current(sessionId);
        if (session.client() != client || !session.challenge().name().equals(challengeName)) {
            throw CognitoException.notAuthorized(ChallengeSessions.INVALID);
        }
        String username = Request.requiredParameter(responses, "USERNAME");
        ClientSecrets.checkSecretHash(client, Optional.ofNullable(responses.get("SECRET_HASH")), username);
        if (!username.equals(session.user().username) && !username.equals(session.user().sub)) {
            throw CognitoException.notAuthorized(ChallengeSessions.INVALID);
        }
        return answer(session, responses);
    }

    private JsonObject answer(ChallengeSession session, Map<String, String> responses) {
        Challenge challenge = session.challenge();
        if (challenge instanceof Challenge.NewPassword) {
            return newPassword.answer(session, responses);
        } else if (challenge instanceof Challenge.DeliveredCodeCheck delivered) {
            return mfaCode.answerDelivered(session, delivered, responses);
        } else if (challenge instanceof Challenge.SoftwareToken) {
            return mfaCode.answerSoftwareToken(session, responses);
        } else if (challenge instanceof Challenge.SelectMfa select) {
            return mfaChoice.answerSelection(session, select, responses);
        } else if (challenge instanceof Challenge.MfaSetup setup) {
            return mfaChoice.answerSetup(session, setup);
        } else if (challenge instanceof Challenge.Custom custom) {
            return customAuth.answer(session, custom, responses);
        } else if (challenge instanceof Challenge.SignUpConfirmed) {
            throw CognitoException.notAuthorized(ChallengeSessions.INVALID);
        } else if (challenge instanceof Challenge.SelectFirstFactor select) {
            return userAuth.answerSelection(session, select, responses);
        } else if (challenge instanceof Challenge.FirstFactorCode code) {
            return userAuth.answerCode(session, code, responses);
        } else if (challenge instanceof Challenge.WebAuthn webAuthn) {
            return userAuth.answerWebAuthn(session, webAuthn, responses);
        } else if (challenge instanceof Challenge.DeviceSrp deviceSrp) {
            return devices.answerSrp(session, deviceSrp, responses);
        } else if (challenge instanceof Challenge.DevicePasswordVerifier deviceVerifier) {
            return devices.answerPasswordVerifier(session, deviceVerifier, responses);
        } else {
            return passwordVerifier.answer(session, (Challenge.PasswordVerifier) challenge, responses);
        }
    }

    /** Cognito's {@code PASSWORD_VERIFIER} may be answered without {@code Session}: the secret block names it. */
    private Optional<String> passwordVerifierSession(String challengeName, Map<String, String> responses) {
        if (!"PASSWORD_VERIFIER".equals(challengeName)) {
            return Optional.empty();
        }
        return Optional.ofNullable(responses.get("PASSWORD_CLAIM_SECRET_BLOCK")).flatMap(sessions::idOfSecretBlock);
    }
}
