package dev.slipway.formats.internal;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;

/**
 * A predictor that can also take its features as one row-major float32 matrix, in the order of its
 * signature's inputs, skipping one column object per feature. The feature pipeline uses it for the
 * single-row path, where those objects cost as much as the trees.
 */
public interface RowMatrixPredictor extends Predictor {

    /**
     * Predicts {@code rowCount} rows stored one after another in {@code rows} (NaN for missing),
     * exactly as {@link #predict(Frame)} predicts the same values given as columns.
     */
    Frame predictRows(float[] rows, int rowCount);
}
