package dev.slipway.formats.xgboost;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The trees of an ensemble flattened into parallel node arrays, evaluated the way XGBoost does.
 *
 * <p>At node {@code n} a row goes to {@code children[2n]} (left) when its value of feature {@code
 * feature[n]} is below {@code value[n]} (compared in float32), to the default child when the value
 * is NaN, and to {@code children[2n + 1]} (right) otherwise. A leaf holds its output in {@code
 * value[n]} and is its own child on both sides, so walking a tree for as many steps as it is deep
 * ends on the row's leaf whatever the depth of that leaf. That lets the walk go without branches,
 * several trees at a time: their paths are independent chains of loads that the CPU overlaps.
 * Immutable, so thread-safe.
 */
final class TreeEnsemble implements Booster {

    /** Trees walked side by side; their order of summation stays the trees' order. */
    private static final int LANES = 4;

    private final int[] roots;
    private final int[] groups;
    private final int[] depths;
    private final int[] blockDepths;
    private final int[] feature;
    private final float[] value;
    private final int[] children;
    private final int[] defaultRight;
    private final float[] baseMargins;

    /**
     * @param roots the index of each tree's root node
     * @param groups the output group (class) each tree adds to
     * @param feature per node, the feature it splits on, or -1 for a leaf
     * @param value per node, the split threshold, or the leaf's output
     * @param left per split node, the absolute index of its left child
     * @param right per split node, the absolute index of its right child
     * @param missing per split node, the child a missing value (NaN) goes to: left or right
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
        int nodes = feature.length;
        this.roots = roots.clone();
        this.groups = groups.clone();
        this.value = value.clone();
        for (int n = 0; n < feature.length; n++) {
            if (feature[n] >= 0 && Float.floatToRawIntBits(value[n]) == 0) {
                this.value[n] = -0.0f;
            }
        }
        this.baseMargins = baseMargins.clone();
        this.feature = new int[nodes];
        this.children = new int[2 * nodes];
        this.defaultRight = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            boolean leaf = feature[n] < 0;
            this.feature[n] = leaf ? 0 : feature[n];
            children[2 * n] = leaf ? n : left[n];
            children[2 * n + 1] = leaf ? n : right[n];
            defaultRight[n] = leaf || missing[n] == left[n] ? 0 : 1;
        }
        depths = new int[roots.length];
        for (int t = 0; t < roots.length; t++) {
            depths[t] = depth(roots[t], feature, left, right);
        }
        blockDepths = new int[roots.length / LANES];
        for (int b = 0; b < blockDepths.length; b++) {
            for (int i = 0; i < LANES; i++) {
                blockDepths[b] = Math.max(blockDepths[b], depths[b * LANES + i]);
            }
        }
    }

    /** The number of splits on the longest path from {@code root} to a leaf. */
    private static int depth(int root, int[] feature, int[] left, int[] right) {
        int deepest = 0;
        Deque<int[]> pending = new ArrayDeque<>();
        pending.push(new int[] {root, 0});
        while (!pending.isEmpty()) {
            int[] at = pending.pop();
            int n = at[0];
            if (feature[n] < 0) {
                deepest = Math.max(deepest, at[1]);
            } else {
                pending.push(new int[] {left[n], at[1] + 1});
                pending.push(new int[] {right[n], at[1] + 1});
            }
        }
        return deepest;
    }

    @Override
    public int treeCount() {
        return roots.length;
    }

    int nodeCount() {
        return feature.length;
    }

    @Override
    public int groupCount() {
        return baseMargins.length;
    }

    /**
     * One step down from {@code n} for the row at {@code rows[rowOffset]}, in arithmetic rather
     * than comparisons so that the JIT emits no branch to mispredict.
     */
    private int step(float[] rows, int rowOffset, int n) {
        float x = rows[rowOffset + feature[n]];
        int bits = Float.floatToRawIntBits(x);
        // 1 when x is NaN: its magnitude bits exceed those of infinity.
        int isNaN = (0x7f800000 - (bits & 0x7fffffff)) >>> 31;
        // 1 when x < threshold: x - threshold is then negative, and only then for a non-NaN x and
        // a finite threshold (a threshold of +0 is stored as -0, so that -0 - threshold is +0).
        int below = Float.floatToRawIntBits(x - value[n]) >>> 31;
        int right = ((below ^ 1) & (isNaN ^ 1)) | (isNaN & defaultRight[n]);
        return children[2 * n + right];
    }

    private int leaf(float[] rows, int rowOffset, int tree) {
        int n = roots[tree];
        for (int d = depths[tree]; d > 0; d--) {
            n = step(rows, rowOffset, n);
        }
        return n;
    }

    /**
     * Writes the margins of the row starting at {@code rows[rowOffset]} to {@code out[outOffset]}
     * onwards, one per group, summing in float32 in tree order as XGBoost does.
     */
    @Override
    public void margins(float[] rows, int rowOffset, float[] out, int outOffset) {
        System.arraycopy(baseMargins, 0, out, outOffset, baseMargins.length);
        int t = 0;
        for (int b = 0; b < blockDepths.length; b++, t += LANES) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            for (int d = blockDepths[b]; d > 0; d--) {
                n0 = step(rows, rowOffset, n0);
                n1 = step(rows, rowOffset, n1);
                n2 = step(rows, rowOffset, n2);
                n3 = step(rows, rowOffset, n3);
            }
            out[outOffset + groups[t]] += value[n0];
            out[outOffset + groups[t + 1]] += value[n1];
            out[outOffset + groups[t + 2]] += value[n2];
            out[outOffset + groups[t + 3]] += value[n3];
        }
        for (; t < roots.length; t++) {
            out[outOffset + groups[t]] += value[leaf(rows, rowOffset, t)];
        }
    }

    /** The margin of a single-group ensemble for the row starting at {@code rows[rowOffset]}. */
    @Override
    public float margin(float[] rows, int rowOffset) {
        float sum = baseMargins[0];
        int t = 0;
        for (int b = 0; b < blockDepths.length; b++, t += LANES) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            for (int d = blockDepths[b]; d > 0; d--) {
                n0 = step(rows, rowOffset, n0);
                n1 = step(rows, rowOffset, n1);
                n2 = step(rows, rowOffset, n2);
                n3 = step(rows, rowOffset, n3);
            }
            sum += value[n0];
            sum += value[n1];
            sum += value[n2];
            sum += value[n3];
        }
        for (; t < roots.length; t++) {
            sum += value[leaf(rows, rowOffset, t)];
        }
        return sum;
    }
}
