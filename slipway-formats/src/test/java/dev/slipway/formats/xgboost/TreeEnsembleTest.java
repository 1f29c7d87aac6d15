package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The branch-free walk on the edges of float32 comparison: signed zeros, NaN, infinities. */
class TreeEnsembleTest {

    /** One split on feature 0 at {@code threshold}: left leaf 1, right leaf 2, default as given. */
    private static TreeEnsemble stump(float threshold, boolean defaultLeft) {
        return new TreeEnsemble(
                new int[] {0},
                new int[] {0},
                new int[] {0, -1, -1},
                new float[] {threshold, 1f, 2f},
                new int[] {1, 0, 0},
                new int[] {2, 0, 0},
                new int[] {defaultLeft ? 1 : 2, 0, 0},
                new float[] {0f});
    }

    private static float leaf(TreeEnsemble trees, float x) {
        return trees.margin(new float[] {x}, 0);
    }

    @Test
    void margin_zeroThreshold_comparesLikeJavaLessThan() {
        TreeEnsemble trees = stump(0f, true);
        float[] inputs = {
            -0f,
            0f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            1f,
            -1f,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.MAX_VALUE,
            -Float.MAX_VALUE
        };
        for (float x : inputs) {
            assertThat(leaf(trees, x)).as("x = %s", x).isEqualTo(x < 0f ? 1f : 2f);
        }
    }

    @Test
    void margin_nonZeroThreshold_comparesLikeJavaLessThan() {
        float threshold = 0.5f;
        TreeEnsemble trees = stump(threshold, false);
        float[] inputs = {
            Math.nextDown(threshold),
            threshold,
            Math.nextUp(threshold),
            -0f,
            0f,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY
        };
        for (float x : inputs) {
            assertThat(leaf(trees, x)).as("x = %s", x).isEqualTo(x < threshold ? 1f : 2f);
        }
    }

    @Test
    void margin_nanOfEitherSign_followsDefaultDirection() {
        float negativeNaN = Float.intBitsToFloat(0xffc00000);
        assertThat(leaf(stump(0.5f, true), Float.NaN)).isEqualTo(1f);
        assertThat(leaf(stump(0.5f, true), negativeNaN)).isEqualTo(1f);
        assertThat(leaf(stump(0.5f, false), Float.NaN)).isEqualTo(2f);
        assertThat(leaf(stump(0.5f, false), negativeNaN)).isEqualTo(2f);
    }
}
