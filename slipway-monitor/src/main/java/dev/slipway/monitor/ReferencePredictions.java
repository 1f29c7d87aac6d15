package dev.slipway.monitor;

import java.util.Objects;

/**
 * Where the reference's predictions come from when the reference is a model's training data: the
 * training rows scored by one version of the model. Immutable.
 *
 * @param model the model's name
 * @param version the model version that scored the training data
 * @param dataset the dataset version scored, {@code name@id}
 * @param rows the rows of the training data
 * @param predictedRows the rows that got predictions
 * @param choice why this version, in words (e.g. {@code the version of every row of the current
 *     data})
 */
public record ReferencePredictions(
        String model, int version, String dataset, long rows, long predictedRows, String choice) {

    public ReferencePredictions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(choice, "choice");
    }

    /** In words, e.g. {@code the training data scored by adult-income/2 (the version ...)}. */
    public String describe() {
        return "the training data %s scored by %s/%d (%s)"
                .formatted(dataset, model, version, choice);
    }
}
