package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;
import java.util.ArrayList;
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

    private final Map<String, String> keys;
    private final int tree;
    private final int featureCount;
    private final Corruption errors;

    private TreeCheck(Map<String, String> keys, int tree, int featureCount, Corruption errors) {
        this.keys = keys;
        this.tree = tree;
        this.featureCount = featureCount;
        this.errors = errors;
    }

    /** Checks tree number {@code tree}, given as its {@code key=value} lines. */
    static void check(Map<String, String> keys, int tree, int featureCount, Corruption errors) {
        new TreeCheck(keys, tree, featureCount, errors).run();
    }

    private void run() {
        int leaves = (int) single("num_leaves", 1, Integer.MAX_VALUE);
        int categories = (int) single("num_cat", 0, Integer.MAX_VALUE);
        doubles("leaf_value", leaves);
        optionalDoubles("shrinkage", 1);
        boolean linear = keys.containsKey("is_linear") && single("is_linear", 0, 1) == 1;
        if (leaves <= 1 && !linear) {
            return; // LightGBM reads nothing more of a one-leaf tree
        }
        int splits = leaves - 1;
        long[] left = integers("left_child", splits, -leaves, splits - 1);
        long[] right = integers("right_child", splits, -leaves, splits - 1);
        integers("split_feature", splits, 0, featureCount - 1);
        double[] thresholds = doubles("threshold", splits);
        long[] decisions =
                keys.containsKey("decision_type")
                        ? integers("decision_type", splits, -128, 127)
                        : new long[splits];
        for (String key : List.of("split_gain", "internal_value", "internal_weight")) {
            optionalDoubles(key, splits);
        }
        optionalIntegers("internal_count", splits);
        optionalDoubles("leaf_weight", leaves);
        optionalIntegers("leaf_count", leaves);
        checkShape(left, right, leaves);
        checkCategorical(decisions, thresholds, categories);
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

    private void checkCategorical(long[] decisions, double[] thresholds, int categories) {
        for (int node = 0; node < decisions.length; node++) {
            if ((decisions[node] & CATEGORICAL_MASK) != 0) {
                double t = thresholds[node];
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
        optionalDoubles("leaf_const", leaves);
        if (!keys.containsKey("num_features")) {
            return;
        }
        long total = 0;
        for (long n : integers("num_features", leaves, 0, featureCount)) {
            total += n;
        }
        if (total > 0) {
            integers("leaf_features", (int) total, 0, featureCount - 1);
            doubles("leaf_coeff", (int) total);
        }
    }

    private long single(String key, long min, long max) {
        return integers(key, 1, min, max)[0];
    }

    private long[] integers(String key, int count, long min, long max) {
        List<String> tokens = tokens(key, count);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            String token = tokens.get(i);
            out[i] =
                    Tokens.integer(token, min, max)
                            .orElseThrow(
                                    () ->
                                            problem(
                                                    "%s holds '%s' where a whole number from %d to %d belongs"
                                                            .formatted(key, token, min, max)));
        }
        return out;
    }

    private double[] doubles(String key, int count) {
        List<String> tokens = tokens(key, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            String token = tokens.get(i);
            out[i] =
                    Tokens.number(token)
                            .orElseThrow(
                                    () ->
                                            problem(
                                                    "%s holds '%s' where a number belongs"
                                                            .formatted(key, token)));
        }
        return out;
    }

    private void optionalDoubles(String key, int count) {
        if (keys.containsKey(key)) {
            doubles(key, count);
        }
    }

    private void optionalIntegers(String key, int count) {
        if (keys.containsKey(key)) {
            integers(key, count, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    private List<String> tokens(String key, int count) {
        String value = keys.get(key);
        if (value == null) {
            throw problem("the line '%s=' is missing".formatted(key));
        }
        List<String> tokens = count == 0 ? new ArrayList<>() : Tokens.split(value);
        if (tokens.size() != count) {
            throw problem("%s has %d values, expected %d".formatted(key, tokens.size(), count));
        }
        return tokens;
    }

    private InvalidInputException problem(String detail) {
        return errors.corrupt("in tree %d, %s".formatted(tree, detail));
    }
}
