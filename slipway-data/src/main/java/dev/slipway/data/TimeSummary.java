package dev.slipway.data;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The earliest and latest value of a timestamp column. Immutable.
 *
 * @param min the earliest value
 * @param max the latest value
 */
public record TimeSummary(LocalDateTime min, LocalDateTime max) {
    public TimeSummary {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isAfter(max)) {
            throw new IllegalArgumentException(
                    "a time summary's min " + min + " is after its max " + max);
        }
    }
}
