package dev.slipway.monitor;

import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.window.WindowSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What drift to compute.
 *
 * @param model the model whose inputs (and outputs) are compared; needed for the training reference
 *     and the prediction log, optional for two plain files
 * @param reference what the current data is compared with
 * @param current the data being monitored
 * @param columns the columns to compare; empty for every column both sides have (for a model: its
 *     inputs)
 * @param options methods, thresholds and the dataset drift share
 * @param window when present, drift is also computed per window of the current data
 */
public record DriftRequest(
        Optional<String> model,
        ReferenceData reference,
        CurrentData current,
        List<String> columns,
        DriftOptions options,
        Optional<WindowSpec> window) {

    public DriftRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        columns = List.copyOf(columns);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(window, "window");
    }
}
