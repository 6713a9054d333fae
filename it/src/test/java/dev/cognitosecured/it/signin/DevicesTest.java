package dev.cognitosecured.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.Device;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.internal.account.CognitoDevices;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.LocalUser;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signed-in user's devices ({@code @AuthFlow Devices}) on a pool that remembers devices only when the user
 * says so, through the real AWS SDK against LocalCognito: remember this device, then sign in without the second
 * factor; stop remembering it; forget it; list them.
 */
class DevicesTest {

    private static final String SECRET = Totp.newSecret();
    private static final String PASSWORD = "Corr3ct-horse!";

    @RegisterExtension
    static final LocalCognitoRig LOCAL = new LocalCognitoRig();

    private SignInRig rig;
    private Devices devices;

    private LocalUser user(PoolSettings settings) {
        AppClient app = LOCAL.clientOfNewPool(settings);
        rig = LOCAL.rig(LOCAL.config(app, AuthFlowType.USER_SRP_AUTH, PoolConfig.RefreshMode.GET_TOKENS_FROM_REFRESH_TOKEN,
                PoolConfig.DEFAULT_CHALLENGE_VALIDITY));
        devices = new CognitoDevices(LOCAL.signedInCalls(rig), rig.store.devices(), () -> null);
        return LOCAL.cognito.createUser(app.pool(), NewUser.withPassword("gina", PASSWORD)
                .softwareToken(SECRET).withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
    }

    private static PoolSettings optIn() {
        return PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(DeviceTracking.userOptIn());
    }

    private void signInWithTheApp() {
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("gina", PASSWORD.toCharArray()));
        assertTrue(rig.signIn.confirm(Totp.code(SECRET, LOCAL.clock.instant())).isDone());
    }

    private void signOut() {
        rig.signIn.signOut();
        LOCAL.clock.advance(Duration.ofSeconds(30));
        LOCAL.cognito.resetRequestCounts();
    }

    @Test
    void aDeviceTheUserRemembersSkipsTheSecondFactor() {
        user(optIn());
        signInWithTheApp();
        String key = devices.thisDevice().orElseThrow();
        Device listed = devices.list().get(0);
        assertEquals(key, listed.key());
        assertEquals(Optional.of("cognito-secured"), listed.name());
        assertFalse(listed.remembered(), "this pool remembers a device only when the user says so");
        assertFalse(devices.isThisDeviceRemembered(), "the cue to ask the user");

        devices.rememberThisDevice();
        assertTrue(devices.list().get(0).remembered());
        assertTrue(devices.isThisDeviceRemembered());
        signOut();

        assertTrue(rig.signIn.start("gina", PASSWORD.toCharArray()).isDone(), "no second factor");
        assertEquals(0, LOCAL.cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA"));
        assertEquals(1, LOCAL.cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));

        devices.doNotRememberThisDevice();
        assertFalse(devices.list().get(0).remembered());
        signOut();
        assertEquals(new SignInStep.TotpCode(), rig.signIn.start("gina", PASSWORD.toCharArray()),
                "the second factor is asked again");
    }

    @Test
    void forgettingThisDeviceForgetsItHereAndTheSessionGoesOn() {
        LocalUser gina = user(optIn());
        signInWithTheApp();
        String key = devices.thisDevice().orElseThrow();

        devices.forget(key);

        assertEquals(List.of(), devices.list());
        assertEquals(List.of(), LOCAL.cognito.devices(gina));
        assertTrue(rig.store.devices().find("gina").isEmpty(), "forgotten here too");
        assertEquals(1, LOCAL.cognito.requestCount(Action.FORGET_DEVICE));
        assertTrue(rig.signIn.isSignedIn(), "the session goes on");
        signOut();

        signInWithTheApp();
        assertEquals(1, LOCAL.cognito.initiateAuthCount("USER_SRP_AUTH"), "no sign-in named the forgotten device");
        assertEquals(1, LOCAL.cognito.devices(gina).size());
    }

    @Test
    void aPoolWithoutDeviceTrackingHasNoDevice() {
        user(PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA));
        signInWithTheApp();

        assertEquals(Optional.empty(), devices.thisDevice());
        assertFalse(devices.isThisDeviceRemembered());
        assertThrows(IllegalStateException.class, devices::rememberThisDevice);
        assertEquals(List.of(), devices.list());
        assertEquals(0, LOCAL.cognito.requestCount(Action.CONFIRM_DEVICE));
    }
}
