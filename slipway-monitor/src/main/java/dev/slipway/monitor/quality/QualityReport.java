package dev.slipway.monitor.quality;

import dev.slipway.data.Problem;
import java.util.List;

/**
 * Data quality of the current data against the reference dataset version.
 *
 * @param against the reference version, e.g. {@code adult@3f2a...}
 * @param rows the rows checked
 * @param columns per feature, in order
 * @param problems what the data layer's validator found, for the features (a missing feature column
 *     is one)
 */
public record QualityReport(
        String against, long rows, List<ColumnQuality> columns, List<Problem> problems) {

    public QualityReport {
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
    }
}
