package dev.slipway.train;

import dev.slipway.registry.ModelVersion;
import dev.slipway.train.metrics.Evaluation;
import java.util.List;
import java.util.Objects;

/**
 * What a training gave: the recorded run, the registered model version, the evaluation on the
 * held-out rows, and the warnings raised on the way.
 */
public record TrainingResult(
        Run run, ModelVersion model, Evaluation evaluation, List<String> warnings) {

    public TrainingResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(evaluation, "evaluation");
        warnings = List.copyOf(warnings);
    }
}
