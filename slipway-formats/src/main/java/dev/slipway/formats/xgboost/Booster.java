package dev.slipway.formats.xgboost;

/**
 * What an XGBoost model adds to its base margin: trees ({@code gbtree}) or a linear function
 * ({@code gblinear}). Immutable and thread-safe.
 */
sealed interface Booster permits TreeEnsemble, LinearBooster {

    /** The margin of a single-group model for the row starting at {@code rows[rowOffset]}. */
    float margin(float[] rows, int rowOffset);

    /** Writes one margin per group for the row starting at {@code rows[rowOffset]}. */
    void margins(float[] rows, int rowOffset, float[] out, int outOffset);

    /** The number of margins per row: the number of classes, or 1. */
    int groupCount();

    /** The number of trees; 0 for a linear model. */
    int treeCount();
}
