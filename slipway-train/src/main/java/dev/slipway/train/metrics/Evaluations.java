package dev.slipway.train.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Evaluates a model's predictions on held-out rows. Every number follows scikit-learn's definition
 * of the function of the same name, in plain Java; the computation is deterministic and takes O(n
 * log n) time. Stateless and thread-safe.
 *
 * <p>Invalid input (different lengths, no rows, a label out of range, a probability that is not a
 * finite number from 0 to 1, a non-finite regression value) is refused with an {@link
 * dev.slipway.api.InvalidInputException} naming the argument and the row.
 */
public final class Evaluations {

    /** The decision threshold used when none is given. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Evaluations() {}

    /** {@link #binary(int[], double[], double, List)} at the {@link #DEFAULT_THRESHOLD}. */
    public static BinaryEvaluation binary(
            int[] labels, double[] probabilities, List<String> classNames) {
        return binary(labels, probabilities, DEFAULT_THRESHOLD, classNames);
    }

    /**
     * Scores a binary classifier.
     *
     * @param labels each row's class: 0, or 1 for the positive class
     * @param probabilities each row's predicted probability of class 1
     * @param threshold the probability at or above which class 1 is predicted
     * @param classNames the names of class 0 and class 1, in that order
     */
    public static BinaryEvaluation binary(
            int[] labels, double[] probabilities, double threshold, List<String> classNames) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(probabilities, "probabilities");
        List<String> classes = Inputs.classNames(classNames, "binary", 2, 2);
        Inputs.rows("labels", labels.length, "probabilities", probabilities.length);
        Inputs.labels(labels, classes);
        for (int i = 0; i < probabilities.length; i++) {
            Inputs.probability(
                    probabilities[i], "probabilities[" + i + "]", "of '" + classes.get(1) + "'");
        }
        Inputs.threshold(threshold);
        long[][] counts = new long[2][2];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][probabilities[i] >= threshold ? 1 : 0]++;
        }
        long tn = counts[0][0];
        long fp = counts[0][1];
        long fn = counts[1][0];
        long tp = counts[1][1];
        return new BinaryEvaluation(
                labels.length,
                classes,
                threshold,
                Ranking.rocAuc(labels, probabilities),
                LogLoss.binary(labels, probabilities),
                ClassCounts.ratio(tp + tn, labels.length),
                ClassCounts.precision(tp, tp + fp),
                ClassCounts.recall(tp, tp + fn),
                ClassCounts.f1(tp, tp + fn, tp + fp),
                ConfusionMatrix.of(classes, counts),
                Calibration.uniform(labels, probabilities, Calibration.BINS));
    }

    /**
     * Scores a multiclass classifier.
     *
     * @param labels each row's class, from 0 to {@code classNames.size() - 1}
     * @param probabilities for each row, its predicted probability of each class, in class order; a
     *     row must add up to 1 (within 10⁻⁴)
     * @param classNames the class names, in label order, at least 2
     */
    public static MulticlassEvaluation multiclass(
            int[] labels, double[][] probabilities, List<String> classNames) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(probabilities, "probabilities");
        List<String> classes = Inputs.classNames(classNames, "multiclass", 2, Integer.MAX_VALUE);
        int k = classes.size();
        Inputs.rows("labels", labels.length, "probabilities", probabilities.length);
        Inputs.labels(labels, classes);
        long[][] counts = new long[k][k];
        for (int i = 0; i < labels.length; i++) {
            double[] row = probabilities[i];
            if (row == null || row.length != k) {
                throw Inputs.invalid(
                        "probabilities[%d] has %s values but there are %d classes (%s): give one probability per class, in class order"
                                .formatted(
                                        i,
                                        row == null ? "no" : row.length,
                                        k,
                                        String.join(", ", classes)));
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                Inputs.probability(
                        row[c],
                        "probabilities[" + i + "][" + c + "]",
                        "of '" + classes.get(c) + "'");
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            Inputs.rowSum(row, i, classes);
            counts[labels[i]][best]++;
        }
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += counts[c][c];
        }
        List<ClassReport> report = ClassCounts.report(classes, counts);
        return new MulticlassEvaluation(
                labels.length,
                classes,
                ClassCounts.ratio(correct, labels.length),
                ClassCounts.macroF1(report, counts),
                ClassCounts.weightedF1(report),
                LogLoss.multiclass(labels, probabilities),
                report,
                ConfusionMatrix.of(classes, counts));
    }

    /**
     * Scores a regression model.
     *
     * @param targets each row's true value, finite
     * @param predictions each row's predicted value, finite
     */
    public static RegressionEvaluation regression(double[] targets, double[] predictions) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(predictions, "predictions");
        Inputs.rows("targets", targets.length, "predictions", predictions.length);
        Inputs.finite(targets, "targets");
        Inputs.finite(predictions, "predictions");
        return Regression.evaluate(targets, predictions);
    }
}
