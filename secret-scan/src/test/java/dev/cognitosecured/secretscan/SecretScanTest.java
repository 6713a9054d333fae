package dev.cognitosecured.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs sample tests with the scan auto-detected, as the project's modules do, and checks what it fails and what it
 * lets pass. The samples record their "issued" secrets as a stand-in would.
 */
class SecretScanTest {

    /** A token as long and random as LocalCognito's; a new one per JVM. */
    static final String TOKEN = "eyJraWQiOiJzYW1wbGUifQ.eyJzdWIiOiJzYW1wbGUifQ." + UUID.randomUUID();
    static final String SESSION = "AYABe" + UUID.randomUUID() + UUID.randomUUID();

    static class LogsATokenAtFinest {
        @Test
        void logs() {
            IssuedSecrets.record(IssuedSecrets.Kind.TOKEN, TOKEN);
            Logger.getLogger("dev.cognitosecured.runtime.internal.sample").log(Level.FINEST, "refreshed: {0}", TOKEN);
        }
    }

    static class FailsWithASessionInItsCause {
        @Test
        void fails() {
            IssuedSecrets.record(IssuedSecrets.Kind.SESSION, SESSION);
            throw new IllegalStateException("outer", new IllegalArgumentException("session " + SESSION + " refused"));
        }
    }

    static class LogsOnlyANumericCodeAndAShortPassword {
        @Test
        void logs() {
            IssuedSecrets.record(IssuedSecrets.Kind.CODE, "123456");
            IssuedSecrets.record(IssuedSecrets.Kind.PASSWORD, "pw1");
            Logger.getLogger("dev.cognitosecured.sample").warning("listening on port 123456, pw1");
        }
    }

    static class LogsAWarningWithAnExceptionQuotingAToken {
        @Test
        void logs() {
            IssuedSecrets.record(IssuedSecrets.Kind.TOKEN, TOKEN);
            Logger.getLogger("com.example.other").log(Level.WARNING, "call failed",
                    new RuntimeException("Authorization: " + TOKEN));
        }
    }

    @Test
    void aTokenLoggedAtFinestByTheLibraryFailsTheTestWithoutShowingIt() {
        Throwable failure = onlyFailure(LogsATokenAtFinest.class);

        assertInstanceOf(SecretLeakError.class, failure);
        assertTrue(failure.getMessage().contains("a TOKEN issued by a stand-in appears in log record FINEST"
                + " dev.cognitosecured.runtime.internal.sample"), failure.getMessage());
        assertTrue(failure.getMessage().contains("refreshed: <TOKEN>"), failure.getMessage());
        assertFalse(failure.getMessage().contains(TOKEN));
    }

    @Test
    void aSessionInTheCauseOfTheExceptionATestFailedWithIsFound() {
        List<Throwable> failures = failures(FailsWithASessionInItsCause.class);

        assertEquals(1, failures.size());
        Throwable leak = failures.get(0).getSuppressed().length > 0 ? failures.get(0).getSuppressed()[0] : failures.get(0);
        assertInstanceOf(SecretLeakError.class, leak);
        assertTrue(leak.getMessage().contains("a SESSION issued by a stand-in appears in the exception the test failed"
                + " with"), leak.getMessage());
        assertFalse(leak.getMessage().contains(SESSION));
    }

    @Test
    void aTokenInTheStackTraceOfAnotherLibrarysWarningIsFound() {
        Throwable failure = onlyFailure(LogsAWarningWithAnExceptionQuotingAToken.class);

        assertInstanceOf(SecretLeakError.class, failure);
        assertTrue(failure.getMessage().contains("log record WARNING com.example.other"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Authorization: <TOKEN>"), failure.getMessage());
    }

    @Test
    void numericCodesAndShortPasswordsAreNotLookedFor() {
        Events tests = run(LogsOnlyANumericCodeAndAShortPassword.class);

        assertEquals(1, tests.succeeded().count());
        assertFalse(IssuedSecrets.isLookedFor("123456"));
        assertFalse(IssuedSecrets.isLookedFor("12345678901"));
        assertFalse(IssuedSecrets.isLookedFor("pw1"));
        assertTrue(IssuedSecrets.isLookedFor("Correct-Horse-1"));
    }

    @Test
    void findsASecretAnywhereInATextAndSaysWhere() {
        IssuedSecrets.startRecording(); // as the scan does before the first test
        IssuedSecrets.record(IssuedSecrets.Kind.REFRESH_TOKEN, "refresh-" + SESSION);

        IssuedSecrets.Found found = IssuedSecrets.findIn("x=refresh-" + SESSION + ";").orElseThrow();

        assertEquals(new IssuedSecrets.Found(IssuedSecrets.Kind.REFRESH_TOKEN, 2, ("refresh-" + SESSION).length()),
                found);
        assertTrue(IssuedSecrets.findIn("refresh-" + SESSION.substring(1)).isEmpty());
    }

    private static Throwable onlyFailure(Class<?> sample) {
        List<Throwable> failures = failures(sample);
        assertEquals(1, failures.size(), "failures of " + sample.getSimpleName());
        return failures.get(0);
    }

    private static List<Throwable> failures(Class<?> sample) {
        return run(sample).failed().stream()
                .map(Event::getPayload)
                .map(payload -> payload.orElseThrow())
                .map(payload -> ((org.junit.platform.engine.TestExecutionResult) payload).getThrowable().orElseThrow())
                .toList();
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(sample))
                .execute()
                .testEvents();
    }
}
