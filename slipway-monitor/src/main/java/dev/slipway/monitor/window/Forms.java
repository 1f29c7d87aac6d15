package dev.slipway.monitor.window;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The grammar of window specs. */
final class Forms {

    static final Pattern PATTERN = Pattern.compile("(\\d+)\\s*(mo|m|h|d|w|rows|row)");

    private Forms() {}

    /** A span of {@code minutes}, refused as too large beyond {@link WindowSpec.Span#MAX}. */
    static WindowSpec.Span span(String text, long minutes) {
        if (minutes > WindowSpec.Span.MAX.toMinutes()) {
            throw invalid(text, " (the number is too large: at most 36500 days)");
        }
        return new WindowSpec.Span(Duration.ofMinutes(minutes));
    }

    /**
     * A span of {@code count} months, refused as too large beyond {@link WindowSpec.Months#MAX}.
     */
    static WindowSpec.Months months(String text, long count) {
        if (count > WindowSpec.Months.MAX) {
            throw invalid(text, " (the number is too large: at most 1200 months)");
        }
        return new WindowSpec.Months((int) count);
    }

    static InvalidInputException invalid(String text, String why) {
        return InvalidInputException.of(
                "window",
                "'%s' is not a window%s; write one of %s".formatted(text, why, WindowSpec.FORMS));
    }
}
