package dev.cognitosecured.runtime.internal.cognito.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SrpTimestampTest {

    @Test
    void singleDigitDayIsNotPadded() {
        assertEquals("Tue Feb 3 04:05:06 UTC 2026", at("2026-02-03T04:05:06Z").now());
    }

    @Test
    void twoDigitDayMidnightAndSeptember() {
        // "Sep", never the "Sept" that some locales' data spell.
        assertEquals("Sun Sep 14 00:00:09 UTC 2025", at("2025-09-14T00:00:09.999Z").now());
    }

    @Test
    void alwaysUtcWhateverTheClocksZone() {
        SrpTimestamp tokyo = new SrpTimestamp(Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneId.of("Asia/Tokyo")));
        assertEquals("Wed Dec 31 23:30:00 UTC 2025", tokyo.now());
    }

    @Test
    void englishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("Thu May 1 12:00:00 UTC 2025", at("2025-05-01T12:00:00Z").now());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void readsTheClockEachTime() {
        MovableClock clock = new MovableClock(Instant.parse("2026-02-03T04:05:06Z"));
        SrpTimestamp timestamp = new SrpTimestamp(clock);
        assertEquals("Tue Feb 3 04:05:06 UTC 2026", timestamp.now());
        clock.now = Instant.parse("2026-02-04T10:11:12Z");
        assertEquals("Wed Feb 4 10:11:12 UTC 2026", timestamp.now());
    }

    private static SrpTimestamp at(String instant) {
        return new SrpTimestamp(Clock.fixed(Instant.parse(instant), ZoneId.of("UTC")));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
