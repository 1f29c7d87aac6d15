package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/**
 * KS against SciPy's {@code ks_2samp(method="auto")}. Expected numbers marked "SciPy 1.17.1" were
 * computed by SciPy itself on the same samples (the generating formulas are repeated here).
 */
class KsTestTest {

    private static final double[] REF_0_TO_9 = DefaultMethodTest.range(0, 9);
    private static final double[] CUR_3_5_TO_12_5 = shifted(DefaultMethodTest.range(0, 9), 3.5);

    @Test
    void test_tenValuesEach_isExactAsSciPy() {
        KsTest.Result r = KsTest.test(NumericCounts.of("x", REF_0_TO_9, CUR_3_5_TO_12_5));

        assertThat(r.exact()).isTrue();
        assertThat(r.d()).isEqualTo(0.4);
        assertThat(r.pValue()).isCloseTo(0.41752365281777043, within(1e-14));
    }

    @Test
    void asymptoticP_tenValuesEach_isSciPysAsymptoticValue() {
        // SciPy's method="asymp": kstwo.sf(0.4, round(10*10/20) = 5) = 0.3088, far from exact.
        assertThat(KsTest.asymptoticP(0.4, 10, 10)).isCloseTo(0.3088, within(1e-12));
        assertThat(new KolmogorovSmirnovTest().approximateP(0.4, 10, 10))
                .as("Hipparchus' approximateP is the limiting distribution, not SciPy's asymp")
                .isCloseTo(0.4005, within(1e-4));
    }

    @Test
    void column_tenValuesEach_isNotDriftAndReportsD() {
        ColumnDrift d =
                Drift.column(
                        NumericCounts.of("x", REF_0_TO_9, CUR_3_5_TO_12_5),
                        DriftOptions.defaults());

        assertThat(d.method()).isEqualTo(DriftMethod.KS);
        assertThat(d.pValue()).hasValueCloseTo(0.4175, within(1e-4));
        assertThat(d.effectSize()).isEqualTo(0.4);
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void test_unequalSizesWithTies_isSciPysExactValue() {
        double[] ref = new double[30];
        for (int i = 0; i < 30; i++) {
            ref[i] = (i * 37 % 101) / 10.0;
        }
        double[] cur = new double[45];
        for (int j = 0; j < 45; j++) {
            cur[j] = (j * 53 % 89) / 10.0 + 1;
        }

        KsTest.Result r = KsTest.test(NumericCounts.of("x", ref, cur));

        // SciPy 1.17.1: ks_2samp(ref, cur) = (0.1111111111111111, 0.968424410502918)
        assertThat(r.d()).isCloseTo(0.1111111111111111, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.968424410502918, within(1e-12));
    }

    @Test
    void test_thousandsOfValues_isExactAsSciPy() {
        double[] ref = new double[3000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i % 97;
        }
        double[] cur = new double[5000];
        for (int j = 0; j < cur.length; j++) {
            cur[j] = (j * 7) % 101;
        }

        KsTest.Result r = KsTest.test(NumericCounts.of("x", ref, cur));

        // SciPy 1.17.1: ks_2samp(ref, cur) = (0.0396, 0.005449925908133255), exact
        assertThat(r.exact()).isTrue();
        assertThat(r.d()).isCloseTo(0.0396, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.005449925908133255, within(1e-12));
    }

    @Test
    void test_currentAbove10000Values_isAsymptoticAsSciPy() {
        double[] ref = new double[800];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i % 97;
        }
        double[] cur = new double[12000];
        for (int j = 0; j < cur.length; j++) {
            cur[j] = (j * 7) % 103;
        }

        KsTest.Result r = KsTest.test(NumericCounts.of("x", ref, cur));

        // SciPy 1.17.1: ks_2samp(ref, cur) = (0.058250000000000024, 0.011823699485495812).
        // Above n = 140 Hipparchus evaluates the Kolmogorov distribution by the Pelz-Good
        // approximation, which agrees with SciPy to about six significant digits.
        assertThat(r.exact()).isFalse();
        assertThat(r.d()).isCloseTo(0.05825, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.011823699485495812, within(1e-7));
    }

    @Test
    void test_smallPValue_keepsItsDigits() {
        double[] ref = new double[700];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i % 50;
        }
        double[] cur = new double[900];
        for (int j = 0; j < cur.length; j++) {
            cur[j] = j % 50 + 5;
        }

        KsTest.Result r = KsTest.test(NumericCounts.of("x", ref, cur));

        // SciPy 1.17.1: ks_2samp(ref, cur) = (0.1, 0.0006998035507324138)
        assertThat(r.d()).isCloseTo(0.1, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.0006998035507324138, within(1e-15));
    }

    @Test
    void exactP_smallSamples_agreesWithHipparchusExactP() {
        KolmogorovSmirnovTest hipparchus = new KolmogorovSmirnovTest();
        int[][] sizes = {{2, 2}, {2, 7}, {5, 5}, {7, 3}, {12, 18}, {40, 25}, {60, 60}, {101, 37}};
        for (int[] s : sizes) {
            int n1 = s[0];
            int n2 = s[1];
            // d = 1 is left out: Hipparchus 4.0.2 answers 0 there (the true value is
            // 2 / C(n1+n2, n1), see exactP_samplesThatCannotOverlap_isTheChanceOfThatOrder).
            for (long dInt = 1; dInt < (long) n1 * n2; dInt += Math.max(1, n1 * n2 / 23)) {
                double d = dInt / (double) ((long) n1 * n2);
                assertThat(KsTest.exactP(n1, n2, dInt))
                        .as("n1=%d n2=%d d=%s", n1, n2, d)
                        .isCloseTo(hipparchus.exactP(d, n1, n2, false), within(1e-12));
            }
        }
    }

    @Test
    void exactP_samplesThatCannotOverlap_isTheChanceOfThatOrder() {
        // D = 1 only when every reference value lies below every current value or above: 2 of the
        // C(20, 10) = 184756 equally likely orders.
        assertThat(KsTest.exactP(10, 10, 100)).isCloseTo(2.0 / 184756, within(1e-18));
        // Where 1 - (paths inside) / C(n+m, n) would round to 0, the share of paths outside
        // keeps its digits.
        double orders = CombinatoricsUtils.binomialCoefficientDouble(1000, 500);
        assertThat(KsTest.exactP(500, 500, 250_000)).isCloseTo(2 / orders, withinPercentage(1e-6));
    }

    @Test
    void exactP_oneValueEach_isOne() {
        // SciPy: ks_2samp([0.0], [1.0]) = (1.0, 1.0); Hipparchus' exactP needs two values a side.
        assertThat(KsTest.exactP(1, 1, 1)).isEqualTo(1.0);
    }

    @Test
    void exactP_zeroStatistic_isOne() {
        assertThat(KsTest.exactP(5, 8, 0)).isEqualTo(1.0);
    }

    private static double[] shifted(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + by;
        }
        return out;
    }
}
