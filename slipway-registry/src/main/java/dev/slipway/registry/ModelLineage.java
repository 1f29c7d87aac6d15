package dev.slipway.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model version was made from, when Slipway trained it: the run and the dataset version.
 * Empty for imported models. Immutable.
 *
 * @param runId the training run
 * @param datasetName the dataset the model learned from
 * @param datasetVersion the id of that dataset's version
 */
public record ModelLineage(
        Optional<String> runId, Optional<String> datasetName, Optional<String> datasetVersion) {

    public ModelLineage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(datasetVersion, "datasetVersion");
    }

    /** No known lineage. */
    public static ModelLineage none() {
        return new ModelLineage(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The lineage recorded in a manifest's provenance. */
    static ModelLineage of(Provenance provenance) {
        return switch (provenance.source()) {
            case Provenance.Trained t ->
                    new ModelLineage(
                            Optional.of(t.runId()),
                            Optional.of(t.datasetName()),
                            Optional.of(t.datasetVersion()));
            case Provenance.Imported i -> none();
        };
    }
}
