package dev.slipway.monitor;

import dev.slipway.monitor.drift.ColumnCounts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Columns' values in the reference and in the current data, counted per distinct value (the counts
 * drift is computed from), for distribution charts. Immutable.
 *
 * @param reference what the reference is, in words
 * @param current what the current data is, in words
 * @param referenceRows rows of the reference
 * @param currentRows rows of the current data
 * @param columns per column, its counts on both sides; a column the reference does not have (the
 *     model's outputs in a dataset given as reference) has no reference values
 * @param note why some columns have no reference values, when they have none
 * @param referencePredictions where the reference's predictions come from, when they are the
 *     training data scored by the model
 */
public record Distributions(
        String reference,
        String current,
        long referenceRows,
        long currentRows,
        List<ColumnCounts> columns,
        Optional<String> note,
        Optional<ReferencePredictions> referencePredictions) {

    public Distributions {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        columns = List.copyOf(columns);
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(referencePredictions, "referencePredictions");
    }
}
