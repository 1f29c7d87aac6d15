package dev.slipway.formats.xgboost;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.formats.internal.RowMatrixPredictor;
import java.util.List;

/**
 * An XGBoost model as a {@link Predictor}: one FP32 input column per feature, outputs from the
 * objective ({@link XGBoostOutputs}). Each batch is gathered once into a row-major float32 matrix
 * and walked by the tree evaluator. Thread-safe; holds no native memory, so closing only stops it.
 */
final class XGBoostPredictor implements RowMatrixPredictor {

    private final String source;
    private final XGBoostModel model;
    private final FeatureMatrix features;
    private final Signature signature;
    private volatile boolean closed;

    XGBoostPredictor(String source, XGBoostModel model, List<String> featureNames) {
        this.source = source;
        this.model = model;
        this.features = new FeatureMatrix(source, featureNames);
        this.signature =
                new Signature(
                        featureNames.stream().map(n -> ColumnSpec.scalar(n, DType.FP32)).toList(),
                        XGBoostOutputs.specs(model));
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public Frame predict(Frame input) {
        if (closed) {
            throw new IllegalStateException(
                    "XGBoost model %s is closed; load it again to predict".formatted(source));
        }
        return predictRows(features.gather(input), input.rows());
    }

    @Override
    public Frame predictRows(float[] matrix, int rows) {
        if (closed) {
            throw new IllegalStateException(
                    "XGBoost model %s is closed; load it again to predict".formatted(source));
        }
        float[] predictions = new float[rows * model.predictionWidth()];
        model.predict(matrix, rows, predictions);
        return XGBoostOutputs.frame(model, predictions, rows);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "XGBoostPredictor[%s]".formatted(model);
    }
}
