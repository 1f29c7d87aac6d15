package dev.slipway.formats.xgboost;

/** XGBoost's link functions, computed in float32 the way XGBoost's CPU code computes them. */
final class Link {

    private Link() {}

    /** XGBoost's {@code common::Sigmoid}. */
    static float sigmoid(float margin) {
        float e = (float) Math.exp(Math.min(-margin, 88.7f));
        return 1.0f / (e + 1.0f + 1e-16f);
    }

    /** The exponential of a margin in float32, as XGBoost's Poisson objective predicts. */
    static float exp(float margin) {
        return (float) Math.exp(margin);
    }

    /** XGBoost's {@code common::Softmax} over {@code width} margins from {@code from}. */
    static void softmax(float[] margins, int from, int width, float[] out, int to) {
        float max = margins[from];
        for (int i = 1; i < width; i++) {
            max = Math.max(max, margins[from + i]);
        }
        double sum = 0;
        for (int i = 0; i < width; i++) {
            float e = (float) Math.exp(margins[from + i] - max);
            out[to + i] = e;
            sum += e;
        }
        float total = (float) sum;
        for (int i = 0; i < width; i++) {
            out[to + i] /= total;
        }
    }

    /** The index of the largest margin, the first on ties, as XGBoost's softmax prediction. */
    static float argmax(float[] margins, int from, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (margins[from + i] > margins[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
