package dev.cognitosecured.testing.graphql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How {@link LocalGraphQL} waits out the {@link Latency} of one request, before it checks the token
 * (so a token can expire in flight, as at AppSync). By default it {@linkplain #sleeping() sleeps}. A
 * test whose time is a {@link dev.cognitosecured.testing.cognito.ManualClock} gives one that parks
 * the request until the test has moved the clock past {@code delay}: the token is then checked at
 * the later instant of the test's clock, and no thread sleeps.
 */
@FunctionalInterface
public interface LatencyWait {

    /**
     * Returns once {@code delay} has passed, on whatever time the implementation follows. Called on
     * the server's thread for the request, with a positive delay.
     *
     * @param delay how long to wait
     * @throws InterruptedException if the server is closing; the request is dropped unanswered
     */
    void await(Duration delay) throws InterruptedException;

    /** {@return a wait in real time: the server's thread sleeps for the delay} */
    static LatencyWait sleeping() {
        return delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
}
