package dev.slipway.formats.pipeline;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;

/** Puts a {@link FeaturePipeline} in front of a model's predictor. */
public final class FeaturePipelines {

    private FeaturePipelines() {}

    /**
     * A predictor that takes raw records (the columns {@code pipeline} reads, with the training
     * data's types), turns them into the features {@code model} takes, and returns the class name
     * as {@code label} and the class probabilities under the class names. Closing it closes {@code
     * model}.
     *
     * @throws InvalidInputException when {@code model} does not take as many features as the
     *     pipeline writes
     */
    public static Predictor wrap(FeaturePipeline pipeline, Predictor model) {
        return new PipelinePredictor(pipeline, model);
    }

    /**
     * The features of every row of {@code input}, as the wrapped model receives them: {@link
     * FeaturePipeline#featureCount()} float32 values per row, row after row, NaN for a missing
     * value. Training uses this, so a model is trained on exactly what it is served.
     *
     * @throws InvalidInputException when a column is missing or has the wrong type
     */
    public static float[] encodeRows(FeaturePipeline pipeline, Frame input) {
        return PipelinePredictor.encode(PipelinePredictor.encoders(pipeline), input);
    }
}
