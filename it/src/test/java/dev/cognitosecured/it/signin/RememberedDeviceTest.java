package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.internal.cognito.CognitoSignIn;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.Tokens;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.Fault;
import dev.cognitosecured.testing.cognito.LocalDevice;
import dev.cognitosecured.testing.cognito.LocalUser;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Cognito's remembered devices, through the runtime's sign-in and the real AWS SDK against LocalCognito, which
 * checks the device's SRP proof against the verifier {@code ConfirmDevice} sent: the first sign-in from a device
 * passes the second factor and confirms the device; the next one proves the device instead
 * ({@code DEVICE_SRP_AUTH}, {@code DEVICE_PASSWORD_VERIFIER}) and skips the second factor when the device is
 * remembered; every refresh names the device, as Cognito requires.
 */
class RememberedDeviceTest {

    private static final String SECRET = Totp.newSecret();
    private static final String PASSWORD = "Corr3ct-horse!";

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private SignInRig rig;

    private LocalUser user(DeviceTracking tracking, PoolConfig.RefreshMode refresh) {
        AppClient app = LOCAL.clientOfNewPool(PoolSettings.defaults()
                .withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(tracking));
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH, refresh, PoolConfig.DEFAULT_CHALLENGE_VALIDITY));
        return LOCAL.cognito.createUser(app.pool(), NewUser.withPassword("erin", PASSWORD)
                .softwareToken(SECRET).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
    }

    /** A sign-in that passes the authenticator app's code, then signs out; the next code step is 30 s on. */
    private void signInWithTheSecondFactorThenOut() {
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void aRememberedDeviceStandsInForTheSecondFactor() {
        LocalUser erin = user(DeviceTracking.alwaysRemember(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);

        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        List<LocalDevice> devices = LOCAL.cognito.devices(erin);
        assertEquals(1, devices.size(), devices.toString());
        LocalDevice device = devices.get(0);
        assertTrue(device.confirmed() && device.remembered(), device.toString());
        assertEquals("cognito-secured", device.name().orElseThrow());
        assertEquals(device.key(), rig.store.tokens(Duration.ZERO).deviceKey().orElseThrow());
        DeviceCredentials kept = rig.store.devices().find("erin").orElseThrow();
        assertEquals(device.key(), kept.deviceKey());
        assertFalse(kept.toString().contains(kept.password()), "the device password is not shown");
        assertEquals(1, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE));

        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));
        LOCAL.cognito.resetRequestCounts();

        assertTrue(rig.signIn.start("erin", PASSWORD.toCharArray()).isDone(), "no second factor on this device");
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_SRP_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA"));
        assertEquals(0, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE), "a known device is not confirmed again");
        assertEquals(List.of(device.key()), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
        assertEquals(device.key(), rig.store.tokens(Duration.ZERO).deviceKey().orElseThrow());
    }

    @Test
    void everyRefreshNamesTheDeviceEitherWay() {
        for (PoolConfig.RefreshMode mode : PoolConfig.RefreshMode.values()) {
            user(DeviceTracking.alwaysRemember(), mode);
            assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()));
            assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
            Tokens first = rig.store.tokens(Duration.ZERO);

            Tokens refreshed = rig.store.refreshIfCurrent(first, Duration.ofDays(1));

            assertNotEquals(first.accessToken(), refreshed.accessToken(), mode.name());
            assertEquals(first.deviceKey(), refreshed.deviceKey(), mode.name());
            // LocalCognito refuses a refresh without the device key, as Cognito does: the library sent it.
            try (CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
                    .endpointOverride(LOCAL.cognito.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                assertThrows(NotAuthorizedException.class, () -> sdk.initiateAuth(r -> r
                        .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.REFRESH_TOKEN_AUTH).clientId(rig.config.clientId())
                        .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken().orElseThrow()))));
            }
            rig.close();
        }
    }

    @Test
    void aDeviceNotRememberedIsProvenAndTheSecondFactorStillAsked() {
        LocalUser erin = user(DeviceTracking.userOptIn(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
        signInWithTheSecondFactorThenOut();
        LocalDevice device = LOCAL.cognito.devices(erin).get(0);
        assertTrue(device.confirmed() && !device.remembered(), device.toString());

        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER"), "the device was proven");
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        assertEquals(device.key(), rig.store.tokens(Duration.ZERO).deviceKey().orElseThrow(),
                "the tokens of a proven device name it");
    }

    @Test
    void aDeviceCognitoForgotSignsInAsANewOne() throws Exception {
        LocalUser erin = user(DeviceTracking.alwaysRemember(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        String forgotten = rig.store.tokens(Duration.ZERO).deviceKey().orElseThrow();
        try (CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(LOCAL.cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            sdk.forgetDevice(r -> r.accessToken(rig.store.tokens(Duration.ZERO).accessToken()).deviceKey(forgotten));
        }
        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));

        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()),
                "Cognito no longer knows the device: the sign-in starts again without it, and asks the second factor");
        assertEquals(3, LOCAL.cognito.initiateAuthCount("USER_SRP_AUTH"),
                "the first sign-in; then one naming the forgotten device, refused, and one without it");
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        String renewed = rig.store.devices().find("erin").orElseThrow().deviceKey();
        assertNotEquals(forgotten, renewed);
        assertEquals(List.of(renewed), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
    }

    @Test
    void aFailedConfirmationLeavesTheUserSignedInAndTheNextSignInOnANewDevice() {
        LocalUser erin = user(DeviceTracking.alwaysRemember(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
        LOCAL.cognito.injectFault(Action.CONFIRM_DEVICE, Fault.serverError(), 1);

        signInWithTheSecondFactorThenOut();

        assertTrue(rig.store.devices().find("erin").isEmpty(), "nothing is kept for a device Cognito did not confirm");
        assertEquals(1, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE));
        assertEquals(List.of(false), LOCAL.cognito.devices(erin).stream().map(LocalDevice::confirmed).toList());
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("erin", PASSWORD.toCharArray()),
                "the next sign-in is from a new device, with the second factor");
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        assertEquals(2, LOCAL.cognito.devices(erin).size());
        assertTrue(rig.store.devices().find("erin").isPresent());
    }

    @Test
    void aDeviceStoreThatFailsLeavesSignInsFromANewDevice() {
        LocalUser erin = user(DeviceTracking.alwaysRemember(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
        DeviceStore broken = new DeviceStore() {
            @Override
            public Optional<DeviceCredentials> find(String username) {
                throw new IllegalStateException("the application's storage is down");
            }

            @Override
            public void save(String username, DeviceCredentials device) {
                throw new IllegalStateException("the application's storage is down");
            }

            @Override
            public void forget(String username) {
                throw new IllegalStateException("the application's storage is down");
            }
        };
        CognitoSignIn signIn = new CognitoSignIn(rig.store, new ChallengeSlot("default", LOCAL.clock::nanoTime,
                rig.config.challengeValidity()), rig.provider, rig.config.userPoolId(), broken, "phone");

        assertEquals(new SignInStep.TotpCode(), signIn.start("erin", PASSWORD.toCharArray()));
        assertTrue(signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone(), "signed in all the same");
        assertEquals(List.of(true), LOCAL.cognito.devices(erin).stream().map(LocalDevice::confirmed).toList());
    }

    @Test
    void aDeviceWhoseProofIsRefusedIsForgottenHere() {
        user(DeviceTracking.alwaysRemember(), PoolConfig.RefreshMode.REFRESH_TOKEN_AUTH);
        signInWithTheSecondFactorThenOut();
        DeviceCredentials kept = rig.store.devices().find("erin").orElseThrow();
        rig.store.devices().save("erin", DeviceCredentials.of(kept.deviceKey(), kept.groupKey(), "not-the-password"));

        WrongAnswerException refused = assertThrows(WrongAnswerException.class,
                () -> rig.signIn.start("erin", PASSWORD.toCharArray()));
        assertFalse(refused.canRetry());
        assertFalse(refused.getMessage().contains("not-the-password"));
        assertTrue(rig.store.devices().find("erin").isEmpty(), "the device is forgotten here");
        assertFalse(rig.signIn.isSignedIn());

        assertInstanceOf(SignInStep.TotpCode.class, rig.signIn.start("erin", PASSWORD.toCharArray()),
                "the next sign-in is from a new device");
    }
}
