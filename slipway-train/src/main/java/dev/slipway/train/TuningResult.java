package dev.slipway.train;

import dev.slipway.registry.ModelVersion;
import dev.slipway.train.metrics.Evaluation;
import java.util.List;
import java.util.Objects;

/**
 * What a tuning gave: its run, every trial's run (with its cross-validated score), the best trial,
 * the model trained with the best parameters, and its evaluation on the held-out rows.
 */
public record TuningResult(
        Run run,
        List<Run> trials,
        Run best,
        ModelVersion model,
        Evaluation evaluation,
        List<String> warnings) {

    public TuningResult {
        Objects.requireNonNull(run, "run");
        trials = List.copyOf(trials);
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(evaluation, "evaluation");
        warnings = List.copyOf(warnings);
    }
}
