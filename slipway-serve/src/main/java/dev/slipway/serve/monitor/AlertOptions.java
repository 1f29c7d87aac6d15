package dev.slipway.serve.monitor;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server checks alert rules while it runs.
 *
 * @param rules the alert rules file (YAML or JSON, see {@link
 *     dev.slipway.monitor.alert.AlertRules})
 * @param every how often the rules are checked; positive
 * @param window how far back each check looks: the rows of {@code [end - window, end)}, {@code end}
 *     being the time of the check rounded down to a multiple of {@code every}; positive
 */
public record AlertOptions(Path rules, Duration every, Duration window) {

    /** How often the rules are checked unless told otherwise: 5 minutes. */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);

    /** How far back a check looks unless told otherwise: 1 hour. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    /**
     * @throws InvalidInputException when a duration is zero or negative
     */
    public AlertOptions {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(window, "window");
        if (every.isZero() || every.isNegative()) {
            throw InvalidInputException.of(
                    "--monitor-every",
                    "the rules cannot be checked every %s; give a positive interval such as 5m"
                            .formatted(every));
        }
        if (window.toMillis() < 1) {
            throw InvalidInputException.of(
                    "--monitor-window",
                    "a check cannot look back %s; give a positive window such as 1h"
                            .formatted(window));
        }
    }

    /** The rules of {@code file}, checked every 5 minutes over the last hour. */
    public static AlertOptions of(Path file) {
        return new AlertOptions(file, DEFAULT_EVERY, DEFAULT_WINDOW);
    }

    /** The same options checking every {@code value}. */
    public AlertOptions withEvery(Duration value) {
        return new AlertOptions(rules, value, window);
    }

    /** The same options looking back {@code value}. */
    public AlertOptions withWindow(Duration value) {
        return new AlertOptions(rules, every, value);
    }
}
