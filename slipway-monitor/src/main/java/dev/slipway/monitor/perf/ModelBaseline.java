package dev.slipway.monitor.perf;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.registry.ModelLineage;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry recorded about a model version when it was trained or imported, to read its
 * predictions and compare its realized performance with: task, signature, classes, decision
 * threshold, metrics and lineage. Immutable.
 *
 * @param ref the version
 * @param task what the model predicts, when known
 * @param signature its inputs and outputs
 * @param classes its class names in class order (from its feature pipeline, else from the position
 *     names of its {@code probabilities} output); empty for a regressor or when unknown
 * @param threshold for a binary model, the probability of the second class at or above which it is
 *     predicted (its feature pipeline's, else 0.5)
 * @param metrics the metrics recorded at training, by name (e.g. {@code auc}); empty when none
 * @param lineage the run and dataset version it came from
 */
public record ModelBaseline(
        ModelRef.Version ref,
        Optional<Task> task,
        Signature signature,
        List<String> classes,
        double threshold,
        Map<String, Double> metrics,
        ModelLineage lineage) {

    public ModelBaseline {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(signature, "signature");
        classes = List.copyOf(classes);
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(lineage, "lineage");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
    }

    /**
     * What {@code registry} recorded about the version {@code ref} names now.
     *
     * @throws dev.slipway.api.NotFoundException when there is no such version
     */
    public static ModelBaseline of(ModelRegistry registry, ModelRef ref) {
        ModelVersion v = registry.resolve(ref);
        ModelManifest m = registry.manifest(v);
        List<String> classes =
                m.pipeline()
                        .map(FeaturePipeline::classes)
                        .filter(c -> !c.isEmpty())
                        .or(
                                () ->
                                        m.signature()
                                                .findOutput(Signature.PROBABILITIES)
                                                .map(ColumnSpec::labels)
                                                .filter(c -> !c.isEmpty()))
                        .orElse(List.of());
        double threshold =
                m.pipeline()
                        .map(FeaturePipeline::threshold)
                        .orElse(FeaturePipeline.DEFAULT_THRESHOLD);
        return new ModelBaseline(
                v.ref(), m.task(), m.signature(), classes, threshold, m.metrics(), v.lineage());
    }
}
