package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;

/**
 * A model file format that Slipway can load (XGBoost, ONNX, LightGBM, ...). Implementations are
 * stateless and thread-safe; they are registered explicitly or found with {@link
 * java.util.ServiceLoader} in the application's entry point only.
 */
public interface ModelFormat {

    /** The format's short name, as stored in a model's manifest: {@code xgboost}, {@code onnx}. */
    String name();

    /** The library and version that evaluates this format, recorded in provenance. */
    String runtime();

    /**
     * Whether a file looks like this format, judged from its name and its first bytes (at most 64
     * KiB). A cheap test: {@link #load} may still refuse the file.
     */
    boolean recognizes(String fileName, byte[] head);

    /**
     * Loads a model from the bytes of its file.
     *
     * @param source names the model in messages (a path, or {@code adult-income/3})
     * @throws InvalidInputException when the bytes are not a model of this format, are truncated or
     *     corrupt, or use something this format does not support; the message says which
     */
    Predictor load(byte[] model, String source, LoadOptions options);
}
