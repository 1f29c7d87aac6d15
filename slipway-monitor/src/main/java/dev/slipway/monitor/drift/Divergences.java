package dev.slipway.monitor.drift;

/** PSI, KL divergence and Jensen–Shannon distance of binned shares, as Evidently computes them. */
final class Divergences {

    private Divergences() {}

    /** PSI = Σ (r - c)·ln(r / c) over bins with filled zeros, not renormalised. */
    static double psi(ColumnCounts c) {
        Bins.Shares s = Bins.shares(c, true);
        double sum = 0;
        for (int i = 0; i < s.ref().length; i++) {
            double r = s.ref()[i];
            double k = s.cur()[i];
            sum += (r - k) * Math.log(r / k);
        }
        return sum;
    }

    /** KL(r ‖ c) with natural log, after filling zeros and normalising both (SciPy's entropy). */
    static double kl(ColumnCounts c) {
        Bins.Shares s = Bins.shares(c, true);
        double[] r = normalised(s.ref());
        double[] k = normalised(s.cur());
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += relativeEntropy(r[i], k[i]);
        }
        return sum;
    }

    /**
     * Jensen–Shannon distance, SciPy's {@code jensenshannon} with natural log: sqrt(½ KL(r ‖ m) + ½
     * KL(c ‖ m)), m = (r + c) / 2, over shares without filled zeros; between 0 and √ln 2.
     */
    static double jensenShannon(ColumnCounts c) {
        Bins.Shares s = Bins.shares(c, false);
        double[] r = normalised(s.ref());
        double[] k = normalised(s.cur());
        double left = 0;
        double right = 0;
        for (int i = 0; i < r.length; i++) {
            double m = (r[i] + k[i]) / 2;
            left += relativeEntropy(r[i], m);
            right += relativeEntropy(k[i], m);
        }
        return Math.sqrt(Math.max(0.0, (left + right) / 2));
    }

    /** SciPy's {@code rel_entr}: x·ln(x / y), 0 when x is 0. */
    private static double relativeEntropy(double x, double y) {
        if (x == 0) {
            return 0;
        }
        return x * Math.log(x / y);
    }

    private static double[] normalised(double[] a) {
        double sum = 0;
        for (double x : a) {
            sum += x;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / sum;
        }
        return out;
    }
}
