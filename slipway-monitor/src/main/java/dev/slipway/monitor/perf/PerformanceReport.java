package dev.slipway.monitor.perf;

import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.window.WindowSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The realized performance of a model's predictions, from their delayed labels: over the whole
 * period and per window, beside the metrics recorded at training. Immutable.
 *
 * @param model the model the labels are for
 * @param source the predictions, e.g. {@code prediction log of adult-income (all rows)}
 * @param task the task the metrics are for
 * @param keyColumn the column the labels were joined on
 * @param window how the predictions were cut
 * @param labelled the labelled rows over the whole period
 * @param metrics the metrics over the whole period (see {@link WindowPerformance#metrics()}); empty
 *     when no row is labelled
 * @param windows the metrics per window, in time order
 * @param baseline the model version compared with, when one was given
 * @param comparison each metric recorded at training and realized over the whole period, in the
 *     order of {@code metrics}; empty without a baseline or labels
 */
public record PerformanceReport(
        String model,
        String source,
        Task task,
        String keyColumn,
        WindowSpec window,
        long labelled,
        Map<String, Double> metrics,
        List<WindowPerformance> windows,
        Optional<ModelRef.Version> baseline,
        List<MetricComparison> comparison) {

    public PerformanceReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(window, "window");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        windows = List.copyOf(windows);
        Objects.requireNonNull(baseline, "baseline");
        comparison = List.copyOf(comparison);
    }

    /** The comparison of {@code metric}, if both values are known. */
    public Optional<MetricComparison> comparison(String metric) {
        return comparison.stream().filter(c -> c.metric().equals(metric)).findFirst();
    }
}
