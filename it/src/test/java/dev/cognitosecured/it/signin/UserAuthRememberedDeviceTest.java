package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.account.CognitoDevices;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.AuthFactor;
import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.LocalDevice;
import dev.cognitosecured.testing.cognito.LocalUser;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.cognito.UserPool;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Choice-based sign-in ({@code USER_AUTH}) on a remembered device, through the runtime's sign-in and the real AWS SDK
 * against LocalCognito (which checks the device's SRP proof against the verifier {@code ConfirmDevice} sent): the
 * first {@code USER_AUTH} sign-in passes the authenticator app's code and confirms the device; every later
 * {@code USER_AUTH} start sends its {@code DEVICE_KEY}, proves the device after the password
 * ({@code DEVICE_SRP_AUTH}, {@code DEVICE_PASSWORD_VERIFIER}) and asks no code; an e-mail code signs in on the device
 * without issuing a new one; a forgotten device asks for the code again.
 */
class UserAuthRememberedDeviceTest {

    private static final String SECRET = Totp.newSecret();
    private static final String PASSWORD = "Corr3ct-horse!";

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private SignInRig rig;
    private Devices devices;
    private UserPool pool;

    /** User "erin" with an authenticator app as required MFA, on a pool that offers the password and e-mail codes. */
    private LocalUser user(DeviceTracking tracking) {
        AppClient app = LOCAL.clientOfNewPool(PoolSettings.defaults()
                .withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(tracking));
        pool = app.pool();
        LOCAL.cognito.setSignInPolicy(pool, "localhost", AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP);
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH));
        devices = new CognitoDevices(LOCAL.signedInCalls(rig), rig.store.devices(), () -> null);
        return LOCAL.cognito.createUser(pool, NewUser.withPassword("erin", PASSWORD)
                .attribute("email", "erin@example.com")
                .softwareToken(SECRET).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
    }

    /** A {@code USER_AUTH} sign-in with the password (by SRP) and the authenticator app's code. */
    private void signInWithTheApp() {
        assertEquals(new SignInStep.TotpCode(), rig.signIn.startUserAuth("erin", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
    }

    /** Signs out; the next code step is 30 s on; the request counts start again. */
    private void signOut() {
        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));
        LOCAL.cognito.resetRequestCounts();
    }

    private String deviceOfTheSession() {
        return rig.store.tokens(Duration.ZERO).deviceKey().orElseThrow();
    }

    @Test
    void aDeviceTheUserRemembersSkipsTheCodeInTheNextUserAuthSignIn() {
        LocalUser erin = user(DeviceTracking.userOptIn());
        signInWithTheApp();
        assertEquals(1, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE), "the new device is confirmed after USER_AUTH");
        String key = rig.store.devices().find("erin").orElseThrow().deviceKey();
        assertEquals(key, deviceOfTheSession());
        devices.rememberThisDevice();
        signOut();

        assertTrue(rig.signIn.startUserAuth("erin", PASSWORD.toCharArray()).isDone(), "no code on this device");

        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("PASSWORD_VERIFIER"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_SRP_AUTH"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA"));
        assertEquals(0, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE), "a known device is not confirmed again");
        assertEquals(key, deviceOfTheSession());
        assertEquals(List.of(key), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
    }

    @Test
    void thePasswordChosenFromTheListIsFollowedByTheDevicesProof() {
        user(DeviceTracking.alwaysRemember());
        signInWithTheApp();
        String key = deviceOfTheSession();
        signOut();

        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP,
                FirstFactor.EMAIL_OTP)), rig.signIn.startUserAuth("erin"));
        assertTrue(rig.signIn.confirmPassword(PASSWORD.toCharArray()).isDone(), "no code on this device");

        assertEquals(1, LOCAL.cognito.challengeResponseCount("SELECT_CHALLENGE"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA"));
        assertEquals(key, deviceOfTheSession());
    }

    @Test
    void thePlainPasswordFactorOnADeviceIsFollowedByTheDevicesProof() throws Exception {
        user(DeviceTracking.alwaysRemember());
        signInWithTheApp();
        DeviceCredentials kept = rig.store.devices().find("erin").orElseThrow();
        signOut();

        SignInResponse started = rig.provider.startUserAuth("erin", FirstFactor.PASSWORD, PASSWORD.toCharArray(), kept)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        SignInResponse.Challenged challenged = assertInstanceOf(SignInResponse.Challenged.class, started);
        assertEquals("DEVICE_SRP_AUTH", challenged.challenge().name());
        SignInResponse proved = rig.provider.proveDevice(challenged.challenge(), kept)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        SignInResponse.Authenticated signedIn = assertInstanceOf(SignInResponse.Authenticated.class, proved);
        assertEquals(kept.deviceKey(), signedIn.tokens().deviceKey().orElseThrow());
        assertTrue(signedIn.newDevice().isEmpty(), "no new device for a sign-in that named one");
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA"));
    }

    @Test
    void anEmailCodeOnARememberedDeviceSignsInOnItWithoutANewDevice() {
        LocalUser erin = user(DeviceTracking.alwaysRemember());
        signInWithTheApp();
        String key = deviceOfTheSession();
        signOut();

        assertEquals(new SignInStep.EmailCode("e***@e***"), rig.signIn.startUserAuth("erin", FirstFactor.EMAIL_OTP));
        assertTrue(rig.signIn.confirm(LOCAL.cognito.lastCode(pool, "erin").orElseThrow()).isDone());

        assertEquals(key, deviceOfTheSession(), "the tokens name the device the sign-in started on");
        assertEquals(0, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE));
        assertEquals(List.of(key), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
    }

    @Test
    void aDeviceForgottenHereAsksForTheCodeAgain() {
        LocalUser erin = user(DeviceTracking.alwaysRemember());
        signInWithTheApp();
        String forgotten = deviceOfTheSession();
        devices.forget(forgotten);
        signOut();

        assertEquals(new SignInStep.TotpCode(), rig.signIn.startUserAuth("erin", PASSWORD.toCharArray()));
        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_AUTH"), "no start named the forgotten device");
        assertEquals(0, LOCAL.cognito.challengeResponseCount("DEVICE_SRP_AUTH"));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        String renewed = rig.store.devices().find("erin").orElseThrow().deviceKey();
        assertNotEquals(forgotten, renewed);
        assertEquals(List.of(renewed), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
    }

    @Test
    void aDeviceCognitoForgotIsDroppedAndTheStartRetriedOnceWithoutIt() {
        LocalUser erin = user(DeviceTracking.alwaysRemember());
        signInWithTheApp();
        String forgotten = deviceOfTheSession();
        try (CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(LOCAL.cognito.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            sdk.forgetDevice(r -> r.accessToken(rig.store.tokens(Duration.ZERO).accessToken()).deviceKey(forgotten));
        }
        signOut();

        assertEquals(new SignInStep.TotpCode(), rig.signIn.startUserAuth("erin", PASSWORD.toCharArray()),
                "Cognito no longer knows the device: the start goes again without it, and asks the code");
        assertEquals(2, LOCAL.cognito.initiateAuthCount("USER_AUTH"),
                "one naming the forgotten device, refused, and one without it");
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
        String renewed = rig.store.devices().find("erin").orElseThrow().deviceKey();
        assertNotEquals(forgotten, renewed);
        assertEquals(List.of(renewed), LOCAL.cognito.devices(erin).stream().map(LocalDevice::key).toList());
        signOut();

        assertEquals(new SignInStep.FirstFactorSelection(Set.of(FirstFactor.PASSWORD, FirstFactor.PASSWORD_SRP,
                FirstFactor.EMAIL_OTP)), rig.signIn.startUserAuth("erin"));
        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_AUTH"), "the renewed device is known: no retry");
        assertTrue(rig.signIn.confirmPassword(PASSWORD.toCharArray()).isDone(), "the renewed device skips the code");
    }
}
