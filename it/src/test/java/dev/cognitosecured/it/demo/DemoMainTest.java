package dev.cognitosecured.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo's entry point in this JVM, for a few seconds with tokens that live 3 seconds, and reads
 * its output as a user would: one summary line, last, in the documented form, with no caller having
 * seen an {@code UnauthorizedException}, one sign-in through two challenges, and no secret printed.
 */
class DemoMainTest {

    private static final Pattern SUMMARY = Pattern.compile("summary: calls=(\\d+) unauthorized_surfaced=(\\d+)"
            + " refreshes=(\\d+) blocked_callers=(\\d+) signins=(\\d+) challenges=(\\d+)");
    private static final String NEW_PASSWORD = "Typed-N3w-Passw0rd!";

    @BeforeEach
    void noPoolConfiguredOutside() {
        // The demo chooses the stand-ins when no user pool is configured; another test's leftovers would
        // point it elsewhere.
        assertNull(System.getProperty("cognito-secured.user-pool-id"));
    }

    @Test
    void signsInThroughANewPasswordAndAnEmailCodeThenCallsAcrossTokenLifetimes() {
        Run run = run(new ByteArrayInputStream(new byte[0]),
                "--duration", "5s", "--token-lifetime", "3s", "--threads", "4");

        assertEquals(DemoMain.OK, run.exitCode, run.output);
        Summary summary = run.summary();
        assertTrue(summary.calls() > 0, run.output);
        assertEquals(0, summary.unauthorizedSurfaced(), run.output);
        assertEquals(1, summary.signIns(), run.output);
        assertEquals(2, summary.challenges(), run.output); // the new password, then the e-mail code
        // Calls went on for more than a token lifetime, so the tokens they carried were refreshed.
        assertTrue(summary.refreshes() >= 1, run.output);
        assertTrue(run.output.contains("-> CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED"), run.output);
        assertTrue(Pattern.compile("LocalCognito sent code \\d+ to a\\*\\*\\*@").matcher(run.output).find(),
                run.output);
        assertTrue(run.output.contains("server_401s=0"), run.output);
        assertTrue(run.output.contains("duplicates 0, errors none"), run.output);
        run.assertNoSecretShown(DemoStandIns.TEMPORARY_PASSWORD, AutomaticAnswers.NEW_PASSWORD);
    }

    @Test
    void againstAUserPoolGivenByFlagsItReadsThePasswordAndCodeAndCountsWhatTheApplicationSees() {
        try (DemoStandIns account = DemoStandIns.start(Duration.ofSeconds(3));
                SystemProperties endpoint = new SystemProperties()) {
            // "Your AWS account", reached through the library's endpoint override.
            Map<String, String> config = account.configuration();
            endpoint.set("cognito-secured.endpoint", config.get("cognito-secured.endpoint"));
            List<Supplier<String>> typed = List.of(
                    () -> DemoStandIns.TEMPORARY_PASSWORD,
                    () -> NEW_PASSWORD, () -> NEW_PASSWORD,
                    () -> account.lastCode().orElseThrow()); // made when asked for: the code is sent by then

            Run run = run(new LinesOnDemand(typed),
                    "--region", config.get("cognito-secured.region"),
                    "--user-pool-id", account.local().pool().id(),
                    "--client-id", account.local().client().clientId(),
                    "--graphql-endpoint", account.local().graphQL().orElseThrow().endpoint().toString(),
                    "--username", DemoStandIns.USERNAME,
                    "--duration", "5s", "--threads", "4",
                    "--prefetch", "0s"); // no refresh ahead of time: callers wait at every refresh

            assertEquals(DemoMain.OK, run.exitCode, run.output);
            Summary summary = run.summary();
            assertEquals(0, summary.unauthorizedSurfaced(), run.output);
            assertEquals(1, summary.signIns(), run.output);
            assertEquals(2, summary.challenges(), run.output);
            assertTrue(summary.refreshes() >= 1, run.output);
            assertEquals(account.refreshes(), summary.refreshes(), "the application saw every refresh Cognito made");
            assertTrue(summary.blockedCallers() >= 1, run.output);
            assertFalse(run.output.contains("server_401s"), "a real API's 401s cannot be seen: " + run.output);
            assertFalse(run.output.contains("LocalCognito sent code"), run.output);
            run.assertNoSecretShown(DemoStandIns.TEMPORARY_PASSWORD, NEW_PASSWORD);
        }
    }

    @Test
    void aPasswordGivenAsAFlagIsRefused() {
        Run run = run(new ByteArrayInputStream(new byte[0]), "--password", "Secret-123");

        assertEquals(DemoMain.NOT_STARTED, run.exitCode);
        assertTrue(run.output.contains("--password is not accepted"), run.output);
        assertFalse(run.output.contains("summary:"), run.output);
        run.assertNoSecretShown("Secret-123");
    }

    private static Run run(InputStream in, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exitCode = DemoMain.run(args, in, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(output); // kept by Surefire in target/surefire-reports/<class>-output.txt
        return new Run(exitCode, output);
    }

    private record Run(int exitCode, String output) {

        /** The summary: exactly one line of the documented form, the last one. */
        Summary summary() {
            List<String> lines = output.lines().toList();
            assertEquals(1, lines.stream().filter(line -> line.startsWith("summary:")).count(), output);
            String last = lines.get(lines.size() - 1);
            Matcher matcher = SUMMARY.matcher(last);
            assertTrue(matcher.matches(), "the last line is not the summary: " + last);
            return new Summary(number(matcher, 1), number(matcher, 2), number(matcher, 3), number(matcher, 4),
                    number(matcher, 5), number(matcher, 6));
        }

        void assertNoSecretShown(String... secrets) {
            for (String secret : secrets) {
                assertFalse(output.contains(secret), "a password was printed");
            }
            assertFalse(output.contains("eyJ"), "something like a JWT was printed");
        }

        private static long number(Matcher matcher, int group) {
            return Long.parseLong(matcher.group(group));
        }
    }
}
