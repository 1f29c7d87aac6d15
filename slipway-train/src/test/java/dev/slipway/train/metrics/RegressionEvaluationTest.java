package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Regression scores through {@link Evaluations#regression}. Reference values: the docstrings of
 * {@code r2_score}, {@code mean_squared_error} (with {@code squared=False}), {@code
 * mean_absolute_error} and {@code mean_absolute_percentage_error}.
 */
class RegressionEvaluationTest {

    private static final double[] Y = {3, -0.5, 2, 7};
    private static final double[] Y_HAT = {2.5, 0.0, 2, 8};

    @Test
    void regression_docstringExample_matchesPublishedDigits() {
        RegressionEvaluation e = Evaluations.regression(Y, Y_HAT);

        Published.startsWith(e.r2(), "0.948...");
        Published.startsWith(e.rmse(), "0.612...");
        assertThat(e.mae()).isEqualTo(0.5);
        Published.startsWith(e.mape(), "0.3273...");
        assertThat(e.rows()).isEqualTo(4);
    }

    @Test
    void regression_r2DocstringCases_matchPrintedScores() {
        double[] y = {1, 2, 3};
        assertThat(Evaluations.regression(y, new double[] {1, 2, 3}).r2()).isEqualTo(1.0);
        assertThat(Evaluations.regression(y, new double[] {2, 2, 2}).r2()).isEqualTo(0.0);
        assertThat(Evaluations.regression(y, new double[] {3, 2, 1}).r2()).isEqualTo(-3.0);
    }

    /** {@code r2_score([-2, -2, -2], [-2, -2, -2])} is 1.0 and with {@code -2 + 1e-8} 0.0. */
    @Test
    void regression_constantTarget_followsTheFiniteConvention() {
        double[] y = {-2, -2, -2};
        assertThat(Evaluations.regression(y, new double[] {-2, -2, -2}).r2()).isEqualTo(1.0);
        assertThat(Evaluations.regression(y, new double[] {-2, -2, -2 + 1e-8}).r2()).isEqualTo(0.0);
    }

    /**
     * A constant target whose floating-point mean is inexact (0.1 + 0.1 + 0.1 is not 0.3) is still
     * constant: the convention gives 0.0, not −1.7e31 from a rounding residue.
     */
    @Test
    void regression_constantTargetNotExactInBinary_stillFollowsTheConvention() {
        double[] y = {0.1, 0.1, 0.1};
        assertThat(Evaluations.regression(y, new double[] {0.1, 0.1, 0.2}).r2()).isEqualTo(0.0);
        assertThat(Evaluations.regression(y, y.clone()).r2()).isEqualTo(1.0);
    }

    /** The {@code r2_score} notes: not well-defined for a single sample, NaN. */
    @Test
    void regression_singleRow_hasR2NaN() {
        RegressionEvaluation e = Evaluations.regression(new double[] {4}, new double[] {3});

        assertThat(e.r2()).isNaN();
        assertThat(e.rmse()).isEqualTo(1.0);
        assertThat(e.mae()).isEqualTo(1.0);
        assertThat(e.mape()).isEqualTo(0.25);
    }

    /**
     * The {@code mean_absolute_percentage_error} docstring: a zero target divides by ε =
     * np.finfo(np.float64).eps, giving 112589990684262.48.
     */
    @Test
    void regression_zeroTarget_dividesByMachineEpsilon() {
        RegressionEvaluation e =
                Evaluations.regression(
                        new double[] {1.0, 0.0, 2.4, 7.0}, new double[] {1.2, 0.1, 2.4, 8.0});

        assertThat(e.mape()).isEqualTo(112589990684262.48);
    }

    @Test
    void regression_summary_listsHeadlineScoresInOrder() {
        RegressionEvaluation e = Evaluations.regression(Y, Y_HAT);

        assertThat(e.summary().keySet()).containsExactly("rmse", "mae", "r2", "mape", "rows");
        assertThat(e.summary().get("mae")).isEqualTo(0.5);
    }
}
