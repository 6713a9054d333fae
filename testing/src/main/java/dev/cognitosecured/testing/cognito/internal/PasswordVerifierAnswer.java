package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.srp.SrpOutcome;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers {@code PASSWORD_VERIFIER}, the second half of {@code USER_SRP_AUTH}, through {@link SrpAuthentication}.
 * The session is used up by any proof, right or wrong. In a {@code CUSTOM_AUTH} sign-in that started with SRP, a
 * right proof leads to the pool's custom challenges ({@link CustomAuthRounds}) instead of the password's usual
 * next steps.
 *
 * <p>Errors: a {@code TIMESTAMP} that is not a date in Cognito's form at all is an {@code
 * InvalidParameterException} with Cognito's message; one that reads as a date but is not the exact form the
 * client must sign (a zero-padded day, a wrong weekday), a secret block other than the challenge's, and a wrong
 * signature are "Incorrect username or password.", as Cognito answers them. A timestamp too far from the clock
 * gets the same answer: what Cognito says then is not documented.
 */
final class PasswordVerifierAnswer {

    static final String TIMESTAMP_FORMAT = "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.";

    /** What reads as a date like {@code Tue Feb 3 04:05:06 UTC 2026}, before the exact form is checked. */
    private static final Pattern DATE_LIKE =
            Pattern.compile("\\p{Alpha}{3} \\p{Alpha}{3} \\d{1,2} \\d{1,2}:\\d{1,2}:\\d{1,2} \\p{Alpha}+ \\d{4}");

    private final ChallengeSessions sessions;
    private final SignInSteps steps;
    private final CustomAuthRounds customAuth;
    private final InstantSource clock;

    PasswordVerifierAnswer(ChallengeSessions sessions, SignInSteps steps, CustomAuthRounds customAuth,
            InstantSource clock) {
        this.sessions = sessions;
        this.steps = steps;
        this.customAuth = customAuth;
        this.clock = clock;
    }

    JsonObject answer(ChallengeSession session, Challenge.PasswordVerifier challenge, Map<String, String> responses) {
        String signature = Request.requiredParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        String secretBlock = Request.requiredParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = Request.requiredParameter(responses, "TIMESTAMP");
        if (!DATE_LIKE.matcher(timestamp).matches()) {
            throw CognitoException.invalidParameter(TIMESTAMP_FORMAT);
        }
        ClientState client = session.client();
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        steps.answerOnDevice(client, user, responses);
        SrpOutcome outcome = challenge.check().check(secretBlock, timestamp, signature);
        // The server's SRP values serve one proof: right or wrong, the sign-in must start again after it.
        sessions.consume(session);
        if (outcome == SrpOutcome.ALREADY_ANSWERED) {
            throw CognitoException.notAuthorized(ChallengeSessions.USED);
        }
        if (outcome != SrpOutcome.VERIFIED) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        Users.checkTemporaryPasswordAge(client, user, now);
        if (challenge.thenCustomAuth()) {
            return customAuth.next(client, user, List.of());
        }
        return steps.afterPassword(client, user);
    }
}
