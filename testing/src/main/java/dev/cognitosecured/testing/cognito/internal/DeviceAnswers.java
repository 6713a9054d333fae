package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.testing.cognito.srp.SrpOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Answers a device's proof in a sign-in: {@code DEVICE_SRP_AUTH} (the device's {@code SRP_A}; answered with
 * {@code DEVICE_PASSWORD_VERIFIER}: {@code SRP_B}, {@code SALT}, {@code SECRET_BLOCK}), then {@code
 * DEVICE_PASSWORD_VERIFIER} (the proof, checked with real SRP against the verifier {@code ConfirmDevice} sent, the
 * device group key standing for the pool name and the device key for the user name). Each session serves one answer,
 * right or wrong; a wrong proof is "Incorrect username or password." and counts towards the user's lockout.
 */
final class DeviceAnswers {

    private final ChallengeSessions sessions;
    private final SignInSteps steps;
    private final SrpAuthentication srp;
    private final InstantSource clock;

    DeviceAnswers(ChallengeSessions sessions, SignInSteps steps, SrpAuthentication srp, InstantSource clock) {
        this.sessions = sessions;
        this.steps = steps;
        this.srp = srp;
        this.clock = clock;
    }

    JsonObject answerSrp(ChallengeSession session, Challenge.DeviceSrp challenge, Map<String, String> responses) {
        DeviceState device = device(session, challenge.deviceKey(), responses);
        String srpA = Request.requiredParameter(responses, "SRP_A");
        SrpAuthentication.SrpStart started;
        try {
            started = srp.begin(device.verifier.orElseThrow(), srpA);
        } catch (IllegalArgumentException e) {
            throw CognitoException.invalidParameter(e.getMessage());
        }
        sessions.consume(session);
        return steps.challenge(session.client(), session.user(),
                new Challenge.DevicePasswordVerifier(started.check(), device.key),
                Json.createObjectBuilder()
                        .add("SALT", started.salt())
                        .add("SECRET_BLOCK", started.secretBlock())
                        .add("SRP_B", started.srpB())
                        .add("USERNAME", session.user().username));
    }

    JsonObject answerPasswordVerifier(ChallengeSession session, Challenge.DevicePasswordVerifier challenge,
            Map<String, String> responses) {
        DeviceState device = device(session, challenge.deviceKey(), responses);
        String signature = Request.requiredParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        String secretBlock = Request.requiredParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = Request.requiredParameter(responses, "TIMESTAMP");
        UserState user = session.user();
        Instant now = clock.instant();
        user.lockout.check(now);
        SrpOutcome outcome = challenge.check().check(secretBlock, timestamp, signature);
        sessions.consume(session);
        if (outcome == SrpOutcome.ALREADY_ANSWERED) {
            throw CognitoException.notAuthorized(ChallengeSessions.USED);
        }
        if (outcome != SrpOutcome.VERIFIED) {
            user.lockout.recordFailure(now);
            throw CognitoException.notAuthorized(Users.INCORRECT);
        }
        return steps.afterDevice(session.client(), user, device);
    }

    /** The confirmed device the challenge is for, which the answer's {@code DEVICE_KEY} must name. */
    private static DeviceState device(ChallengeSession session, String deviceKey, Map<String, String> responses) {
        String named = Request.requiredParameter(responses, "DEVICE_KEY");
        DeviceState device = session.user().devices.get(deviceKey);
        if (!deviceKey.equals(named) || device == null || !device.isConfirmed()) {
            throw CognitoException.resourceNotFound(DeviceActions.NO_DEVICE);
        }
        return device;
    }
}
