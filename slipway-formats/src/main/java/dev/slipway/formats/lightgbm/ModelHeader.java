package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Task;
import java.util.List;
import java.util.Objects;

/**
 * What Slipway needs to know of a checked LightGBM text model: what it predicts and what it takes.
 *
 * @param task binary and multi-class objectives give classes; every other objective a number
 * @param objective the objective line's value ({@code binary sigmoid:1}), empty when there is none
 * @param classCount LightGBM's {@code num_class}: the number of values its prediction gives per row
 *     (1 for binary and regression objectives)
 * @param featureNames the model's own names, one per feature
 * @param categorical for each feature, whether the model splits it by category code
 * @param treeCount the number of trees
 */
record ModelHeader(
        Task task,
        String objective,
        int classCount,
        List<String> featureNames,
        List<Boolean> categorical,
        int treeCount) {

    ModelHeader {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(objective, "objective");
        featureNames = List.copyOf(featureNames);
        categorical = List.copyOf(categorical);
        if (classCount < 1 || featureNames.size() != categorical.size() || treeCount < 1) {
            throw new IllegalArgumentException(
                    "inconsistent header: %d classes, %d names, %d feature kinds, %d trees"
                            .formatted(
                                    classCount,
                                    featureNames.size(),
                                    categorical.size(),
                                    treeCount));
        }
    }

    /** The number of input features. */
    int featureCount() {
        return featureNames.size();
    }
}
