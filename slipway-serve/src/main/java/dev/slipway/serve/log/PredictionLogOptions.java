package dev.slipway.serve.log;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How much a {@link PredictionLog} buffers and how often it writes.
 *
 * @param capacityRows the most rows held in memory waiting to be written; when full, new entries
 *     are dropped (and counted) rather than blocking the caller
 * @param flushInterval how often the background writer writes what is buffered
 */
public record PredictionLogOptions(int capacityRows, Duration flushInterval) {

    public PredictionLogOptions {
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (capacityRows < 1) {
            throw InvalidInputException.of(
                    "capacityRows",
                    "the prediction log buffer must hold at least 1 row, got %d"
                            .formatted(capacityRows));
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw InvalidInputException.of(
                    "flushInterval",
                    "the prediction log flush interval must be positive, got %s"
                            .formatted(flushInterval));
        }
    }

    /** 100,000 rows, written every 5 seconds. */
    public static PredictionLogOptions defaults() {
        return new PredictionLogOptions(100_000, Duration.ofSeconds(5));
    }
}
