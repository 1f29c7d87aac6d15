package dev.slipway.monitor.perf;

import dev.slipway.monitor.window.WindowSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What realized performance to compute.
 *
 * @param window how to cut the predictions into windows
 * @param keyColumn the column of the predictions the labels are keyed by: {@code request_id} for
 *     the prediction log's request ids, else a column such as {@code id} (see {@link
 *     LabelOptions}); labels keyed by other columns are not used
 * @param columns which columns hold the predictions
 * @param baseline the model version whose training metrics to compare with, when known
 */
public record PerformanceSpec(
        WindowSpec window,
        String keyColumn,
        PredictionColumns columns,
        Optional<ModelBaseline> baseline) {

    public PerformanceSpec {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** Labels keyed by request id, no baseline. */
    public static PerformanceSpec of(WindowSpec window, PredictionColumns columns) {
        return new PerformanceSpec(window, LabelOptions.REQUEST_ID, columns, Optional.empty());
    }

    /** The same spec with labels keyed by {@code column}. */
    public PerformanceSpec withKeyColumn(String column) {
        return new PerformanceSpec(window, column, columns, baseline);
    }

    /** The same spec, comparing with {@code model}'s training metrics. */
    public PerformanceSpec comparedWith(ModelBaseline model) {
        return new PerformanceSpec(window, keyColumn, columns, Optional.of(model));
    }
}
