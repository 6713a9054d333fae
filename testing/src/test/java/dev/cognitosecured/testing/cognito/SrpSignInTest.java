package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognitosecured.runtime.internal.cognito.srp.PasswordClaim;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpClient;
import dev.cognitosecured.runtime.internal.cognito.srp.SrpTimestamp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * {@code USER_SRP_AUTH} through the real AWS SDK client, with the runtime's SRP client (written separately from
 * LocalCognito's server side) computing {@code SRP_A} and the {@code PASSWORD_VERIFIER} answer.
 */
class SrpSignInTest {

    private static final String PASSWORD = "Corr3ct-horse";
    private static final String INCORRECT = "Incorrect username or password.";
    /** {@link CognitoFixture#START}, 2026-03-01T10:00:00Z, a Sunday, in Cognito's form. */
    private static final String NOW = "Sun Mar 1 10:00:00 UTC 2026";

    private final CognitoFixture f = new CognitoFixture();
    private final SecureRandom random = new SecureRandom();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, false);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theRightPasswordIsProvenAndGivesTokens() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);

        InitiateAuthResponse start = startSrp(app, "alice", srp);

        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, start.challengeName());
        Map<String, String> parameters = start.challengeParameters();
        assertEquals("alice", parameters.get("USER_ID_FOR_SRP"));
        assertEquals("alice", parameters.get("USERNAME"));
        assertTrue(parameters.get("SALT").matches("[0-9a-f]+"), "SALT is hexadecimal");
        assertTrue(parameters.get("SRP_B").matches("[0-9a-f]+"), "SRP_B is hexadecimal");
        assertNotNull(parameters.get("SECRET_BLOCK"));
        RespondToAuthChallengeResponse done = prove(app, start, srp, PASSWORD, timestampNow());
        JWTClaimsSet access = f.verifiedClaims(pool, done.authenticationResult().accessToken());
        assertEquals("alice", access.getClaim("username"));
        assertEquals("access", access.getClaim("token_use"));
        assertNotNull(done.authenticationResult().refreshToken());
        assertEquals(1, f.cognito.initiateAuthCount("USER_SRP_AUTH"));
        assertEquals(1, f.cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertEquals(0, f.cognito.initiateAuthCount("USER_PASSWORD_AUTH"));
    }

    @Test
    void theTimestampIsTheOneCognitoExpects() {
        assertEquals(NOW, timestampNow());
    }

    @Test
    void aWrongPasswordIsRefusedAndUsesUpTheSession() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);

        assertRejected(NotAuthorizedException.class, INCORRECT,
                () -> prove(app, start, srp, "Wr0ng-horse", NOW));
        assertRejected(NotAuthorizedException.class,
                "Invalid session for the user, session can only be used once.",
                () -> prove(app, start, srp, PASSWORD, NOW));
    }

    @Test
    void aRightProofCannotBeSentTwice() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);
        assertNotNull(prove(app, start, srp, PASSWORD, NOW).authenticationResult());

        assertRejected(NotAuthorizedException.class,
                "Invalid session for the user, session can only be used once.",
                () -> prove(app, start, srp, PASSWORD, NOW));
    }

    @Test
    void theAnswerMayNameItsChallengeByTheSecretBlockAlone() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);

        Map<String, String> answers = answer(start, srp, PASSWORD, NOW);
        answers.put("USERNAME", "alice");
        RespondToAuthChallengeResponse done = f.sdk.respondToAuthChallenge(r -> r.clientId(app.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answers));

        assertNotNull(done.authenticationResult());
    }

    @Test
    void aClientWithASecretSignsBothStepsWithTheUserIdForSrp() {
        AppClient secretive = f.cognito.createClient(pool, true);
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);

        InitiateAuthResponse start = startSrp(secretive, "alice", srp);

        assertNotNull(prove(secretive, start, srp, PASSWORD, NOW).authenticationResult());
        assertRejected(NotAuthorizedException.class, "Unable to verify secret hash for client " + secretive.clientId(),
                () -> f.sdk.initiateAuth(r -> r.clientId(secretive.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "SRP_A", srp.srpA(), "SECRET_HASH", "AAAA"))));
    }

    @Test
    void theSaltStaysTheSameUntilThePasswordChanges() {
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary"));
        String firstSalt = startSrp(app, "bob", SrpClient.start(random)).challengeParameters().get("SALT");
        assertEquals(firstSalt, startSrp(app, "bob", SrpClient.start(random)).challengeParameters().get("SALT"));

        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "bob", srp);
        RespondToAuthChallengeResponse next = prove(app, start, srp, "Temp-0rary", NOW);
        f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, next.session(), "bob",
                Map.of("NEW_PASSWORD", "N3w-password!"));

        assertNotEquals(firstSalt, startSrp(app, "bob", SrpClient.start(random)).challengeParameters().get("SALT"));
    }

    @Test
    void srpThenANewPasswordCompletesAndTheNewPasswordIsProvenNext() {
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary"));
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "bob", srp);

        RespondToAuthChallengeResponse next = prove(app, start, srp, "Temp-0rary", NOW);

        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, next.challengeName());
        assertEquals("bob", next.challengeParameters().get("USER_ID_FOR_SRP"));
        RespondToAuthChallengeResponse done = f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, next.session(),
                "bob", Map.of("NEW_PASSWORD", "N3w-password!"));
        assertEquals("bob", f.verifiedClaims(pool, done.authenticationResult().accessToken()).getClaim("username"));

        SrpClient withOld = SrpClient.start(random);
        InitiateAuthResponse oldAttempt = startSrp(app, "bob", withOld);
        assertRejected(NotAuthorizedException.class, INCORRECT,
                () -> prove(app, oldAttempt, withOld, "Temp-0rary", NOW));
        SrpClient withNew = SrpClient.start(random);
        assertNotNull(prove(app, startSrp(app, "bob", withNew), withNew, "N3w-password!", NOW).authenticationResult());
    }

    @Test
    void aTimestampTooFarFromTheClockIsRefused() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);
        String sixMinutesAgo = new SrpTimestamp(Clock.offset(utc(), Duration.ofMinutes(-6))).now();

        assertRejected(NotAuthorizedException.class, INCORRECT,
                () -> prove(app, start, srp, PASSWORD, sixMinutesAgo));
    }

    @Test
    void aTimestampFiveMinutesOffIsStillAccepted() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);
        String fiveMinutesAhead = new SrpTimestamp(Clock.offset(utc(), Duration.ofMinutes(5))).now();

        assertNotNull(prove(app, start, srp, PASSWORD, fiveMinutesAhead).authenticationResult());
    }

    @Test
    void aTimestampThatIsNoDateIsAnInvalidParameterAndLeavesTheSessionUsable() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);

        assertRejected(InvalidParameterException.class,
                "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.",
                () -> prove(app, start, srp, PASSWORD, "2026-03-01T10:00:00Z"));
        assertNotNull(prove(app, start, srp, PASSWORD, NOW).authenticationResult());
    }

    @Test
    void aDateNotInTheExactFormIsAWrongProofEvenWhenSignedAsSent() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient padded = SrpClient.start(random);
        InitiateAuthResponse first = startSrp(app, "alice", padded);
        SrpClient wrongWeekday = SrpClient.start(random);
        InitiateAuthResponse second = startSrp(app, "alice", wrongWeekday);

        assertRejected(NotAuthorizedException.class, INCORRECT,
                () -> prove(app, first, padded, PASSWORD, "Sun Mar 01 10:00:00 UTC 2026"));
        assertRejected(NotAuthorizedException.class, INCORRECT,
                () -> prove(app, second, wrongWeekday, PASSWORD, "Mon Mar 1 10:00:00 UTC 2026"));
    }

    @Test
    void anUnacceptableSrpAIsAnInvalidParameter() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        String n = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
                + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

        assertRejected(InvalidParameterException.class, "SRP_A is zero modulo N, which SRP-6a refuses",
                () -> initiate(app, Map.of("USERNAME", "alice", "SRP_A", "0")));
        assertRejected(InvalidParameterException.class, "SRP_A is zero modulo N, which SRP-6a refuses",
                () -> initiate(app, Map.of("USERNAME", "alice", "SRP_A", n)));
        assertRejected(InvalidParameterException.class, "SRP_A is not a hexadecimal number",
                () -> initiate(app, Map.of("USERNAME", "alice", "SRP_A", "not-hex")));
        assertRejected(InvalidParameterException.class, "Missing required parameter SRP_A",
                () -> initiate(app, Map.of("USERNAME", "alice")));
    }

    @Test
    void fiveWrongProofsLockTheUserOut() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            SrpClient srp = SrpClient.start(random);
            InitiateAuthResponse start = startSrp(app, "alice", srp);
            assertRejected(NotAuthorizedException.class, INCORRECT, () -> prove(app, start, srp, "Wr0ng-horse", NOW));
        }

        assertRejected(NotAuthorizedException.class, "Password attempts exceeded",
                () -> startSrp(app, "alice", SrpClient.start(random)));
        f.clock.advance(Duration.ofSeconds(1));
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);
        assertNotNull(prove(app, start, srp, PASSWORD, NOW).authenticationResult());
    }

    @Test
    void anExpiredSessionIsRefused() {
        f.cognito.createUser(pool, "alice", PASSWORD);
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "alice", srp);
        f.clock.advance(Duration.ofMinutes(3));

        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session is expired.",
                () -> prove(app, start, srp, PASSWORD, timestampNow()));
    }

    @Test
    void anUnknownUserGetsAChallengeNoProofPasses() {
        SrpClient srp = SrpClient.start(random);
        InitiateAuthResponse start = startSrp(app, "nobody", srp);

        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, start.challengeName());
        assertRejected(NotAuthorizedException.class, INCORRECT, () -> prove(app, start, srp, PASSWORD, NOW));
    }

    @Test
    void aClientAllowingUserExistenceErrorsSaysTheUserDoesNotExist() {
        AppClient telling = f.cognito.createClient(pool, ClientSettings.defaults().withUserExistenceErrors());

        assertRejected(UserNotFoundException.class, "User does not exist.",
                () -> startSrp(telling, "nobody", SrpClient.start(random)));
    }

    @Test
    void aClientThatDoesNotAllowSrpRefusesIt() {
        AppClient passwordOnly = f.cognito.createClient(pool,
                ClientSettings.defaults().withAuthFlows(ExplicitAuthFlow.USER_PASSWORD_AUTH));
        f.cognito.createUser(pool, "alice", PASSWORD);

        assertRejected(InvalidParameterException.class, "USER_SRP_AUTH flow not enabled for this client",
                () -> startSrp(passwordOnly, "alice", SrpClient.start(random)));
    }

    private InitiateAuthResponse startSrp(AppClient client, String username, SrpClient srp) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("USERNAME", username);
        parameters.put("SRP_A", srp.srpA());
        client.clientSecret().ifPresent(secret ->
                parameters.put("SECRET_HASH", CognitoFixture.secretHash(secret, username, client.clientId())));
        return initiate(client, parameters);
    }

    private InitiateAuthResponse initiate(AppClient client, Map<String, String> parameters) {
        return f.sdk.initiateAuth(r -> r.clientId(client.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(parameters));
    }

    /** The {@code PASSWORD_VERIFIER} answer as a client sends it, with {@code SECRET_HASH} for a client secret. */
    private RespondToAuthChallengeResponse prove(AppClient client, InitiateAuthResponse start, SrpClient srp,
            String password, String timestamp) {
        String userIdForSrp = start.challengeParameters().get("USER_ID_FOR_SRP");
        return f.respond(client, ChallengeNameType.PASSWORD_VERIFIER, start.session(), userIdForSrp,
                answer(start, srp, password, timestamp));
    }

    private Map<String, String> answer(InitiateAuthResponse start, SrpClient srp, String password, String timestamp) {
        Map<String, String> parameters = start.challengeParameters();
        PasswordClaim claim = srp.passwordClaim(SrpClient.poolName(pool.id()), parameters.get("USER_ID_FOR_SRP"),
                password.toCharArray(), parameters.get("SRP_B"), parameters.get("SALT"),
                parameters.get("SECRET_BLOCK"), timestamp);
        Map<String, String> answers = new HashMap<>();
        answers.put("PASSWORD_CLAIM_SIGNATURE", claim.signature());
        answers.put("PASSWORD_CLAIM_SECRET_BLOCK", parameters.get("SECRET_BLOCK"));
        answers.put("TIMESTAMP", claim.timestamp());
        return answers;
    }

    private String timestampNow() {
        return new SrpTimestamp(utc()).now();
    }

    private Clock utc() {
        return f.clock.withZone(ZoneOffset.UTC);
    }
}
