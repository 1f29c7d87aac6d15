package dev.slipway.monitor.drift;

/**
 * Evidently's normed Wasserstein distance: SciPy's first Wasserstein distance between the two
 * empirical distributions, divided by the reference's population standard deviation (ddof 0)
 * floored at 0.001.
 */
final class Wasserstein {

    /** The smallest divisor, so that a constant reference does not divide by zero. */
    static final double MIN_STD = 0.001;

    private Wasserstein() {}

    static double normed(NumericCounts c) {
        return distance(c) / Math.max(referenceStd(c), MIN_STD);
    }

    /** W1 = ∫ |F_ref(x) - F_cur(x)| dx, a sum over the gaps between consecutive distinct values. */
    static double distance(NumericCounts c) {
        double[] v = c.values();
        long[] r = c.refCounts();
        long[] k = c.curCounts();
        double nRef = c.nRef();
        double nCur = c.nCur();
        long cr = 0;
        long ck = 0;
        double sum = 0;
        for (int i = 0; i < v.length - 1; i++) {
            cr += r[i];
            ck += k[i];
            sum += Math.abs(cr / nRef - ck / nCur) * (v[i + 1] - v[i]);
        }
        return sum;
    }

    /** The reference's standard deviation with divisor n (NumPy's default), in two passes. */
    static double referenceStd(NumericCounts c) {
        double[] v = c.values();
        long[] r = c.refCounts();
        double n = c.nRef();
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            total += r[i] * v[i];
        }
        double mean = total / n;
        double squares = 0;
        for (int i = 0; i < v.length; i++) {
            double dev = v[i] - mean;
            squares += r[i] * dev * dev;
        }
        return Math.sqrt(squares / n);
    }
}
