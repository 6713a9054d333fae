package dev.cognitosecured.secretscan;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordingStream;

/**
 * The message of every exception of a library type ({@code dev.cognitosecured.*}) that the run creates, caught by
 * the test or not, from Java Flight Recorder's {@code jdk.JavaExceptionThrow} event (recorded as each
 * {@code Throwable} is constructed). JFR hands events over about once a second, so a message is scanned after the
 * test that made it or, at the latest, after the next test to end.
 */
final class CreatedExceptions {

    private static final String EVENT = "jdk.JavaExceptionThrow";
    private static final String OWN_PACKAGE = SecretScan.class.getPackageName() + ".";

    private final AtomicLong messages = new AtomicLong();

    private CreatedExceptions() {
    }

    /** Starts listening; empty if this JVM has no Flight Recorder. */
    static java.util.Optional<CreatedExceptions> start(SeenTexts seen) {
        try {
            CreatedExceptions created = new CreatedExceptions();
            RecordingStream stream = new RecordingStream();
            stream.enable(EVENT).withoutStackTrace();
            stream.setMaxAge(Duration.ofSeconds(10));
            stream.onEvent(EVENT, event -> {
                RecordedClass thrown = event.getClass("thrownClass");
                String name = thrown == null ? "" : thrown.getName();
                if (name.startsWith(LogCapture.LIBRARY + ".") && !name.startsWith(OWN_PACKAGE)) {
                    created.messages.incrementAndGet();
                    seen.add("the message of a " + name + " the run created", event.getString("message"));
                }
            });
            stream.startAsync();
            return java.util.Optional.of(created);
        } catch (RuntimeException | LinkageError noFlightRecorder) {
            return java.util.Optional.empty();
        }
    }

    long messages() {
        return messages.get();
    }
}
