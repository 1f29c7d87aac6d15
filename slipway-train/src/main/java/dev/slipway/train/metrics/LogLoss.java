package dev.slipway.train.metrics;

/**
 * Mean log loss as scikit-learn's {@code log_loss} (1.5 and later): each row's probability of its
 * true class is clipped to [ε, 1 − ε], ε being the machine epsilon of float64 ({@code
 * np.finfo(np.float64).eps}, 2⁻⁵²), and the loss is the mean of its negative natural logarithm.
 * Rows are not renormalised: scikit-learn stopped doing so in 1.5 and now only warns when a row
 * does not add up to 1 (we refuse such rows instead, see {@link Inputs#rowSum}).
 */
final class LogLoss {

    /** The machine epsilon of float64, 2⁻⁵². */
    static final double EPS = Math.ulp(1.0);

    private LogLoss() {}

    /** Binary: {@code p} is the probability of class 1; class 0's is {@code 1 - p}. */
    static double binary(int[] labels, double[] p) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(clip(labels[i] == 1 ? p[i] : 1.0 - p[i]));
        }
        return sum / labels.length;
    }

    /** Multiclass: {@code p[i][k]} is row {@code i}'s probability of class {@code k}. */
    static double multiclass(int[] labels, double[][] p) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(clip(p[i][labels[i]]));
        }
        return sum / labels.length;
    }

    /** {@code np.clip(p, eps, 1 - eps)}. */
    static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
