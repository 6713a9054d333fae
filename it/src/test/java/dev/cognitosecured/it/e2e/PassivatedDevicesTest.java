package dev.cognitosecured.it.e2e;

import static dev.cognitosecured.it.e2e.HttpSessions.read;
import static dev.cognitosecured.it.e2e.HttpSessions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code session-scope=session}, the device a user signed in from goes along with the HTTP session when a
 * server passivates or replicates it: the {@code @AuthFlow Devices} and {@code @AuthFlow Mfa} beans and the device's
 * credentials (kept with the session store, in its serialized form) are read on another node, where the user signs
 * in again without the second factor.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PassivatedDevicesTest {

    private static final String SECRET = Totp.newSecret();

    @Test
    void aRememberedDeviceGoesAlongWithTheSession() throws Exception {
        PoolSettings pool = PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(DeviceTracking.userOptIn());
        try (StandIns standIns = StandIns.builder().pool(pool).start()) {
            standIns.user(NewUser.withPassword("hana", StandIns.PASSWORD).softwareToken(SECRET)
                    .withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
            Map<String, String> config = standIns.config("session-scope", "session");
            Map<String, Object> session = new ConcurrentHashMap<>();
            byte[] written;
            String device;
            try (TodoApp first = TodoApp.with(config, ClientTicker.offsetFrom(standIns.clock(), Duration.ZERO))
                    .wallClock(standIns.clock()).containerId("todo-app").boot()) {
                SignIn signIn = first.signIn("default");
                assertEquals(new SignInStep.TotpCode(), inSession(first, session,
                        () -> signIn.start("hana", StandIns.PASSWORD.toCharArray())));
                assertTrue(inSession(first, session,
                        () -> signIn.confirm(Totp.code(SECRET, standIns.clock().instant()))).isDone());
                Devices devices = bean(first, Devices.class);
                device = inSession(first, session, () -> {
                    devices.rememberThisDevice();
                    return devices.thisDevice().orElseThrow();
                });
                assertEquals(Set.of(MfaType.TOTP),
                        inSession(first, session, () -> bean(first, Mfa.class).preference().enabled()));
                written = write(session);
            }
            standIns.clock().advance(Duration.ofSeconds(30));

            try (TodoApp second = TodoApp.with(config, ClientTicker.offsetFrom(standIns.clock(), Duration.ofDays(9)))
                    .wallClock(standIns.clock()).containerId("todo-app").boot()) {
                Map<String, Object> restored = read(written);
                Devices devices = bean(second, Devices.class);
                SignIn signIn = second.signIn("default");
                assertEquals(device, inSession(second, restored, () -> devices.thisDevice().orElseThrow()));
                inSession(second, restored, () -> {
                    signIn.signOut();
                    return null;
                });
                assertTrue(inSession(second, restored, () -> signIn.start("hana", StandIns.PASSWORD.toCharArray()))
                        .isDone(), "the device's credentials went along: no second factor");
                assertEquals(1, standIns.cognito().challengeResponseCount("SOFTWARE_TOKEN_MFA"));
                assertEquals(1, standIns.cognito().challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));
                assertEquals(device, inSession(second, restored, () -> devices.thisDevice().orElseThrow()));
            }
        }
    }

    @Test
    void anApplicationsDeviceStoreKeepsTheDeviceAcrossARestart() {
        PoolSettings pool = PoolSettings.defaults().withMfa(MfaConfiguration.ON, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(DeviceTracking.alwaysRemember());
        Map<String, DeviceCredentials> database = new ConcurrentHashMap<>();
        DeviceStore own = new DeviceStore() {
            @Override
            public Optional<DeviceCredentials> find(String username) {
                return Optional.ofNullable(database.get(username));
            }

            @Override
            public void save(String username, DeviceCredentials device) {
                database.put(username, device);
            }

            @Override
            public void forget(String username) {
                database.remove(username);
            }
        };
        try (StandIns standIns = StandIns.builder().pool(pool).start()) {
            standIns.user(NewUser.withPassword("hana", StandIns.PASSWORD).softwareToken(SECRET)
                    .withMfa(MfaFactor.SOFTWARE_TOKEN_MFA));
            Map<String, String> config = standIns.config();
            try (TodoApp first = TodoApp.with(config, ClientTicker.following(standIns.clock()))
                    .part(DeviceStore.class, own).boot()) {
                assertEquals(new SignInStep.TotpCode(),
                        first.signIn("default").start("hana", StandIns.PASSWORD.toCharArray()));
                assertTrue(first.signIn("default").confirm(Totp.code(SECRET, standIns.clock().instant())).isDone());
            }
            assertEquals(Set.of("hana"), database.keySet(), "the application's store got the device");
            standIns.clock().advance(Duration.ofSeconds(30));

            try (TodoApp restarted = TodoApp.with(config, ClientTicker.following(standIns.clock()))
                    .part(DeviceStore.class, own).boot()) {
                assertTrue(restarted.signIn("default").start("hana", StandIns.PASSWORD.toCharArray()).isDone(),
                        "no second factor after the restart");
                assertEquals(1, standIns.cognito().challengeResponseCount("DEVICE_PASSWORD_VERIFIER"));
            }
        }
    }

    private static <T> T bean(TodoApp app, Class<T> type) {
        return app.beans().createInstance().select(type, AuthFlow.Literal.of("default")).get();
    }

    private static <T> T inSession(TodoApp app, Map<String, Object> storage, Supplier<T> action) {
        return HttpSessions.inSession(app.sessions(), storage, action);
    }
}
