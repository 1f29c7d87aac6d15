package dev.slipway.monitor;

import dev.slipway.monitor.drift.DatasetDrift;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift between a reference and current data.
 *
 * @param reference what the reference is, in words (e.g. {@code dataset adult@3f2a (training data
 *     of adult-income v1)})
 * @param current what the current data is, in words
 * @param referenceRows rows of the reference
 * @param currentRows rows of the current data
 * @param data the drift of the inputs over all the current data
 * @param prediction the drift of the outputs, when both sides have them
 * @param predictionNote why there is no prediction drift, when there is none
 * @param windows per window of the current data, when windows were asked for
 * @param referencePredictions where the reference's predictions come from, when they are the
 *     training data scored by the model
 */
public record DriftReport(
        String reference,
        String current,
        long referenceRows,
        long currentRows,
        DatasetDrift data,
        Optional<DatasetDrift> prediction,
        Optional<String> predictionNote,
        List<WindowDrift> windows,
        Optional<ReferencePredictions> referencePredictions) {

    public DriftReport {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(predictionNote, "predictionNote");
        windows = List.copyOf(windows);
        Objects.requireNonNull(referencePredictions, "referencePredictions");
    }

    /** A report whose reference's predictions (if any) are the reference's own. */
    public DriftReport(
            String reference,
            String current,
            long referenceRows,
            long currentRows,
            DatasetDrift data,
            Optional<DatasetDrift> prediction,
            Optional<String> predictionNote,
            List<WindowDrift> windows) {
        this(
                reference,
                current,
                referenceRows,
                currentRows,
                data,
                prediction,
                predictionNote,
                windows,
                Optional.empty());
    }
}
