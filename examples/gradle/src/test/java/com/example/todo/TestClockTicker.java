package com.example.todo;

import dev.cognitosecured.runtime.spi.Ticker;
import dev.cognitosecured.testing.cognito.ManualClock;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Gives the application under test the test's clock as its {@link Ticker}: its tokens then expire when the test
 * moves the clock, never while it waits.
 */
public final class TestClockTicker implements Extension {

    private final ManualClock clock;

    public TestClockTicker(ManualClock clock) {
        this.clock = clock;
    }

    void addTicker(@Observes AfterBeanDiscovery discovery) {
        Ticker ticker = clock::nanoTime;
        discovery.addBean()
                .types(Ticker.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> ticker);
    }
}
