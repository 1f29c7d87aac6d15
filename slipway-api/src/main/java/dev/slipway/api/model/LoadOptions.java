package dev.slipway.api.model;

import java.util.List;

/**
 * How to load a model file.
 *
 * @param featureNames names for the model's input features, in order, when the file carries none or
 *     they should be replaced; empty to keep the file's own (or {@code f0, f1, ...} when it has
 *     none, as XGBoost names them)
 */
public record LoadOptions(List<String> featureNames) {

    public LoadOptions {
        featureNames = List.copyOf(featureNames);
    }

    /** The file's own names. */
    public static LoadOptions defaults() {
        return new LoadOptions(List.of());
    }
}
