package dev.cognitosecured.it.e2e;

import java.util.StringJoiner;

/**
 * Prints a scenario's measured counts as one line, {@code [e2e] <scenario>: key=value ...}, into the
 * test's output (Surefire keeps it in {@code target/surefire-reports/<class>-output.txt}).
 */
public final class Measured {

    private Measured() {
    }

    /** Prints {@code keysAndValues} given as key, value, key, value... */
    public static void report(String scenario, Object... keysAndValues) {
        StringJoiner line = new StringJoiner(" ", "[e2e] " + scenario + ": ", "");
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            line.add(keysAndValues[i] + "=" + keysAndValues[i + 1]);
        }
        System.out.println(line);
    }
}
