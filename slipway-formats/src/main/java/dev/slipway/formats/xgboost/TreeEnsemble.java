package dev.slipway.formats.xgboost;

/**
 * The trees of an ensemble flattened into parallel node arrays, evaluated the way XGBoost does.
 *
 * <p>Node {@code n} of the ensemble is a split when {@code feature[n] >= 0}: a row goes to {@code
 * left[n]} when its value is below {@code value[n]} (compared in float32), to {@code missing[n]}
 * when the value is NaN, and to {@code right[n]} otherwise. A leaf has {@code feature[n] == -1} and
 * holds its output in {@code value[n]}. Child indices are absolute. Immutable, so thread-safe.
 */
final class TreeEnsemble {

    private final int[] roots;
    private final int[] groups;
    private final int[] feature;
    private final float[] value;
    private final int[] left;
    private final int[] right;
    private final int[] missing;
    private final float[] baseMargins;

    /**
     * @param roots the index of each tree's root node
     * @param groups the output group (class) each tree adds to
     * @param baseMargins the starting margin of each group
     */
    TreeEnsemble(
            int[] roots,
            int[] groups,
            int[] feature,
            float[] value,
            int[] left,
            int[] right,
            int[] missing,
            float[] baseMargins) {
        this.roots = roots.clone();
        this.groups = groups.clone();
        this.feature = feature.clone();
        this.value = value.clone();
        this.left = left.clone();
        this.right = right.clone();
        this.missing = missing.clone();
        this.baseMargins = baseMargins.clone();
    }

    int treeCount() {
        return roots.length;
    }

    int nodeCount() {
        return feature.length;
    }

    int groupCount() {
        return baseMargins.length;
    }

    /**
     * Writes the margins of the row starting at {@code rows[rowOffset]} to {@code out[outOffset]}
     * onwards, one per group, summing in float32 in tree order as XGBoost does.
     */
    void margins(float[] rows, int rowOffset, float[] out, int outOffset) {
        int[] feature = this.feature;
        float[] value = this.value;
        int[] left = this.left;
        int[] right = this.right;
        int[] missing = this.missing;
        System.arraycopy(baseMargins, 0, out, outOffset, baseMargins.length);
        for (int t = 0; t < roots.length; t++) {
            int n = roots[t];
            int f;
            while ((f = feature[n]) >= 0) {
                float x = rows[rowOffset + f];
                float threshold = value[n];
                if (x < threshold) {
                    n = left[n];
                } else if (x >= threshold) {
                    n = right[n];
                } else {
                    n = missing[n];
                }
            }
            out[outOffset + groups[t]] += value[n];
        }
    }

    /** The margin of a single-group ensemble for the row starting at {@code rows[rowOffset]}. */
    float margin(float[] rows, int rowOffset) {
        int[] feature = this.feature;
        float[] value = this.value;
        int[] left = this.left;
        int[] right = this.right;
        int[] missing = this.missing;
        float sum = baseMargins[0];
        for (int root : roots) {
            int n = root;
            int f;
            while ((f = feature[n]) >= 0) {
                float x = rows[rowOffset + f];
                float threshold = value[n];
                if (x < threshold) {
                    n = left[n];
                } else if (x >= threshold) {
                    n = right[n];
                } else {
                    n = missing[n];
                }
            }
            sum += value[n];
        }
        return sum;
    }
}
