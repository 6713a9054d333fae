package dev.cognitosecured.runtime.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration: a whole number with a unit ({@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}) or ISO-8601 ({@code PT2M}); {@code 0} alone is
 * zero. Negative durations are refused.
 */
final class DurationText {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    /** The duration {@code text} stands for, or empty if it is not one. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Optional.of(Duration.ZERO); // no unit needed for nothing
        }
        Matcher matcher = WITH_UNIT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        if (trimmed.startsWith("p")) {
            try {
                Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                return duration.isNegative() ? Optional.empty() : Optional.of(duration);
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code duration} as {@link #parse} reads it back, in the largest unit that keeps it whole. */
    static String shown(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 60 != 0 || seconds == 0) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
