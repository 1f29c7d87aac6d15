package dev.slipway.monitor.perf;

import java.util.Objects;

/**
 * One metric as recorded at training beside its realized value.
 *
 * @param metric the metric's name, e.g. {@code auc}
 * @param training its value on the held-out rows at training
 * @param realized its value on the labelled predictions
 * @param change {@code realized - training}
 * @param higherIsBetter whether a larger value is better (so a negative change is a loss)
 */
public record MetricComparison(
        String metric, double training, double realized, double change, boolean higherIsBetter) {

    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
    }

    /** Whether the realized value is worse than at training. */
    public boolean worse() {
        return higherIsBetter ? change < 0 : change > 0;
    }
}
