package dev.slipway.train.metrics;

import dev.slipway.api.model.Task;
import java.util.Map;

/**
 * The scores of a regression model on held-out rows. Immutable.
 *
 * @param rows the number of rows
 * @param rmse the root mean squared error ({@code root_mean_squared_error})
 * @param mae the mean absolute error ({@code mean_absolute_error})
 * @param r2 the coefficient of determination ({@code r2_score}): 1 − residual / total sum of
 *     squares; for a constant target 1.0 when every prediction is exact and 0.0 otherwise; NaN with
 *     fewer than two rows
 * @param mape the mean of {@code |y − ŷ| / max(|y|, ε)} with ε the machine epsilon of float64
 *     ({@code mean_absolute_percentage_error}), a fraction, not a percentage
 */
public record RegressionEvaluation(long rows, double rmse, double mae, double r2, double mape)
        implements Evaluation {

    public RegressionEvaluation {
        Scores.requireRows(rows);
        Scores.requireNonNegative("rmse", rmse);
        Scores.requireNonNegative("mae", mae);
        Scores.requireNonNegative("mape", mape);
        if (r2 > 1) {
            throw new IllegalArgumentException("r2 must be <= 1, got " + r2);
        }
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    /** {@code rmse, mae, r2, mape, rows}. */
    @Override
    public Map<String, Double> summary() {
        return Scores.ordered(RMSE, rmse, MAE, mae, R2, r2, MAPE, mape, ROWS, rows);
    }
}
