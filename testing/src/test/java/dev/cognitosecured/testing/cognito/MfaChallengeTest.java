package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

class MfaChallengeTest {

    private static final String PASSWORD = "Corr3ct-horse";

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool(PoolSettings.defaults()
            .withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA, MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP));
    private final AppClient app = f.cognito.createClient(pool, true);
    private final String totpSecret = Totp.newSecret();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void withOptionalMfaAUserWithoutAFactorSignsInWithThePassword() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com"));

        assertNotNull(f.passwordAuth(app, "alice", PASSWORD).authenticationResult());
    }

    @Test
    void emailOtpSendsACodeThatCompletesTheSignIn() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com")
                .withMfa(MfaFactor.EMAIL_OTP));

        InitiateAuthResponse start = f.passwordAuth(app, "alice", PASSWORD);

        assertEquals(ChallengeNameType.EMAIL_OTP, start.challengeName());
        assertEquals("EMAIL", start.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
        assertEquals("a***@e***", start.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
        String code = f.cognito.lastCode(pool, "alice").orElseThrow();
        assertEquals(8, code.length());
        RespondToAuthChallengeResponse done = f.respond(app, ChallengeNameType.EMAIL_OTP, start.session(), "alice",
                Map.of("EMAIL_OTP_CODE", code));
        assertNull(done.challengeName());
        assertEquals(Boolean.TRUE, f.verifiedClaims(pool, done.authenticationResult().idToken()).getClaim("email_verified"));
    }

    @Test
    void aWrongEmailCodeCanBeRetriedInTheSameSession() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com")
                .withMfa(MfaFactor.EMAIL_OTP));
        String session = f.passwordAuth(app, "alice", PASSWORD).session();
        String code = f.cognito.lastCode(pool, "alice").orElseThrow();
        String wrong = code.equals("00000000") ? "11111111" : "00000000";

        assertRejected(CodeMismatchException.class, "Invalid code or auth state for the user.",
                () -> f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", wrong)));
        assertNotNull(f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", code))
                .authenticationResult());
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", code)));
    }

    @Test
    void smsMfaSendsASixDigitCodeToTheMaskedPhone() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("phone_number", "+12065551234")
                .withMfa(MfaFactor.SMS_MFA));

        InitiateAuthResponse start = f.passwordAuth(app, "alice", PASSWORD);

        assertEquals(ChallengeNameType.SMS_MFA, start.challengeName());
        assertEquals("SMS", start.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
        assertEquals("+*******1234", start.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
        String code = f.cognito.lastCode(pool, "alice").orElseThrow();
        assertEquals(6, code.length());
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertRejected(CodeMismatchException.class, "Invalid code received for user",
                () -> f.respond(app, ChallengeNameType.SMS_MFA, start.session(), "alice", Map.of("SMS_MFA_CODE", wrong)));
        assertNotNull(f.respond(app, ChallengeNameType.SMS_MFA, start.session(), "alice", Map.of("SMS_MFA_CODE", code))
                .authenticationResult());
    }

    @Test
    void aCodeIsOnlyValidAsLongAsItsSession() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("phone_number", "+12065551234")
                .withMfa(MfaFactor.SMS_MFA));
        String session = f.passwordAuth(app, "alice", PASSWORD).session();
        String code = f.cognito.lastCode(pool, "alice").orElseThrow();
        f.clock.advance(Duration.ofMinutes(3));

        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session is expired.",
                () -> f.respond(app, ChallengeNameType.SMS_MFA, session, "alice", Map.of("SMS_MFA_CODE", code)));
    }

    @Test
    void softwareTokenMfaAcceptsTheCurrentTotpOnce() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).softwareToken(totpSecret)
                .withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
        InitiateAuthResponse first = f.passwordAuth(app, "alice", PASSWORD);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, first.challengeName());
        String code = Totp.code(totpSecret, f.clock.instant());
        assertNotNull(f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, first.session(), "alice",
                Map.of("SOFTWARE_TOKEN_MFA_CODE", code)).authenticationResult());

        InitiateAuthResponse second = f.passwordAuth(app, "alice", PASSWORD);
        assertRejected(ExpiredCodeException.class, "Your software token has already been used once.",
                () -> f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, second.session(), "alice",
                        Map.of("SOFTWARE_TOKEN_MFA_CODE", code)));
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertNotNull(f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, second.session(), "alice",
                Map.of("SOFTWARE_TOKEN_MFA_CODE", Totp.code(totpSecret, f.clock.instant()))).authenticationResult());
    }

    @Test
    void aTotpFromTheNeighbouringStepIsAcceptedButNotFromFurther() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).softwareToken(totpSecret)
                .withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
        String session = f.passwordAuth(app, "alice", PASSWORD).session();
        String twoStepsAgo = Totp.code(totpSecret, f.clock.instant().minusSeconds(2L * Totp.STEP_SECONDS));
        String oneStepAgo = Totp.code(totpSecret, f.clock.instant().minusSeconds(Totp.STEP_SECONDS));
        String now = Totp.code(totpSecret, f.clock.instant());
        org.junit.jupiter.api.Assumptions.assumeTrue(!twoStepsAgo.equals(now) && !twoStepsAgo.equals(oneStepAgo));

        assertRejected(CodeMismatchException.class, "Invalid code received for user",
                () -> f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, session, "alice",
                        Map.of("SOFTWARE_TOKEN_MFA_CODE", twoStepsAgo)));
        assertNotNull(f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, session, "alice",
                Map.of("SOFTWARE_TOKEN_MFA_CODE", oneStepAgo)).authenticationResult());
    }

    @Test
    void severalFactorsWithoutAPreferenceAskTheUserToSelectOne() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com")
                .softwareToken(totpSecret).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP));

        InitiateAuthResponse start = f.passwordAuth(app, "alice", PASSWORD);
        assertEquals(ChallengeNameType.SELECT_MFA_TYPE, start.challengeName());
        assertEquals("[\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]", start.challengeParameters().get("MFAS_CAN_CHOOSE"));
        assertTrue(f.cognito.lastCode(pool, "alice").isEmpty(), "nothing is sent before the choice");

        RespondToAuthChallengeResponse chosen = f.respond(app, ChallengeNameType.SELECT_MFA_TYPE, start.session(), "alice",
                Map.of("ANSWER", "EMAIL_OTP"));
        assertEquals(ChallengeNameType.EMAIL_OTP, chosen.challengeName());
        assertNotEquals(start.session(), chosen.session());
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> f.respond(app, ChallengeNameType.SELECT_MFA_TYPE, start.session(), "alice",
                        Map.of("ANSWER", "SOFTWARE_TOKEN_MFA")));
        assertNotNull(f.respond(app, ChallengeNameType.EMAIL_OTP, chosen.session(), "alice",
                Map.of("EMAIL_OTP_CODE", f.cognito.lastCode(pool, "alice").orElseThrow())).authenticationResult());
    }

    @Test
    void thePreferredFactorIsUsedWithoutAsking() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com")
                .softwareToken(totpSecret).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA, MfaFactor.EMAIL_OTP)
                .preferredMfa(MfaFactor.SOFTWARE_TOKEN_MFA));

        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, f.passwordAuth(app, "alice", PASSWORD).challengeName());
    }

    @Test
    void fiveWrongCodesLockTheUserOut() {
        f.cognito.createUser(pool, NewUser.withPassword("alice", PASSWORD).attribute("email", "alice@example.com")
                .withMfa(MfaFactor.EMAIL_OTP));
        String session = f.passwordAuth(app, "alice", PASSWORD).session();
        String code = f.cognito.lastCode(pool, "alice").orElseThrow();
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 5; i++) {
            assertRejected(CodeMismatchException.class, "Invalid code or auth state for the user.",
                    () -> f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", wrong)));
        }

        assertRejected(NotAuthorizedException.class, "Password attempts exceeded",
                () -> f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", code)));
        f.clock.advance(Duration.ofSeconds(1));
        assertNotNull(f.respond(app, ChallengeNameType.EMAIL_OTP, session, "alice", Map.of("EMAIL_OTP_CODE", code))
                .authenticationResult());
    }

    @Test
    void withMfaOnAUserWithAPhoneGetsAnSmsCodeWithoutTurningItOn() {
        UserPool required = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SMS_MFA));
        AppClient client = f.cognito.createClient(required, false);
        f.cognito.createUser(required, NewUser.withPassword("carol", PASSWORD).attribute("phone_number", "+441632960961"));

        assertEquals(ChallengeNameType.SMS_MFA, f.passwordAuth(client, "carol", PASSWORD).challengeName());
    }
}
