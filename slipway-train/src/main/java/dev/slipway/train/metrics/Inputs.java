package dev.slipway.train.metrics;

import dev.slipway.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Validation of what an evaluation is given; every failure names the argument and the row. */
final class Inputs {

    static final String SOURCE = "evaluation";

    /**
     * How far a row of class probabilities may add up from 1. Wide enough for float32 softmax
     * outputs of many classes, narrow enough to catch scores that are not probabilities.
     */
    static final double ROW_SUM_TOLERANCE = 1e-4;

    private Inputs() {}

    static void rows(String first, int n, String second, int m) {
        if (n != m) {
            throw invalid(
                    "%s has %d rows but %s has %d: give one of each per row"
                            .formatted(first, n, second, m));
        }
        if (n == 0) {
            throw invalid(
                    "there are no rows to evaluate: evaluate on a hold-out set with at least one row");
        }
    }

    static List<String> classNames(List<String> names, String task, int min, int max) {
        Objects.requireNonNull(names, "classNames");
        if (names.size() < min || names.size() > max) {
            String wanted = min == max ? Integer.toString(min) : "at least " + min;
            throw invalid(
                    "a %s evaluation needs %s class names, got %d %s"
                            .formatted(task, wanted, names.size(), names));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || !seen.add(name)) {
                throw invalid(
                        "class names must be distinct and not null, got %s: name each class once, in label order"
                                .formatted(names));
            }
        }
        return List.copyOf(names);
    }

    static void labels(int[] labels, List<String> classes) {
        int k = classes.size();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw invalid(
                        "labels[%d] is %d, but the labels must be class numbers 0 to %d (%s): encode the target by its position in the class names"
                                .formatted(i, labels[i], k - 1, String.join(", ", classes)));
            }
        }
    }

    static void probability(double p, String where, String ofWhat) {
        if (!(p >= 0 && p <= 1)) {
            throw invalid(
                    "%s is %s, but probabilities must be numbers from 0 to 1: pass the model's probability %s, not a raw score"
                            .formatted(where, p, ofWhat));
        }
    }

    static void rowSum(double[] row, int r, List<String> classes) {
        double sum = 0;
        for (double p : row) {
            sum += p;
        }
        if (!(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE)) {
            throw invalid(
                    "probabilities[%d] adds up to %s, not 1: pass each row's probabilities of the classes %s (e.g. softmax outputs)"
                            .formatted(r, sum, String.join(", ", classes)));
        }
    }

    static void threshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw InvalidInputException.of(
                    "--threshold",
                    "the decision threshold must be a number from 0 to 1 (e.g. 0.5), got "
                            + threshold);
        }
    }

    static void finite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw invalid(
                        "%s[%d] is %s, but %s must be finite numbers: drop or fill the rows with missing or infinite values"
                                .formatted(name, i, values[i], name));
            }
        }
    }

    static InvalidInputException invalid(String message) {
        return InvalidInputException.of(SOURCE, message);
    }
}
