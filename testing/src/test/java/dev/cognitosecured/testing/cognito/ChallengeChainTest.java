package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;

/** Sign-ins that pass several challenges in a row, each answered with the session of the step before. */
class ChallengeChainTest {

    private final CognitoFixture f = new CognitoFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void newPasswordThenEmailCode() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.EMAIL_OTP));
        AppClient app = f.cognito.createClient(pool, true);
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary").attribute("email", "bob@example.com"));

        InitiateAuthResponse start = f.passwordAuth(app, "bob", "Temp-0rary");
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, start.challengeName());
        RespondToAuthChallengeResponse email = f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, start.session(),
                "bob", Map.of("NEW_PASSWORD", "N3w-password!"));
        assertEquals(ChallengeNameType.EMAIL_OTP, email.challengeName());
        String code = f.cognito.lastCode(pool, "bob").orElseThrow();

        // The seed failure: answering the second step with the first step's session.
        assertRejected(NotAuthorizedException.class, "Invalid session for the user, session can only be used once.",
                () -> f.respond(app, ChallengeNameType.EMAIL_OTP, start.session(), "bob", Map.of("EMAIL_OTP_CODE", code)));

        RespondToAuthChallengeResponse done = f.respond(app, ChallengeNameType.EMAIL_OTP, email.session(), "bob",
                Map.of("EMAIL_OTP_CODE", code));
        assertEquals("bob", f.verifiedClaims(pool, done.authenticationResult().accessToken()).getClaim("username"));
        assertEquals(3, f.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }

    @Test
    void newPasswordThenSoftwareTokenSetUpThenDone() {
        UserPool pool = f.cognito.createPool(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        AppClient app = f.cognito.createClient(pool, false);
        f.cognito.createUser(pool, NewUser.withTemporaryPassword("bob", "Temp-0rary"));

        InitiateAuthResponse start = f.passwordAuth(app, "bob", "Temp-0rary");
        RespondToAuthChallengeResponse setup = f.respond(app, ChallengeNameType.NEW_PASSWORD_REQUIRED, start.session(),
                "bob", Map.of("NEW_PASSWORD", "N3w-password!"));
        assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
        AssociateSoftwareTokenResponse associated = f.sdk.associateSoftwareToken(r -> r.session(setup.session()));
        VerifySoftwareTokenResponse verified = f.sdk.verifySoftwareToken(r -> r.session(associated.session())
                .userCode(Totp.code(associated.secretCode(), f.clock.instant())));
        RespondToAuthChallengeResponse done = f.respond(app, ChallengeNameType.MFA_SETUP, verified.session(), "bob",
                Map.of());

        assertNotNull(done.authenticationResult().refreshToken());
        assertEquals(1, f.cognito.requestCount(Action.ASSOCIATE_SOFTWARE_TOKEN));
        assertEquals(1, f.cognito.requestCount(Action.VERIFY_SOFTWARE_TOKEN));
        assertEquals(2, f.cognito.requestCount(Action.RESPOND_TO_AUTH_CHALLENGE));
    }
}
