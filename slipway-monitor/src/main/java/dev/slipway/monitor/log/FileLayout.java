package dev.slipway.monitor.log;

import dev.slipway.api.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a plain file of predictions are what: its time column, its prediction columns,
 * and columns that are neither inputs nor predictions (ids, targets); every other column is an
 * input.
 *
 * @param timeColumn the column of each row's time: a timestamp (without a zone it is UTC), a date,
 *     or text DuckDB reads as a timestamp
 * @param outputs the prediction columns, e.g. {@code y_pred_proba, y_pred}
 * @param ignored columns that are not inputs, e.g. {@code id}; names the file lacks are skipped
 */
public record FileLayout(String timeColumn, List<String> outputs, List<String> ignored) {

    public FileLayout {
        Objects.requireNonNull(timeColumn, "timeColumn");
        outputs = List.copyOf(outputs);
        ignored = List.copyOf(ignored);
        if (timeColumn.isBlank()) {
            throw InvalidInputException.of(
                    "time column", "name the file's time column, e.g. timestamp");
        }
    }
}
