package dev.cognitosecured.testing.cognito.internal;

import dev.cognitosecured.secretscan.IssuedSecrets;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.Totp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code AssociateSoftwareToken} and {@code VerifySoftwareToken}, either during a sign-in ({@code MFA_SETUP}, by
 * {@code Session}: each call uses up its session and returns a new one) or for a signed-in user (by {@code
 * AccessToken}).
 */
final class SoftwareTokenActions {

    static final String CODE_MISMATCH = "Code mismatch and fail enable Software Token MFA";

    private final ChallengeSessions sessions;
    private final TokenService tokens;
    private final InstantSource clock;

    SoftwareTokenActions(ChallengeSessions sessions, TokenService tokens, InstantSource clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code AssociateSoftwareToken}: a new secret for the user's authenticator app. */
    JsonObject associate(Request request) {
        Optional<String> sessionId = request.optional("Session");
        String secret = Totp.newSecret();
        IssuedSecrets.record(IssuedSecrets.Kind.SOFTWARE_TOKEN_KEY, secret);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("SecretCode", secret);
        if (sessionId.isPresent()) {
            ChallengeSession session = setupSession(sessionId.get(), Challenge.MfaSetup.Stage.TO_ASSOCIATE);
            sessions.consume(session);
            ChallengeSession next = sessions.open(session.client(), session.user(),
                    new Challenge.MfaSetup(Challenge.MfaSetup.Stage.TO_VERIFY, Optional.of(secret)));
            return answer.add("Session", next.id()).build();
        }
        UserState user = tokens.usableAccessToken(accessToken(request)).family().user;
        user.pendingSoftwareTokenSecret = Optional.of(secret);
        return answer.build();
    }

    /** {@code VerifySoftwareToken}: the first code from the app; the app is the user's software token from now on. */
    JsonObject verify(Request request) {
        String code = request.required("UserCode");
        Optional<String> sessionId = request.optional("Session");
        if (sessionId.isPresent()) {
            ChallengeSession session = setupSession(sessionId.get(), Challenge.MfaSetup.Stage.TO_VERIFY);
            Challenge.MfaSetup setup = (Challenge.MfaSetup) session.challenge();
            String secret = setup.secret().orElseThrow();
            UserState user = session.user();
            long step = matchingStep(secret, code);
            SoftwareTokens.use(user, step);
            sessions.consume(session);
            user.softwareTokenSecret = Optional.of(secret);
            user.enabledMfa.add(MfaFactor.SOFTWARE_TOKEN_MFA);
            if (user.preferredMfa.isEmpty()) {
                user.preferredMfa = Optional.of(MfaFactor.SOFTWARE_TOKEN_MFA);
            }
            ChallengeSession next = sessions.open(session.client(), user,
                    new Challenge.MfaSetup(Challenge.MfaSetup.Stage.VERIFIED, Optional.of(secret)));
            return Json.createObjectBuilder().add("Status", "SUCCESS").add("Session", next.id()).build();
        }
        UserState user = tokens.usableAccessToken(accessToken(request)).family().user;
        String secret = user.pendingSoftwareTokenSecret.orElseThrow(() -> new CognitoException(
                "SoftwareTokenMFANotFoundException", "Software Token MFA has not been associated with the user."));
        long step = matchingStep(secret, code);
        SoftwareTokens.use(user, step);
        user.softwareTokenSecret = Optional.of(secret);
        user.pendingSoftwareTokenSecret = Optional.empty();
        return Json.createObjectBuilder().add("Status", "SUCCESS").build();
    }

    private ChallengeSession setupSession(String id, Challenge.MfaSetup.Stage expected) {
        ChallengeSession session = sessions.current(id);
        if (!(session.challenge() instanceof Challenge.MfaSetup setup) || setup.stage() != expected) {
            throw CognitoException.notAuthorized(ChallengeSessions.INVALID);
        }
        return session;
    }

    private long matchingStep(String secret, String code) {
        OptionalLong step = SoftwareTokens.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new CognitoException("EnableSoftwareTokenMFAException", CODE_MISMATCH);
        }
        return step.getAsLong();
    }

    private static String accessToken(Request request) {
        return request.optional("AccessToken").orElseThrow(() -> CognitoException.invalidParameter(
                "Either AccessToken or Session must be provided"));
    }
}
