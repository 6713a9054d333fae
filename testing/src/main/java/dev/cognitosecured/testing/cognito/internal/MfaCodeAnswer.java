package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.MfaFactor;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Answers {@code SMS_MFA} ({@code SMS_MFA_CODE}), {@code EMAIL_OTP} ({@code EMAIL_OTP_CODE}) and {@code
 * SOFTWARE_TOKEN_MFA} ({@code SOFTWARE_TOKEN_MFA_CODE}). A wrong code leaves the session answerable and counts
 * towards the user's {@link Lockout}.
 */
final class MfaCodeAnswer {

    static final String SMS_OR_TOTP_MISMATCH = "Invalid code received for user";
    static final String EMAIL_MISMATCH = "Invalid code or auth state for the user.";

    private final ChallengeSessions sessions;
    private final SignInSteps steps;
    private final InstantSource clock;

    MfaCodeAnswer(ChallengeSessions sessions, SignInSteps steps, InstantSource clock) {
        this.sessions = sessions;
        this.steps = steps;
        this.clock = clock;
    }

    JsonObject answerDelivered(ChallengeSession session, Challenge.DeliveredCodeCheck challenge,
            Map<String, String> responses) {
        boolean sms = challenge.factor() == MfaFactor.SMS_MFA;
        String code = Request.requiredParameter(responses, sms ? "SMS_MFA_CODE" : "EMAIL_OTP_CODE");
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        if (!MessageDigest.isEqual(challenge.code().getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII))) {
            user.lockout.recordFailure(now);
            throw CognitoException.codeMismatch(sms ? SMS_OR_TOTP_MISMATCH : EMAIL_MISMATCH);
        }
        sessions.consume(session);
        user.attributes.put(sms ? "phone_number_verified" : "email_verified", "true");
        return steps.signedIn(session.client(), user);
    }

    JsonObject answerSoftwareToken(ChallengeSession session, Map<String, String> responses) {
        String code = Request.requiredParameter(responses, "SOFTWARE_TOKEN_MFA_CODE");
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        OptionalLong step = user.softwareTokenSecret
                .map(secret -> SoftwareTokens.matchingStep(secret, code, now))
                .orElse(OptionalLong.empty());
        if (step.isEmpty()) {
            user.lockout.recordFailure(now);
            throw CognitoException.codeMismatch(SMS_OR_TOTP_MISMATCH);
        }
        SoftwareTokens.use(user, step.getAsLong());
        sessions.consume(session);
        return steps.signedIn(session.client(), user);
    }
}
