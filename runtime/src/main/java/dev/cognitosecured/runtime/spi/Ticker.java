package dev.cognitosecured.runtime.spi;

/**
 * A monotonic clock in nanoseconds, like {@link System#nanoTime()}: only differences between two
 * readings mean anything. Token expiry is judged on it, never on the wall clock. Tests supply a
 * fake one (a CDI bean of this type replaces the system ticker) so that they never sleep.
 */
@FunctionalInterface
public interface Ticker {

    /** {@return the current reading, in nanoseconds} */
    long read();

    /** {@return the system's monotonic clock} */
    static Ticker system() {
        return System::nanoTime;
    }
}
