package dev.slipway.formats.xgboost;

/**
 * XGBoost's {@code gblinear} booster: per output group, a bias plus one weight per feature. Summed
 * in float32 in feature order, skipping missing values, as XGBoost does, starting from the bias
 * plus the base margin.
 */
final class LinearBooster implements Booster {

    private final int features;
    private final int groups;
    private final float[] weights;
    private final float[] baseMargins;

    /**
     * @param weights XGBoost's layout: feature {@code i}, group {@code g} at {@code i * groups +
     *     g}, then the biases at {@code features * groups + g}
     */
    LinearBooster(int features, int groups, float[] weights, float[] baseMargins) {
        if (weights.length != (features + 1) * groups || baseMargins.length != groups) {
            throw new IllegalArgumentException(
                    "a linear model of %d features and %d groups needs %d weights, got %d"
                            .formatted(features, groups, (features + 1) * groups, weights.length));
        }
        this.features = features;
        this.groups = groups;
        this.weights = weights;
        this.baseMargins = baseMargins;
    }

    @Override
    public float margin(float[] rows, int rowOffset) {
        return group(rows, rowOffset, 0);
    }

    @Override
    public void margins(float[] rows, int rowOffset, float[] out, int outOffset) {
        for (int g = 0; g < groups; g++) {
            out[outOffset + g] = group(rows, rowOffset, g);
        }
    }

    private float group(float[] rows, int rowOffset, int g) {
        float sum = weights[features * groups + g] + baseMargins[g];
        for (int i = 0; i < features; i++) {
            float x = rows[rowOffset + i];
            if (!Float.isNaN(x)) {
                sum += x * weights[i * groups + g];
            }
        }
        return sum;
    }

    @Override
    public int groupCount() {
        return groups;
    }

    @Override
    public int treeCount() {
        return 0;
    }
}
