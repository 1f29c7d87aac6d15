package dev.slipway.monitor;

import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.window.Window;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift in one window of the current data.
 *
 * @param window the window
 * @param data the drift of its inputs; empty when it has too few rows to compare
 * @param prediction the drift of its outputs, when the reference has them too
 * @param note why a part is empty, or empty
 */
public record WindowDrift(
        Window window,
        Optional<DatasetDrift> data,
        Optional<DatasetDrift> prediction,
        Optional<String> note) {

    public WindowDrift {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(note, "note");
    }
}
