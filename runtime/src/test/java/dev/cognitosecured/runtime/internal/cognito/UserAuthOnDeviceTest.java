package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.FirstFactor;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.cognito.ScriptedProvider.Call;
import dev.cognitosecured.runtime.internal.signin.ChallengeSlot;
import dev.cognitosecured.runtime.internal.store.DefaultSessionStore;
import dev.cognitosecured.runtime.internal.store.FakeTicker;
import dev.cognitosecured.runtime.internal.store.KeptDevices;
import dev.cognitosecured.runtime.internal.store.RecordedEvents;
import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.ConfirmedDevice;
import dev.cognitosecured.runtime.spi.DeviceCredentials;
import dev.cognitosecured.runtime.spi.SignInResponse;
import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Choice-based sign-in ({@code USER_AUTH}) on a kept device, over a scripted identity provider: every start goes with
 * the device kept for the name it was started with, a {@code DEVICE_SRP_AUTH} that follows is answered with that
 * device, and a new device is kept under that name (not under the name of an earlier, failed sign-in).
 */
class UserAuthOnDeviceTest {

    private static final String POOL_ID = "us-east-1_TestPool1";
    private static final DeviceCredentials KEPT = DeviceCredentials.of("us-east-1_kept", "-group", "device-password");

    private final FakeTicker ticker = new FakeTicker(42);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final DefaultSessionStore store = new DefaultSessionStore("default", provider, ticker, Duration.ZERO,
            new RecordedEvents());
    private final KeptDevices devices = new KeptDevices();
    private final CognitoSignIn signIn = new CognitoSignIn(store, new ChallengeSlot("default", ticker,
            Duration.ofMinutes(3)), provider, POOL_ID, devices, "phone");

    private static SignInResponse emailCode(String username) {
        return new SignInResponse.Challenged(Challenge.of("EMAIL_OTP", Map.of("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL",
                "CODE_DELIVERY_DESTINATION", "a***@e***"), username, "session-1"));
    }

    private static Tokens tokens(String username) {
        return Tokens.of("access-1", "id-1", Optional.of("refresh-1"), Duration.ofHours(1), username);
    }

    @Test
    void everyUserAuthStartGoesWithTheDeviceKeptForTheName() {
        devices.save("alice", KEPT);
        provider.then(emailCode("alice"), emailCode("alice"), emailCode("alice"), emailCode("bob"));

        signIn.startUserAuth("alice");
        signIn.startUserAuth("alice", FirstFactor.EMAIL_OTP);
        signIn.startUserAuth("alice", "Passw0rd!".toCharArray());
        signIn.startUserAuth("bob", FirstFactor.EMAIL_OTP);

        List<Map<String, String>> sent = provider.calls().stream().map(Call::responses).toList();
        assertEquals(List.of(
                Map.of("USERNAME", "alice", "DEVICE_KEY", KEPT.deviceKey()),
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "EMAIL_OTP", "DEVICE_KEY", KEPT.deviceKey()),
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD_SRP", "DEVICE_KEY", KEPT.deviceKey()),
                Map.of("USERNAME", "bob", "PREFERRED_CHALLENGE", "EMAIL_OTP")), sent,
                "bob has no device kept: his start names none");
    }

    @Test
    void aDeviceChallengeAfterAUserAuthStartIsAnsweredWithTheKeptDevice() {
        devices.save("alice", KEPT);
        provider.then(new SignInResponse.Challenged(Challenge.of("DEVICE_SRP_AUTH", Map.of("USERNAME", "alice"),
                "alice", "session-1")), new SignInResponse.Authenticated(tokens("alice").withDeviceKey(KEPT.deviceKey())));

        assertTrue(signIn.startUserAuth("alice", "Passw0rd!".toCharArray()).isDone());

        assertEquals(List.of("startUserAuth", "proveDevice"), provider.calls().stream().map(Call::kind).toList());
        assertEquals(Map.of("DEVICE_KEY", KEPT.deviceKey()), provider.calls().get(1).responses());
        assertEquals(Optional.of(KEPT.deviceKey()), store.tokens(Duration.ZERO).deviceKey());
    }

    @Test
    void aNewDeviceAfterAUserAuthSignInIsKeptUnderTheNameItStartedWith() {
        DeviceCredentials confirmed = DeviceCredentials.of("us-east-1_new", "-group", "new-password");
        provider.then(new WrongAnswerException("Incorrect username or password.", true, null),
                emailCode("alice"),
                new SignInResponse.Authenticated(tokens("alice-sub"),
                        Optional.of(new SignInResponse.NewDevice("us-east-1_new", "-group"))),
                new ConfirmedDevice(confirmed, false));
        assertThrows(WrongAnswerException.class, () -> signIn.start("carol", "wrong".toCharArray()));

        assertEquals(new SignInStep.EmailCode("a***@e***"), signIn.startUserAuth("alice", FirstFactor.EMAIL_OTP));
        assertTrue(signIn.confirm("123456").isDone());

        assertEquals(Optional.of(confirmed), devices.find("alice"));
        assertEquals(Optional.empty(), devices.find("carol"), "not under the name of the sign-in before");
        assertEquals(Optional.empty(), devices.find("alice-sub"));
    }
}
