package dev.cognitosecured.runtime.internal.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in configuration: a whole number of bytes, or with a binary unit
 * ({@code 512KiB}, {@code 16MiB}; {@code KB}/{@code MB} and {@code K}/{@code M} mean the same).
 */
final class SizeText {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private SizeText() {
    }

    /** The number of bytes {@code text} stands for, or empty if it is not a size or does not fit in a long. */
    static Optional<Long> parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (amount > Long.MAX_VALUE >> shift) {
            return Optional.empty(); // more bytes than a long holds (found by DurationTextFuzzTest.anySize)
        }
        return Optional.of(amount << shift);
    }
}
