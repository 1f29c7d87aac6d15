package dev.slipway.monitor.window;

import dev.slipway.api.InvalidInputException;
import java.util.regex.Pattern;

/** The grammar of window specs. */
final class Forms {

    static final Pattern PATTERN = Pattern.compile("(\\d+)\\s*(mo|m|h|d|w|rows|row)");

    private Forms() {}

    static InvalidInputException invalid(String text, String why) {
        return InvalidInputException.of(
                "window",
                "'%s' is not a window%s; write one of %s".formatted(text, why, WindowSpec.FORMS));
    }
}
