package dev.slipway.train.metrics;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import java.util.Map;

/**
 * The scores of a model on held-out rows, one kind per task. Immutable.
 *
 * <p>{@link #summary()} gives the headline numbers by name, in a fixed order, for tables and for
 * comparing runs; the records hold the details (confusion matrix, per-class report, calibration). A
 * score that is undefined for the rows given is {@code NaN}: ROC AUC when the labels hold one class
 * only, R² with fewer than two rows.
 */
public sealed interface Evaluation
        permits BinaryEvaluation, MulticlassEvaluation, RegressionEvaluation {

    /** ROC AUC, the area under the ROC curve (binary). */
    String AUC = "auc";

    /** Mean log loss, or cross-entropy (binary and multiclass). */
    String LOG_LOSS = "log_loss";

    /** The share of rows whose predicted class is right (binary and multiclass). */
    String ACCURACY = "accuracy";

    /** Precision of the positive class at the threshold (binary). */
    String PRECISION = "precision";

    /** Recall of the positive class at the threshold (binary). */
    String RECALL = "recall";

    /** F1 of the positive class at the threshold (binary). */
    String F1 = "f1";

    /** The unweighted mean of the per-class F1 scores (multiclass). */
    String MACRO_F1 = "macro_f1";

    /** The mean of the per-class F1 scores weighted by support (multiclass). */
    String WEIGHTED_F1 = "weighted_f1";

    /** Root mean squared error (regression). */
    String RMSE = "rmse";

    /** Mean absolute error (regression). */
    String MAE = "mae";

    /** Coefficient of determination (regression). */
    String R2 = "r2";

    /** Mean absolute percentage error, as a fraction (regression). */
    String MAPE = "mape";

    /** The number of rows evaluated (every task). */
    String ROWS = "rows";

    /** The task evaluated. */
    Task task();

    /** The number of rows evaluated, at least 1. */
    long rows();

    /**
     * The headline numbers by name ({@link #AUC}, {@link #LOG_LOSS}, ...), in the order this task
     * always lists them, ending with {@link #ROWS}. Unmodifiable.
     */
    Map<String, Double> summary();

    /**
     * Whether a larger value of the named score is better, for choosing the best of several runs.
     *
     * @throws InvalidInputException when {@code metric} is not one of the names above, or is {@link
     *     #ROWS}, which is a count and not a score
     */
    static boolean higherIsBetter(String metric) {
        return switch (metric) {
            case AUC, ACCURACY, PRECISION, RECALL, F1, MACRO_F1, WEIGHTED_F1, R2 -> true;
            case LOG_LOSS, RMSE, MAE, MAPE -> false;
            default ->
                    throw InvalidInputException.of(
                            "metric",
                            "'%s' is not a score to compare; use one of auc, log_loss, accuracy, precision, recall, f1, macro_f1, weighted_f1, rmse, mae, r2, mape"
                                    .formatted(metric));
        };
    }
}
