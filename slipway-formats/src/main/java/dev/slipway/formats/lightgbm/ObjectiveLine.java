package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Task;
import java.util.List;

/** What a model's objective line says it predicts. */
final class ObjectiveLine {

    private ObjectiveLine() {}

    /**
     * The task of a model: {@code binary} gives two classes, {@code multiclass} and {@code
     * multiclassova} gives {@code classes}; every other objective (regression, ranking, cross
     * entropy, none) gives numbers, transformed as LightGBM transforms them.
     */
    static Task task(String objective, int classes, int perIteration, Corruption errors) {
        List<String> tokens = Tokens.split(objective);
        String name = tokens.isEmpty() ? "" : tokens.get(0);
        return switch (name) {
            case "binary" -> {
                if (classes != 1 || perIteration != 1) {
                    throw errors.corrupt(
                            "the objective is binary but num_class is %d and num_tree_per_iteration %d (both should be 1)"
                                    .formatted(classes, perIteration));
                }
                yield Task.BINARY;
            }
            case "multiclass", "multiclassova" -> {
                String declared = "num_class:" + classes;
                if (classes < 2 || perIteration != classes || !tokens.contains(declared)) {
                    throw errors.corrupt(
                            "the objective line '%s' does not agree with num_class=%d and num_tree_per_iteration=%d"
                                    .formatted(objective, classes, perIteration));
                }
                yield Task.MULTICLASS;
            }
            default -> Task.REGRESSION;
        };
    }
}
