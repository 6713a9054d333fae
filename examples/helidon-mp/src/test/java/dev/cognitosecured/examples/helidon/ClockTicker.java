package dev.cognitosecured.examples.helidon;

import dev.cognitosecured.runtime.spi.Ticker;

/**
 * The application's {@link Ticker} in {@link TwoUsersSideBySideTest}: the test's clock, which the stand-ins read
 * too, so that moving it expires the tokens for the library and for LocalGraphQL alike.
 */
public class ClockTicker implements Ticker {

    @Override
    public long read() {
        return TwoUsersSideBySideTest.CLOCK.nanoTime();
    }
}
