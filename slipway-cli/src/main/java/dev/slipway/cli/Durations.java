package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 0}. */
final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {}

    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw InvalidInputException.of(
                    option,
                    "%s '%s' is not a duration; write e.g. 250ms, 2s, 5m or 1h"
                            .formatted(option, text));
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? (n == 0 ? "s" : "") : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default ->
                    throw InvalidInputException.of(
                            option, "%s '%s' needs a unit: ms, s, m or h".formatted(option, text));
        };
    }
}
