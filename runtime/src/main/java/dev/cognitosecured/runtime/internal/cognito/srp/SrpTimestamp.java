package dev.cognitosecured.runtime.internal.cognito.srp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * The {@code TIMESTAMP} of a {@code PASSWORD_VERIFIER} answer, in the form Cognito checks, e.g.
 * {@code Tue Feb 3 04:05:06 UTC 2026}: English day and month abbreviations, the day of the month
 * without padding, a 24-hour time with two digits each, always in UTC. The names are spelled out
 * here rather than taken from locale data, whose abbreviations vary with the Java version.
 */
public final class SrpTimestamp {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, Map.of(
                    1L, "Mon", 2L, "Tue", 3L, "Wed", 4L, "Thu", 5L, "Fri", 6L, "Sat", 7L, "Sun"))
            .appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, Map.ofEntries(
                    Map.entry(1L, "Jan"), Map.entry(2L, "Feb"), Map.entry(3L, "Mar"), Map.entry(4L, "Apr"),
                    Map.entry(5L, "May"), Map.entry(6L, "Jun"), Map.entry(7L, "Jul"), Map.entry(8L, "Aug"),
                    Map.entry(9L, "Sep"), Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec")))
            .appendLiteral(' ')
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendLiteral(" UTC ")
            .appendValue(ChronoField.YEAR)
            .toFormatter();

    private final Clock clock;

    /** Timestamps read from {@code clock}; {@link Clock#systemUTC()} outside tests. */
    public SrpTimestamp(Clock clock) {
        this.clock = clock;
    }

    /** The current time as Cognito's timestamp. */
    public String now() {
        return format(clock.instant());
    }

    /** {@code instant} as Cognito's timestamp. */
    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
