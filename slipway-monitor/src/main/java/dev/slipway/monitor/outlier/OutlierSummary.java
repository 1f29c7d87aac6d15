package dev.slipway.monitor.outlier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outlier scores of the current data against the reference.
 *
 * @param method how rows were scored, in words
 * @param rows the rows scored
 * @param outlierRows the rows with at least one feature outside the reference (score above 0)
 * @param meanScore the mean score of all rows (0 when there are none)
 * @param outsideByFeature per feature, in feature order, how many rows had it outside
 * @param ranges per feature, the reference range a value must lie in
 * @param top the highest-scoring rows, highest first (ties in row order)
 */
public record OutlierSummary(
        String method,
        long rows,
        long outlierRows,
        double meanScore,
        Map<String, Long> outsideByFeature,
        List<FeatureRange> ranges,
        List<OutlierRow> top) {

    public OutlierSummary {
        outsideByFeature =
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outsideByFeature));
        ranges = List.copyOf(ranges);
        top = List.copyOf(top);
    }

    /** The share of rows with a score above 0; 0 when no row was scored. */
    public double outlierShare() {
        return rows == 0 ? 0 : (double) outlierRows / rows;
    }
}
