package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.util.List;
import java.util.Objects;

/**
 * A LightGBM model loaded by LightGBM itself. Inputs are one FP64 column per feature: LightGBM
 * compares features with its double thresholds, so doubles reach it unrounded. Thread-safe; see
 * {@link NativeBooster}.
 */
final class LightGbmPredictor implements Predictor {

    private final String source;
    private final ModelHeader header;
    private final List<String> features;
    private final Signature signature;
    private final NativeBooster booster;

    LightGbmPredictor(
            String source, ModelHeader header, List<String> features, NativeBooster booster) {
        this.source = Objects.requireNonNull(source, "source");
        this.header = Objects.requireNonNull(header, "header");
        this.features = List.copyOf(features);
        this.booster = Objects.requireNonNull(booster, "booster");
        this.signature =
                new Signature(
                        this.features.stream()
                                .map(name -> ColumnSpec.scalar(name, DType.FP64))
                                .toList(),
                        Outputs.specs(header));
    }

    @Override
    public Signature signature() {
        return signature;
    }

    /** Whether the model splits feature {@code index} by category code. */
    boolean isCategorical(int index) {
        return header.categorical().get(index);
    }

    @Override
    public Frame predict(Frame input) {
        Objects.requireNonNull(input, "input");
        if (booster.isClosed()) {
            throw new IllegalStateException(
                    "LightGBM model '%s' is closed; load it again to predict".formatted(source));
        }
        double[] rows = FeatureMatrix.rows(input, features, source);
        double[] values = input.rows() == 0 ? new double[0] : booster.predict(rows, input.rows());
        return Outputs.frame(header, values, input.rows());
    }

    @Override
    public void close() {
        booster.close();
    }

    @Override
    public String toString() {
        return "LightGBM model '%s' (%s, %d features, %d trees)"
                .formatted(source, header.task().label(), features.size(), header.treeCount());
    }
}
