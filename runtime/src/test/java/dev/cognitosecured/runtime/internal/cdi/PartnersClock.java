package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The clock of the pool named "partners" only, beside the {@code @Default} {@link FakeClock}. */
@ApplicationScoped
@AuthFlow("partners")
public class PartnersClock implements Ticker {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
