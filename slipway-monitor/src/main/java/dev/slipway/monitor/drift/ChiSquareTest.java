package dev.slipway.monitor.drift;

import org.hipparchus.special.Gamma;

/**
 * Evidently's chi-square test: a goodness-of-fit test of the current counts against the reference
 * shares scaled to the current size, with (categories - 1) degrees of freedom.
 */
final class ChiSquareTest {

    private ChiSquareTest() {}

    /**
     * @param statistic the chi-square statistic (infinite when a category is absent from the
     *     reference)
     * @param pValue its p-value (0 when the statistic is infinite; 1 for a single category, which
     *     cannot differ: SciPy returns NaN there and Evidently calls it no drift)
     * @param cramersV Cramér's V of the 2×k table of reference and current counts, in [0, 1]
     */
    record Result(double statistic, double pValue, double cramersV) {}

    static Result test(ColumnCounts c) {
        int k = c.size();
        double nRef = c.nRef();
        double nCur = c.nCur();
        double scale = nCur / nRef;
        double statistic = 0;
        double v2 = 0;
        for (int i = 0; i < k; i++) {
            double expected = c.refCount(i) * scale;
            double observed = c.curCount(i);
            double diff = observed - expected;
            statistic += expected == 0 ? Double.POSITIVE_INFINITY : diff * diff / expected;
            double share = c.refCount(i) / nRef - observed / nCur;
            v2 += share * share * nRef * nCur / ((nRef + nCur) * (c.refCount(i) + observed));
        }
        double p;
        if (k < 2) {
            p = 1.0;
        } else if (statistic == Double.POSITIVE_INFINITY) {
            p = 0.0;
        } else {
            // The chi-square survival function, computed directly (1 - cdf loses small p-values).
            p = Gamma.regularizedGammaQ((k - 1) / 2.0, statistic / 2.0);
        }
        return new Result(statistic, p, k < 2 ? 0.0 : Math.sqrt(Math.min(1.0, v2)));
    }
}
