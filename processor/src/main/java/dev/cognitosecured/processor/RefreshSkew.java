package dev.cognitosecured.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code @CognitoSecured(refreshSkew)}: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or an
 * ISO-8601 duration such as {@code PT30S}. A negative duration is read as such; whether it is allowed is
 * the validator's business.
 */
final class RefreshSkew {

    /** From 5 minutes on every call would refresh tokens of the shortest lifetime Cognito allows. */
    static final Duration LONG = Duration.ofMinutes(5);

    private static final Pattern SHORT_FORM = Pattern.compile("(-?\\d{1,18})(ms|s|m|h)");

    private RefreshSkew() {
    }

    /** The duration written, or empty if it is not one (or does not fit in a long of milliseconds). */
    static Optional<Duration> parse(String text) {
        try {
            Duration duration = read(text);
            duration.toMillis(); // throws ArithmeticException when it does not fit
            return Optional.of(duration);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * The unit to write {@code duration} (a skew read from {@code text}) in: the one of the short form
     * ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}) as the user wrote it; for ISO-8601 the largest
     * of hours, minutes, seconds and milliseconds that holds it exactly.
     */
    static ChronoUnit unit(String text, Duration duration) {
        Matcher shortForm = SHORT_FORM.matcher(text);
        if (shortForm.matches()) {
            return switch (shortForm.group(2)) {
                case "ms" -> ChronoUnit.MILLIS;
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                default -> ChronoUnit.HOURS;
            };
        }
        for (ChronoUnit unit : List.of(ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
            if (duration.toMillis() % unit.getDuration().toMillis() == 0) {
                return unit;
            }
        }
        return ChronoUnit.MILLIS;
    }

    private static Duration read(String text) {
        Matcher shortForm = SHORT_FORM.matcher(text);
        if (!shortForm.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
