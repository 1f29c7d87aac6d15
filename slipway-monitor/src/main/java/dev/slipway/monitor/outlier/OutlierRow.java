package dev.slipway.monitor.outlier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scored row of the current data.
 *
 * @param key the row's identifying columns (for a prediction log: request id, row index and time)
 *     as text, in order
 * @param score the share of the row's non-missing features that lie outside the reference, 0 to 1
 * @param outside the features outside the reference, in feature order
 * @param values the row's values of those features, as text
 */
public record OutlierRow(
        Map<String, String> key, double score, List<String> outside, Map<String, String> values) {

    public OutlierRow {
        key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
        outside = List.copyOf(outside);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(key);
    }
}
