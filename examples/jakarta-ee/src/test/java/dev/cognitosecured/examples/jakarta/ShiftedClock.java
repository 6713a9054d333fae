package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The application's clocks in the cluster test, packaged into the WAR that test deploys (never into the example's
 * own): the system's monotonic and wall clocks, shifted by the nanoseconds written in the file the server's
 * system property {@code example.clock.shift} names. The test moves both servers' time and the stand-ins' at once
 * by writing that file and advancing the stand-ins' clock, so tokens expire without anyone waiting. As a bean
 * of both types, it replaces the library's {@link Ticker} and wall clock for every pool.
 */
@Dependent
public class ShiftedClock implements Ticker, InstantSource {

    private final Path shift = Path.of(System.getProperty("example.clock.shift"));

    @Override
    public long read() {
        return System.nanoTime() + shiftNanos();
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(shiftNanos());
    }

    private long shiftNanos() {
        try {
            return Files.exists(shift) ? Long.parseLong(Files.readString(shift, StandardCharsets.US_ASCII).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
