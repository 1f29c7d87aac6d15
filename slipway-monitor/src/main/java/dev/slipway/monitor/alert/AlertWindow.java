package dev.slipway.monitor.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The time span one evaluation of the alert rules looks at: from {@code start} (inclusive) to
 * {@code end} (exclusive), to the millisecond (finer parts are dropped).
 *
 * @param start the first instant of the window
 * @param end the instant after the window; after {@code start}
 */
public record AlertWindow(Instant start, Instant end) {

    /**
     * @throws IllegalArgumentException when {@code end} is not after {@code start}
     */
    public AlertWindow {
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MILLIS);
        end = Objects.requireNonNull(end, "end").truncatedTo(ChronoUnit.MILLIS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "an alert window must end after it starts, but it runs from %s to %s"
                            .formatted(start, end));
        }
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
