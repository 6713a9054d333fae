package dev.cognitosecured.secretscan;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run has produced since the last scan: log records, exceptions, {@code toString()}s, each with where it
 * was seen. Filled from any thread; drained by {@link SecretScan} after each test and each test class.
 */
final class SeenTexts {

    /** One text and where it was seen, e.g. {@code "log record WARNING dev.cognitosecured.runtime..."}. */
    record Seen(String where, String text) {
    }

    private final List<Seen> pending = new ArrayList<>();

    synchronized void add(String where, String text) {
        if (text != null && !text.isEmpty()) {
            pending.add(new Seen(where, text));
        }
    }

    void addThrowable(String where, Throwable thrown) {
        add(where, stackTrace(thrown));
    }

    synchronized List<Seen> drain() {
        List<Seen> drained = new ArrayList<>(pending);
        pending.clear();
        return drained;
    }

    /** The whole stack trace as printed: every message and toString() of the exception, its causes and suppressed. */
    static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            thrown.printStackTrace(writer);
        } catch (RuntimeException unprintable) {
            return String.valueOf(thrown.getMessage()) + " (its stack trace could not be printed: "
                    + unprintable.getClass().getName() + ")";
        }
        return out.toString();
    }
}
