package dev.slipway.train.metrics;

/**
 * The regression scores, each as the scikit-learn function named in {@link RegressionEvaluation}.
 */
final class Regression {

    private Regression() {}

    static RegressionEvaluation evaluate(double[] y, double[] yHat) {
        int n = y.length;
        double squared = 0;
        double absolute = 0;
        double percentage = 0;
        for (int i = 0; i < n; i++) {
            double error = y[i] - yHat[i];
            squared += error * error;
            absolute += Math.abs(error);
            percentage += Math.abs(error) / Math.max(Math.abs(y[i]), LogLoss.EPS);
        }
        return new RegressionEvaluation(
                n, Math.sqrt(squared / n), absolute / n, r2(y, squared), percentage / n);
    }

    /**
     * {@code r2_score} with its default {@code force_finite=True}: 1 − residual / total sum of
     * squares; when the total is zero (a constant target) 1.0 if the residual is zero too and 0.0
     * otherwise; NaN with fewer than two rows. The mean is taken as {@code y[0]} plus the mean of
     * the differences to {@code y[0]}, so that a constant target has a total of exactly zero
     * whatever its value (a plain floating-point mean of 0.1, 0.1, 0.1 is 0.10000000000000002,
     * which would leave a tiny non-zero total and an absurd score instead of the convention).
     */
    static double r2(double[] y, double residual) {
        int n = y.length;
        if (n < 2) {
            return Double.NaN;
        }
        double shift = 0;
        for (double v : y) {
            shift += v - y[0];
        }
        double mean = y[0] + shift / n;
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        if (residual == 0) {
            return 1.0;
        }
        if (total == 0) {
            return 0.0;
        }
        return 1 - residual / total;
    }
}
