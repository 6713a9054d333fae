package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

class MfaSetupTest {

    private static final String PASSWORD = "Corr3ct-horse";

    private final CognitoFixture f = new CognitoFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void requiredMfaWithoutAFactorSetsUpASoftwareTokenSessionBySession() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", PASSWORD);

        InitiateAuthResponse start = f.passwordAuth(app, "alice", PASSWORD);
        assertEquals(ChallengeNameType.MFA_SETUP, start.challengeName());
        assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", start.challengeParameters().get("MFAS_CAN_SETUP"));

        AssociateSoftwareTokenResponse associated = f.sdk.associateSoftwareToken(r -> r.session(start.session()));
        String secret = associated.secretCode();
        assertEquals(32, secret.length());
        assertNotEquals(start.session(), associated.session());
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> f.sdk.associateSoftwareToken(r -> r.session(start.session())));

        VerifySoftwareTokenResponse verified = f.sdk.verifySoftwareToken(r -> r.session(associated.session())
                .userCode(Totp.code(secret, f.clock.instant())).friendlyDeviceName("phone"));
        assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
        assertNotEquals(associated.session(), verified.session());

        assertNotNull(f.respond(app, ChallengeNameType.MFA_SETUP, verified.session(), "alice", Map.of())
                .authenticationResult());
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> f.respond(app, ChallengeNameType.MFA_SETUP, verified.session(), "alice", Map.of()));

        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        InitiateAuthResponse next = f.passwordAuth(app, "alice", PASSWORD);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, next.challengeName());
        assertNotNull(f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, next.session(), "alice",
                Map.of("SOFTWARE_TOKEN_MFA_CODE", Totp.code(secret, f.clock.instant()))).authenticationResult());
    }

    @Test
    void aWrongFirstCodeIsRefusedAndTheSetUpSessionStaysUsable() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", PASSWORD);
        String session = f.passwordAuth(app, "alice", PASSWORD).session();
        AssociateSoftwareTokenResponse associated = f.sdk.associateSoftwareToken(r -> r.session(session));
        String right = Totp.code(associated.secretCode(), f.clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertRejected(EnableSoftwareTokenMfaException.class, "Code mismatch and fail enable Software Token MFA",
                () -> f.sdk.verifySoftwareToken(r -> r.session(associated.session()).userCode(wrong)));
        assertEquals(VerifySoftwareTokenResponseType.SUCCESS,
                f.sdk.verifySoftwareToken(r -> r.session(associated.session()).userCode(right)).status());
    }

    @Test
    void completingTheSetUpBeforeVerifyingIsRefused() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", PASSWORD);
        String session = f.passwordAuth(app, "alice", PASSWORD).session();

        assertRejected(SoftwareTokenMfaNotFoundException.class, "Software Token MFA has not been enabled by the user.",
                () -> f.respond(app, ChallengeNameType.MFA_SETUP, session, "alice", Map.of()));
        assertRejected(NotAuthorizedException.class, "Invalid session for the user.",
                () -> f.sdk.verifySoftwareToken(r -> r.session(session).userCode("123456")));
    }

    @Test
    void aSignedInUserEnrolsAnAuthenticatorWithTheAccessToken() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, "alice", PASSWORD);
        String accessToken = f.passwordAuth(app, "alice", PASSWORD).authenticationResult().accessToken();

        assertRejected(InvalidParameterException.class, "User has not verified software token mfa",
                () -> f.sdk.setUserMFAPreference(r -> r.accessToken(accessToken)
                        .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
        AssociateSoftwareTokenResponse associated = f.sdk.associateSoftwareToken(r -> r.accessToken(accessToken));
        assertNull(associated.session());
        assertEquals(VerifySoftwareTokenResponseType.SUCCESS, f.sdk.verifySoftwareToken(r -> r.accessToken(accessToken)
                .userCode(Totp.code(associated.secretCode(), f.clock.instant()))).status());
        f.sdk.setUserMFAPreference(r -> r.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), f.sdk.getUser(r -> r.accessToken(accessToken)).userMFASettingList());
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, f.passwordAuth(app, "alice", PASSWORD).challengeName());
    }
}
