package dev.switchboard.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations as the file writes them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code
 * 1d}, combined as in {@code 1m30s}; ISO-8601 such as {@code PT30S}; or a whole number of
 * milliseconds.
 */
final class Durations {
    static final String EXPECTED =
            "a positive duration such as \"30s\", \"500ms\", \"2m\", \"1h\", \"PT30S\" or a number of milliseconds";

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
    private static final Pattern MILLIS = Pattern.compile("[0-9]+");

    private Durations() {}

    /** The duration {@code text} stands for, or {@code null} if it is none or not positive. */
    static @Nullable Duration parse(String text) {
        String trimmed = text.strip();
        try {
            Duration duration;
            if (MILLIS.matcher(trimmed).matches()) {
                duration = Duration.ofMillis(Long.parseLong(trimmed));
            } else if (WHOLE.matcher(trimmed).matches()) {
                duration = sum(trimmed);
            } else if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
                duration = Duration.parse(trimmed);
            } else {
                return null;
            }
            return positive(duration);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** {@code millis} as a duration, or {@code null} if it is not positive. */
    static @Nullable Duration ofMillis(long millis) {
        return positive(Duration.ofMillis(millis));
    }

    private static Duration sum(String text) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            Duration unit = switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(1);
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            total = total.plus(unit.multipliedBy(amount));
        }
        return total;
    }

    private static @Nullable Duration positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? null : duration;
    }
}
