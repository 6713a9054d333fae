package dev.cognitosecured.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's account walk ({@code --walk}) in this JVM: sign-up, confirmation, sign-in, authenticator app set-up,
 * sign-out, sign-in with the app's code, the device remembered, sign-in without the second factor; each step as the
 * user would see it, and no secret printed.
 */
class DemoWalkTest {

    @Test
    void walksFromSignUpToASignInWithoutTheSecondFactor() {
        assertNull(System.getProperty("cognito-secured.user-pool-id"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exitCode = DemoMain.run(new String[] {"--walk"}, new ByteArrayInputStream(new byte[0]), out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(DemoMain.OK, exitCode, output);
        List<String> steps = output.lines().filter(line -> line.startsWith("  -> ")).toList();
        assertEquals(List.of("  -> CONFIRM_SIGN_UP", "  -> DONE", "  -> DONE (this device is known to Cognito now)",
                "  -> second factors [TOTP], preferred TOTP", "  -> CONFIRM_SIGN_IN_WITH_TOTP_CODE", "  -> DONE",
                "  -> DONE without the second factor: the device proved itself"), steps, output);
        assertTrue(output.contains("walk: sign_ups=1 sign_ins=3 second_factor_codes=1 device_proofs=2"), output);
        assertFalse(output.contains("Walk-Passw0rd") || output.contains("eyJ") || output.contains("secret="), output);
        assertNull(System.getProperty("cognito-secured.user-pool-id"), "the walk put the properties back");
    }
}
