package dev.slipway.train.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability bins as scikit-learn's {@code calibration_curve(strategy="uniform")}: the edges are
 * {@code np.linspace(0, 1, bins + 1)} (edge {@code k} is {@code k * (1.0 / bins)} in floating
 * point, so 3 × 0.1 is 0.30000000000000004), and a probability goes to the bin given by {@code
 * np.searchsorted(inner_edges, p)}: the number of inner edges strictly below it. A probability
 * equal to an edge is thus in the bin below the edge. Empty bins are left out.
 */
final class Calibration {

    /** The number of bins Slipway reports. */
    static final int BINS = 10;

    private Calibration() {}

    static List<CalibrationBin> uniform(int[] labels, double[] p, int bins) {
        double step = 1.0 / bins;
        long[] count = new long[bins];
        double[] sumPredicted = new double[bins];
        double[] sumPositive = new double[bins];
        for (int i = 0; i < labels.length; i++) {
            int b = bin(p[i], step, bins);
            count[b]++;
            sumPredicted[b] += p[i];
            sumPositive[b] += labels[i];
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double lower = b * step;
                double upper = b == bins - 1 ? 1.0 : (b + 1) * step;
                out.add(
                        new CalibrationBin(
                                lower,
                                upper,
                                sumPredicted[b] / count[b],
                                sumPositive[b] / count[b],
                                count[b]));
            }
        }
        return out;
    }

    /** The number of inner edges {@code k * step}, k = 1 .. bins - 1, strictly below {@code p}. */
    static int bin(double p, double step, int bins) {
        int b = Math.min(bins - 1, Math.max(0, (int) (p / step)));
        while (b > 0 && b * step >= p) {
            b--;
        }
        while (b < bins - 1 && (b + 1) * step < p) {
            b++;
        }
        return b;
    }
}
