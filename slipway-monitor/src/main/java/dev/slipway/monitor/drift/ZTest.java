package dev.slipway.monitor.drift;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Evidently's two-proportion Z-test: each value is 0 when it equals the first value in sorted order
 * and 1 otherwise; the proportions of ones are compared with a pooled standard error.
 */
final class ZTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private ZTest() {}

    /**
     * @param z the statistic (reference minus current)
     * @param pValue two-sided p-value, 2·Φ(-|z|) (the same number as Evidently's 2·(1 - Φ(|z|)),
     *     without its rounding to 0 below 1e-16)
     * @param cohensH |2·asin √p_ref - 2·asin √p_cur|, p the shares of rows not equal to the first
     *     value
     */
    record Result(double z, double pValue, double cohensH) {}

    static Result test(ColumnCounts c) {
        if (c.size() < 2) {
            return new Result(0, 1.0, 0); // both samples constant and equal
        }
        double n1 = c.nRef();
        double n2 = c.nCur();
        double ones1 = n1 - c.refCount(0);
        double ones2 = n2 - c.curCount(0);
        double p1 = ones1 / n1;
        double p2 = ones2 / n2;
        double pooled = (ones1 + ones2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        double h = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
        return new Result(z, Math.min(1.0, p), h);
    }
}
