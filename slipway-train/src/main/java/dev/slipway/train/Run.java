package dev.slipway.train;

import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded training: what it was given, what it measured, and the model it registered.
 *
 * @param id the run's id: 12 hex digits
 * @param kind a training, a tuning, or one trial of a tuning
 * @param parent the tuning a trial belongs to
 * @param createdAt when it started
 * @param duration how long it took
 * @param dataset the training dataset's name
 * @param datasetVersion the training dataset version's id
 * @param datasetSha256 the content hash of that version
 * @param holdout the rows evaluated on: a fraction, folds, or a dataset version
 * @param target the predicted column
 * @param task the task
 * @param algorithm the algorithm
 * @param seed the seed
 * @param params every parameter XGBoost was given, defaults included, by name
 * @param metrics the evaluation's headline numbers, by name, in the evaluation's order
 * @param environment library, JVM and OS versions
 * @param model the registered model version, if any
 */
public record Run(
        String id,
        Kind kind,
        Optional<String> parent,
        Instant createdAt,
        Duration duration,
        String dataset,
        String datasetVersion,
        String datasetSha256,
        String holdout,
        String target,
        Task task,
        Algorithm algorithm,
        long seed,
        Map<String, String> params,
        Map<String, Double> metrics,
        Map<String, String> environment,
        Optional<ModelRef.Version> model) {

    /** What kind of work a run was. */
    public enum Kind {
        TRAIN,
        TUNE,
        TRIAL;

        /** The lower-case name stored and shown. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind fromLabel(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(datasetVersion, "datasetVersion");
        Objects.requireNonNull(datasetSha256, "datasetSha256");
        Objects.requireNonNull(holdout, "holdout");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(algorithm, "algorithm");
        params = Map.copyOf(params);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        environment = Map.copyOf(environment);
        Objects.requireNonNull(model, "model");
    }
}
