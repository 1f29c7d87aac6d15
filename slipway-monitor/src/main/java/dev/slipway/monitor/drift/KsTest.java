package dev.slipway.monitor.drift;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test as SciPy's {@code ks_2samp(method="auto")}
 * computes it: the exact p-value when neither sample has more than 10,000 values, otherwise the
 * asymptotic one.
 *
 * <p>Where this differs from Hipparchus' own two-sample entry points, and why:
 *
 * <ul>
 *   <li>SciPy's exact p-value is P(D ≥ d) (Hipparchus' {@code exactP(d, n, m, strict=false)}, not
 *       its default {@code strict=true}). Hipparchus counts lattice paths in doubles and divides by
 *       C(n+m, n), which overflows once n+m passes about 1,030, and loses small p-values to {@code
 *       1 - x}. So the exact p-value here walks the same lattice with probabilities instead of
 *       counts: the share of paths to (i, j) that have left the band is the mix of the shares at
 *       (i-1, j) and (i, j-1) weighted i/(i+j) and j/(i+j), which stays in [0, 1] at every size
 *       (the recursion SciPy uses, after Viehmann 2021). Tests check it against Hipparchus' {@code
 *       exactP} on small samples.
 *   <li>SciPy's asymptotic p-value is {@code kstwo.sf(d, round(n·m/(n+m)))}: the exact one-sample
 *       Kolmogorov distribution at the effective size, which is Hipparchus' {@code 1 - cdf(d, n)};
 *       Hipparchus' {@code approximateP} is the limiting distribution instead and gives other
 *       numbers (0.4005 against SciPy's 0.3088 for ten values each at D = 0.4).
 *   <li>Hipparchus breaks ties with random jitter; here D comes from the counts, ties included, as
 *       SciPy computes it.
 * </ul>
 */
final class KsTest {

    /** SciPy's {@code MAX_AUTO_N}: the largest sample for which "auto" tries the exact p-value. */
    static final int MAX_EXACT_N = 10_000;

    private static final KolmogorovSmirnovTest HIPPARCHUS = new KolmogorovSmirnovTest(0L);

    private KsTest() {}

    /**
     * @param d the statistic
     * @param pValue the two-sided p-value
     * @param exact whether the p-value is exact (else asymptotic)
     */
    record Result(double d, double pValue, boolean exact) {}

    static Result test(NumericCounts c) {
        long n1 = c.nRef();
        long n2 = c.nCur();
        long[] r = c.refCounts();
        long[] k = c.curCounts();
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            // n1 * n2 <= 1e8: the integral statistic n1*n2*D is exact in a long.
            long cr = 0;
            long ck = 0;
            long dInt = 0;
            for (int i = 0; i < r.length; i++) {
                cr += r[i];
                ck += k[i];
                dInt = Math.max(dInt, Math.abs(cr * n2 - ck * n1));
            }
            double d = (double) dInt / (double) (n1 * n2);
            return new Result(d, exactP((int) n1, (int) n2, dInt), true);
        }
        double cr = 0;
        double ck = 0;
        double d = 0;
        for (int i = 0; i < r.length; i++) {
            cr += r[i];
            ck += k[i];
            d = Math.max(d, Math.abs(cr / n1 - ck / n2));
        }
        return new Result(d, asymptoticP(d, n1, n2), false);
    }

    /**
     * P(D ≥ dInt / (n1·n2)) for samples of n1 and n2 values under the null hypothesis.
     *
     * @param dInt the statistic times n1·n2 (an integer)
     */
    static double exactP(int n1, int n2, long dInt) {
        if (dInt <= 0) {
            return 1.0;
        }
        // Lattice point (i, j): i reference values and j current values taken so far; the path
        // has D >= d once it reaches a point with |i*n2 - j*n1| >= dInt. q[j] holds, for the row
        // being computed, the share of paths to (i, j) that did so; points outside the band hold 1.
        double[] q = new double[n2 + 1];
        java.util.Arrays.fill(q, 1.0);
        for (int j = 0; (long) j * n1 < dInt && j <= n2; j++) {
            q[j] = 0.0; // row 0 inside the band: no path has left it yet
        }
        for (int i = 1; i <= n1; i++) {
            long centre = (long) i * n2;
            // inside: centre - dInt < j*n1 < centre + dInt
            int lo = (int) Math.max(0, Math.floorDiv(centre - dInt, n1) + 1);
            int hi = (int) Math.min(n2, Math.ceilDiv(centre + dInt, n1) - 1);
            double left = 1.0; // (i, lo-1) is outside the band, or lo == 0 and unused
            for (int j = lo; j <= hi; j++) {
                double v = (i * q[j] + j * left) / (i + j);
                q[j] = v;
                left = v;
            }
        }
        return Math.min(1.0, Math.max(0.0, q[n2]));
    }

    /**
     * SciPy's asymptotic p-value: the one-sample Kolmogorov distribution at round(n1·n2/(n1+n2)).
     */
    static double asymptoticP(double d, long n1, long n2) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = Math.rint(m * n / (m + n)); // NumPy rounds half to even, as rint does
        int size = (int) Math.min(Integer.MAX_VALUE, Math.max(1, en));
        double p = 1.0 - HIPPARCHUS.cdf(d, size);
        return Math.min(1.0, Math.max(0.0, p));
    }
}
