package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Answers {@code PASSWORD_VERIFIER}, the second half of {@code USER_SRP_AUTH}, through {@link SrpAuthentication}.
 * The session is used up by any proof, right or wrong.
 */
final class PasswordVerifierAnswer {

    private final ChallengeSessions sessions;
    private final SignInSteps steps;
    private final InstantSource clock;

    PasswordVerifierAnswer(ChallengeSessions sessions, SignInSteps steps, InstantSource clock) {
        this.sessions = sessions;
        this.steps = steps;
        this.clock = clock;
    }

    JsonObject answer(ChallengeSession session, Challenge.PasswordVerifier challenge, Map<String, String> responses) {
        String signature = Request.requiredParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        String secretBlock = Request.requiredParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = Request.requiredParameter(responses, "TIMESTAMP");
        ClientState client = session.client();
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        boolean proven = secretBlock.equals(challenge.secretBlock())
                && challenge.check().matches(secretBlock, timestamp, signature, now);
        // The server's SRP values serve one proof: right or wrong, the sign-in must start again after it.
        sessions.consume(session);
        if (!proven) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        Users.checkTemporaryPasswordAge(client, user, now);
        return steps.afterPassword(client, user);
    }
}
