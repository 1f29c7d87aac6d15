package dev.slipway.formats.pipeline;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.FeaturePipeline;
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
}
