package dev.slipway.monitor.perf;

import dev.slipway.monitor.window.Window;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The realized performance of one window.
 *
 * @param window the window, with its row count
 * @param labelled its rows that have a label (and a prediction)
 * @param metrics the task's metrics over those rows, by name as in {@link
 *     dev.slipway.train.metrics.Evaluation} ({@code auc}, {@code accuracy}, ...), in a fixed order;
 *     empty when no row is labelled; NaN when undefined (AUC when the labels hold one class, R²
 *     with one row)
 */
public record WindowPerformance(Window window, long labelled, Map<String, Double> metrics) {

    public WindowPerformance {
        Objects.requireNonNull(window, "window");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (labelled < 0 || (labelled == 0) != metrics.isEmpty()) {
            throw new IllegalArgumentException(
                    "window %d has %d labelled rows and metrics %s"
                            .formatted(window.index(), labelled, metrics));
        }
    }
}
