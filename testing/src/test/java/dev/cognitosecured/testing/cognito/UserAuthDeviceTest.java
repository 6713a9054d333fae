package dev.cognitosecured.testing.cognito;

import static dev.cognitosecured.testing.cognito.CognitoFixture.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * LocalCognito honours {@code DEVICE_KEY} in choice-based sign-in ({@code USER_AUTH}) as in {@code USER_SRP_AUTH},
 * through the real AWS SDK: a sign-in that names no device gets {@code NewDeviceMetadata}; one that names a confirmed
 * device is asked to prove it ({@code DEVICE_SRP_AUTH}) after the password instead of the second factor; the tokens
 * of a code first factor name the device and issue no new one; a key that names no device of the user is
 * {@code ResourceNotFoundException} "Device does not exist.", at the start and in a first factor's answer.
 */
class UserAuthDeviceTest {

    private static final String PASSWORD = "Corr3ct-horse";

    private final CognitoFixture f = new CognitoFixture();
    private final String totpSecret = Totp.newSecret();
    private UserPool pool;
    private AppClient app;
    private LocalUser erin;

    @BeforeEach
    void pool() {
        pool = f.cognito.createPool(PoolSettings.defaults()
                .withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(DeviceTracking.alwaysRemember()));
        f.cognito.setSignInPolicy(pool, "localhost", AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP);
        app = f.cognito.createClient(pool, false);
        erin = f.cognito.createUser(pool, NewUser.withPassword("erin", PASSWORD).attribute("email", "erin@example.com")
                .softwareToken(totpSecret).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private InitiateAuthResponse userAuth(Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("USERNAME", "erin");
        return f.sdk.initiateAuth(r -> r.clientId(app.clientId()).authFlow(AuthFlowType.USER_AUTH).authParameters(all));
    }

    private InitiateAuthResponse passwordFirst(Map<String, String> device) {
        Map<String, String> parameters = new HashMap<>(device);
        parameters.put("PREFERRED_CHALLENGE", "PASSWORD");
        parameters.put("PASSWORD", PASSWORD);
        return userAuth(parameters);
    }

    /** A first sign-in with the password and the app's code, whose device is confirmed (and so remembered). */
    private String confirmedDevice() {
        InitiateAuthResponse first = passwordFirst(Map.of());
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, first.challengeName());
        AuthenticationResultType result = f.respond(app, ChallengeNameType.SOFTWARE_TOKEN_MFA, first.session(), "erin",
                Map.of("SOFTWARE_TOKEN_MFA_CODE", Totp.code(totpSecret, f.clock.instant()))).authenticationResult();
        NewDeviceMetadataType device = result.newDeviceMetadata();
        assertNotNull(device, "a USER_AUTH sign-in that names no device gets a new one");
        byte[] verifier = new byte[384];
        verifier[383] = 7;
        f.sdk.confirmDevice(r -> r.accessToken(result.accessToken()).deviceKey(device.deviceKey())
                .deviceSecretVerifierConfig(c -> c.salt(Base64.getEncoder().encodeToString(new byte[16]))
                        .passwordVerifier(Base64.getEncoder().encodeToString(verifier))));
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return device.deviceKey();
    }

    @Test
    void aConfirmedDeviceIsProvenAfterThePasswordInsteadOfTheSecondFactor() {
        String device = confirmedDevice();

        InitiateAuthResponse onDevice = passwordFirst(Map.of("DEVICE_KEY", device));

        assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, onDevice.challengeName());
        assertEquals("erin", onDevice.challengeParameters().get("USERNAME"));
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, passwordFirst(Map.of()).challengeName(),
                "without the device key, the second factor");
    }

    @Test
    void aCodeFirstFactorOnADeviceGetsTokensThatNameItAndNoNewDevice() throws ParseException {
        String device = confirmedDevice();

        InitiateAuthResponse started = userAuth(Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP", "DEVICE_KEY", device));
        assertEquals(ChallengeNameType.EMAIL_OTP, started.challengeName());
        AuthenticationResultType result = f.respond(app, ChallengeNameType.EMAIL_OTP, started.session(), "erin",
                Map.of("EMAIL_OTP_CODE", f.cognito.lastCode(pool, "erin").orElseThrow(), "DEVICE_KEY", device))
                .authenticationResult();

        assertNull(result.newDeviceMetadata(), "the sign-in named its device: no new one");
        assertEquals(device, f.verifiedClaims(pool, result.accessToken()).getStringClaim("device_key"));
        assertEquals(1, f.cognito.devices(erin).size());
    }

    @Test
    void aDeviceKeyThatNamesNoDeviceOfTheUserIsRefused() {
        String device = confirmedDevice();
        String unknown = device.substring(0, device.indexOf('_') + 1) + "00000000-0000-0000-0000-000000000000";

        assertRejected(ResourceNotFoundException.class, "Device does not exist.",
                () -> passwordFirst(Map.of("DEVICE_KEY", unknown)));
        InitiateAuthResponse started = userAuth(Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertRejected(ResourceNotFoundException.class, "Device does not exist.",
                () -> f.respond(app, ChallengeNameType.EMAIL_OTP, started.session(), "erin",
                        Map.of("EMAIL_OTP_CODE", f.cognito.lastCode(pool, "erin").orElseThrow(), "DEVICE_KEY", unknown)));
    }
}
