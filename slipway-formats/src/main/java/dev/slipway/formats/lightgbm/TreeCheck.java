package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Checks one tree of a LightGBM text model before LightGBM reads it: every array LightGBM indexes
 * has the length it will assume, every number it parses is one, every child, feature and category
 * index points inside its array, and the nodes form one tree. LightGBM trusts these: it reads out
 * of bounds when they are wrong, and its error for a bad number in a tree aborts the process (it is
 * raised inside an OpenMP loop).
 */
final class TreeCheck {

    private static final long UINT32_MAX = 0xFFFF_FFFFL;
    private static final int CATEGORICAL_MASK = 1;

    private final Map<String, Span> keys;
    private final int tree;
    private final int featureCount;
    private final Corruption errors;

    private TreeCheck(Map<String, Span> keys, int tree, int featureCount, Corruption errors) {
        this.keys = keys;
        this.tree = tree;
        this.featureCount = featureCount;
        this.errors = errors;
    }

    /** Checks tree number {@code tree}, given as its {@code key=value} lines. */
    static void check(Map<String, Span> keys, int tree, int featureCount, Corruption errors) {
        new TreeCheck(keys, tree, featureCount, errors).run();
    }

    private void run() {
        int leaves = (int) single("num_leaves", 1, Integer.MAX_VALUE);
        int categories = (int) single("num_cat", 0, Integer.MAX_VALUE);
        numbers("leaf_value", leaves);
        optionalNumbers("shrinkage", 1);
        boolean linear = keys.containsKey("is_linear") && single("is_linear", 0, 1) == 1;
        if (leaves <= 1 && !linear) {
            return; // LightGBM reads nothing more of a one-leaf tree
        }
        int splits = leaves - 1;
        long[] left = integers("left_child", splits, -leaves, splits - 1);
        long[] right = integers("right_child", splits, -leaves, splits - 1);
        integers("split_feature", splits, 0, featureCount - 1);
        numbers("threshold", splits);
        long[] decisions =
                keys.containsKey("decision_type")
                        ? integers("decision_type", splits, -128, 127)
                        : new long[splits];
        for (String key : List.of("split_gain", "internal_value", "internal_weight")) {
            optionalNumbers(key, splits);
        }
        optionalIntegers("internal_count", splits);
        optionalNumbers("leaf_weight", leaves);
        optionalIntegers("leaf_count", leaves);
        checkShape(left, right, leaves);
        checkCategorical(decisions, categories);
        if (linear) {
            checkLinear(leaves);
        }
    }

    /** Each node but the root has one parent, and each leaf is reached once. */
    private void checkShape(long[] left, long[] right, int leaves) {
        int[] parents = new int[left.length];
        int[] reached = new int[leaves];
        for (int node = 0; node < left.length; node++) {
            for (long child : new long[] {left[node], right[node]}) {
                if (child >= 0) {
                    parents[(int) child]++;
                } else {
                    reached[(int) ~child]++;
                }
            }
        }
        if (left.length > 0 && parents[0] != 0) {
            throw problem("node 0 (the root) is the child of another node");
        }
        for (int node = 1; node < parents.length; node++) {
            if (parents[node] != 1) {
                throw problem("node %d has %d parents, not 1".formatted(node, parents[node]));
            }
        }
        for (int leaf = 0; leaf < leaves; leaf++) {
            if (reached[leaf] != 1) {
                throw problem(
                        "leaf %d is reached %d times, not once".formatted(leaf, reached[leaf]));
            }
        }
    }

    private void checkCategorical(long[] decisions, int categories) {
        for (int node = 0; node < decisions.length; node++) {
            if ((decisions[node] & CATEGORICAL_MASK) != 0) {
                double t = numberAt("threshold", node);
                if (t != Math.rint(t) || t < 0 || t >= categories) {
                    throw problem(
                            "categorical split %d points to category set %s, but the tree has %d (num_cat)"
                                    .formatted(node, t, categories));
                }
            }
        }
        if (categories == 0) {
            return;
        }
        long[] bounds = integers("cat_boundaries", categories + 1, 0, Integer.MAX_VALUE);
        if (bounds[0] != 0) {
            throw problem("cat_boundaries starts at %d, not 0".formatted(bounds[0]));
        }
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] < bounds[i - 1]) {
                throw problem("cat_boundaries decreases at position %d".formatted(i));
            }
        }
        integers("cat_threshold", (int) bounds[categories], 0, UINT32_MAX);
    }

    private void checkLinear(int leaves) {
        optionalNumbers("leaf_const", leaves);
        if (!keys.containsKey("num_features")) {
            return;
        }
        long total = 0;
        for (long n : integers("num_features", leaves, 0, featureCount)) {
            total += n;
        }
        if (total > 0) {
            integers("leaf_features", (int) total, 0, featureCount - 1);
            numbers("leaf_coeff", (int) total);
        }
    }

    private long single(String key, long min, long max) {
        return integers(key, 1, min, max)[0];
    }

    private long[] integers(String key, int count, long min, long max) {
        Span.TokenCursor cursor = cursor(key, count);
        long[] out = new long[count];
        for (int i = 0; cursor.next(); i++) {
            if (!Tokens.isInteger(cursor.text(), cursor.start, cursor.end, min, max)) {
                throw problem(
                        "%s holds '%s' where a whole number from %d to %d belongs"
                                .formatted(key, cursor.token(), min, max));
            }
            out[i] = Tokens.integerValue(cursor.text(), cursor.start, cursor.end);
        }
        return out;
    }

    private void numbers(String key, int count) {
        Span.TokenCursor cursor = cursor(key, count);
        while (cursor.next()) {
            if (!Tokens.isNumber(cursor.text(), cursor.start, cursor.end)) {
                throw problem(
                        "%s holds '%s' where a number within the range of double belongs"
                                .formatted(key, cursor.token()));
            }
        }
    }

    /** Value {@code index} of a line that {@link #numbers} checked. */
    private double numberAt(String key, int index) {
        Span.TokenCursor cursor = keys.get(key).tokens();
        for (int i = 0; i <= index; i++) {
            cursor.next();
        }
        return Tokens.numberValue(cursor.text(), cursor.start, cursor.end);
    }

    private void optionalNumbers(String key, int count) {
        if (keys.containsKey(key)) {
            numbers(key, count);
        }
    }

    private void optionalIntegers(String key, int count) {
        if (keys.containsKey(key)) {
            integers(key, count, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    /** The tokens of a line, which must have {@code count} of them. */
    private Span.TokenCursor cursor(String key, int count) {
        Span value = keys.get(key);
        if (value == null) {
            throw problem("the line '%s=' is missing".formatted(key));
        }
        int found = 0;
        if (count > 0) {
            Span.TokenCursor counter = value.tokens();
            while (counter.next()) {
                found++;
            }
        }
        if (found != count) {
            throw problem("%s has %d values, expected %d".formatted(key, found, count));
        }
        return count == 0 ? value.tokens().emptied() : value.tokens();
    }

    private InvalidInputException problem(String detail) {
        return errors.corrupt("in tree %d, %s".formatted(tree, detail));
    }
}
