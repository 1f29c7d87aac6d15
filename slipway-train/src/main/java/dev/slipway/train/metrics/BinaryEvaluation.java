package dev.slipway.train.metrics;

import dev.slipway.api.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of a binary classifier on held-out rows. Immutable.
 *
 * <p>Class 1 is the positive class. The class predicted for a row is 1 when its probability of
 * class 1 is at or above the threshold, as scikit-learn's {@code FixedThresholdClassifier}.
 *
 * @param rows the number of rows
 * @param classes the two class names: class 0, then the positive class 1
 * @param threshold the decision threshold on the probability of class 1
 * @param auc ROC AUC from the probabilities ({@code roc_auc_score}); NaN when the labels hold one
 *     class only
 * @param logLoss the mean log loss ({@code log_loss}), probabilities clipped to [ε, 1 − ε] with ε
 *     the machine epsilon of float64
 * @param accuracy the share of rows whose predicted class is right
 * @param precision {@code tp / (tp + fp)}; 0.0 when no row is predicted positive
 * @param recall {@code tp / (tp + fn)}; 0.0 when no row is positive
 * @param f1 {@code 2 tp / (2 tp + fp + fn)}; 0.0 when no row is positive nor predicted positive
 * @param confusion the counts {@code [[tn, fp], [fn, tp]]}
 * @param calibration the non-empty bins of 10 equal-width probability bins, in order
 */
public record BinaryEvaluation(
        long rows,
        List<String> classes,
        double threshold,
        double auc,
        double logLoss,
        double accuracy,
        double precision,
        double recall,
        double f1,
        ConfusionMatrix confusion,
        List<CalibrationBin> calibration)
        implements Evaluation {

    public BinaryEvaluation {
        Scores.requireRows(rows);
        classes = Scores.requireClasses(classes, 2);
        if (classes.size() != 2) {
            throw new IllegalArgumentException("a binary evaluation has 2 classes, got " + classes);
        }
        Scores.requireUnit("threshold", threshold);
        Scores.requireUnitOrNaN("auc", auc);
        Scores.requireNonNegative("log loss", logLoss);
        Scores.requireUnit("accuracy", accuracy);
        Scores.requireUnit("precision", precision);
        Scores.requireUnit("recall", recall);
        Scores.requireUnit("f1", f1);
        Objects.requireNonNull(confusion, "confusion");
        if (!confusion.classes().equals(classes) || confusion.total() != rows) {
            throw new IllegalArgumentException(
                    "the confusion matrix must be over %s and count %d rows, got %s"
                            .formatted(classes, rows, confusion));
        }
        calibration = List.copyOf(calibration);
        long binned = calibration.stream().mapToLong(CalibrationBin::count).sum();
        if (binned != rows) {
            throw new IllegalArgumentException(
                    "the calibration bins must hold the %d rows, got %d".formatted(rows, binned));
        }
    }

    @Override
    public Task task() {
        return Task.BINARY;
    }

    /** The name of the positive class, class 1. */
    public String positiveClass() {
        return classes.get(1);
    }

    /** True negatives: rows of class 0 predicted as class 0. */
    public long trueNegatives() {
        return confusion.count(0, 0);
    }

    /** False positives: rows of class 0 predicted as class 1. */
    public long falsePositives() {
        return confusion.count(0, 1);
    }

    /** False negatives: rows of class 1 predicted as class 0. */
    public long falseNegatives() {
        return confusion.count(1, 0);
    }

    /** True positives: rows of class 1 predicted as class 1. */
    public long truePositives() {
        return confusion.count(1, 1);
    }

    /** {@code auc, log_loss, accuracy, precision, recall, f1, rows}. */
    @Override
    public Map<String, Double> summary() {
        return Scores.ordered(
                AUC, auc, LOG_LOSS, logLoss, ACCURACY, accuracy, PRECISION, precision, RECALL,
                recall, F1, f1, ROWS, rows);
    }
}
