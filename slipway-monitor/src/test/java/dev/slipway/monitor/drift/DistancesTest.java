package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wasserstein, Jensen–Shannon, KL, PSI and Hellinger. Numbers marked "SciPy docs" are the examples
 * of SciPy's documentation; "NumPy 2.4.6 / SciPy 1.17.1" marks Evidently's binning run on NumPy's
 * own histogram functions with the same samples.
 */
class DistancesTest {

    @Test
    void wasserstein_sciPyDocsExamples_match() {
        // SciPy docs: wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5.0
        assertThat(
                        Wasserstein.distance(
                                NumericCounts.of(
                                        "x", new double[] {0, 1, 3}, new double[] {5, 6, 8})))
                .isCloseTo(5.0, within(1e-15));
        // SciPy docs: wasserstein_distance([0, 1], [0, 1], [3, 1], [2, 2]) = 0.25 (weights as
        // counts)
        NumericCounts c =
                NumericCounts.ofCounts(
                        "x", new double[] {0, 1}, new long[] {3, 1}, new long[] {2, 2}, false);
        assertThat(Wasserstein.distance(c)).isCloseTo(0.25, within(1e-15));
        // SciPy docs: wasserstein_distance([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2],
        // [3.2, 3.5]) = 4.0781331438047861; weights times 10 are the same distributions.
        NumericCounts weighted =
                NumericCounts.ofCounts(
                        "x",
                        new double[] {1.4, 3.4, 3.9, 4.5, 7.5, 7.8},
                        new long[] {0, 14, 9, 0, 31, 72},
                        new long[] {35, 0, 0, 32, 0, 0},
                        false);
        assertThat(Wasserstein.distance(weighted)).isCloseTo(4.0781331438047861, within(1e-12));
    }

    @Test
    void wasserstein_normed_dividesByTheReferencePopulationStd() {
        // Reference {0 x3, 1 x1}: mean 0.25, std (ddof 0) sqrt(0.1875); W1 = 0.25 -> 1/sqrt(3).
        NumericCounts c =
                NumericCounts.ofCounts(
                        "x", new double[] {0, 1}, new long[] {3, 1}, new long[] {2, 2}, false);

        ColumnDrift d = Drift.column(c, DriftMethod.WASSERSTEIN, 0.1);

        assertThat(d.score()).isCloseTo(1 / Math.sqrt(3), within(1e-15));
        assertThat(d.effectSize()).isEqualTo(d.score());
        assertThat(d.pValue()).isEmpty();
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void wasserstein_constantReference_dividesBy0point001() {
        NumericCounts c = NumericCounts.of("x", new double[] {2, 2, 2}, new double[] {2, 2, 2.01});

        // W1 = 0.01 / 3; the std of a constant is 0, floored at 0.001.
        assertThat(Wasserstein.normed(c)).isCloseTo(0.01 / 3 / 0.001, within(1e-9));
    }

    @Test
    void jensenShannon_sciPyDocsExample_matches() {
        // SciPy docs: jensenshannon([1.0, 0.0], [0.5, 0.5]) = 0.46450140402245893
        CategoricalCounts c = CategoricalCounts.of("c", List.of("a", "a"), List.of("a", "b"));

        assertThat(Drift.column(c, DriftMethod.JENSENSHANNON, 0.1).score())
                .isCloseTo(0.46450140402245893, within(1e-15));
    }

    @Test
    void jensenShannon_disjointSamples_isSqrtLn2() {
        CategoricalCounts c = CategoricalCounts.of("c", List.of("a"), List.of("b"));

        assertThat(Divergences.jensenShannon(c)).isCloseTo(Math.sqrt(Math.log(2)), within(1e-15));
    }

    @Test
    void kl_sciPyDocsExample_matches() {
        // SciPy docs: entropy([1/2, 1/2], qk=[9/10, 1/10]) = 0.5108256237659907
        CategoricalCounts c =
                CategoricalCounts.ofCounts(
                        "c", List.of("a", "b"), new long[] {5, 5}, new long[] {9, 1});

        assertThat(Drift.column(c, DriftMethod.KL, 0.1).score())
                .isCloseTo(0.5108256237659907, within(1e-15));
    }

    @Test
    void psi_byHand_fillsEmptyBinsWith0point0001() {
        // Reference shares [0, 2/3, 1/3], current [1/3, 1/3, 1/3]; the empty share becomes 0.0001.
        CategoricalCounts c =
                CategoricalCounts.of("c", List.of("3", "2", "2"), List.of("1", "2", "3"));
        double expected =
                (0.0001 - 1.0 / 3) * Math.log(0.0001 / (1.0 / 3))
                        + (2.0 / 3 - 1.0 / 3) * Math.log(2);

        assertThat(Divergences.psi(c)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void fillZeros_smallestShareAtMost0point0001_usesAMillionthOfIt() {
        double[] shares = {0.00005, 0, 0.99995};

        Bins.fillZeros(shares);

        assertThat(shares[1]).isEqualTo(0.00005 / 1e6);
    }

    @Test
    void divergences_fewNumericValues_useOneBinPerValueAsNumPy() {
        double[] ref = {1, 1, 2, 2, 2, 3, 4, 5, 5, 5};
        double[] cur = {1, 2, 3, 3, 6, 7, 7, 7};
        NumericCounts c = NumericCounts.of("x", ref, cur);

        // NumPy 2.4.6 / SciPy 1.17.1 with Evidently's get_binned_data
        assertThat(Divergences.psi(c)).isCloseTo(7.3929882793239, within(1e-12));
        assertThat(Divergences.kl(c)).isCloseTo(3.355490932879687, within(1e-12));
        assertThat(Divergences.jensenShannon(c)).isCloseTo(0.5928303189349595, within(1e-12));
        assertThat(Hellinger.distance(c)).isCloseTo(0.6988080755102271, within(1e-12));
    }

    @Test
    void divergences_moreThan20ReferenceValues_useSturgesBinsAsNumPy() {
        NumericCounts c = NumericCounts.of("x", sampleA(), sampleB(256));

        assertThat(Bins.sturgesEdges(c.value(0), c.value(c.size() - 1), 556, false)).hasSize(12);
        // NumPy 2.4.6 / SciPy 1.17.1 with Evidently's get_binned_data: 11 bins
        assertThat(Divergences.psi(c)).isCloseTo(1.4428934984601756, within(1e-12));
        assertThat(Divergences.kl(c)).isCloseTo(0.2703960417239234, within(1e-12));
        assertThat(Divergences.jensenShannon(c)).isCloseTo(0.2942322149946241, within(1e-12));
        assertThat(Hellinger.distance(c)).isCloseTo(0.33945481265327526, within(1e-12));
        assertThat(Wasserstein.normed(c)).isCloseTo(0.7295072003372283, within(1e-12));
    }

    @Test
    void sturgesEdges_sizeAPowerOfTwo_countsLog2Exactly() {
        NumericCounts c = NumericCounts.of("x", sampleA(), sampleB(212)); // 512 values: log2 = 9

        assertThat(Bins.sturgesEdges(c.value(0), c.value(c.size() - 1), 512, false)).hasSize(11);
        // NumPy 2.4.6 / SciPy 1.17.1: 10 bins
        assertThat(Divergences.psi(c)).isCloseTo(1.4624024983647361, within(1e-12));
        assertThat(Divergences.jensenShannon(c)).isCloseTo(0.28397259282883497, within(1e-12));
    }

    @Test
    void sturgesEdges_integerData_neverNarrowerThanOne() {
        // 0..20 with 1.26 million rows: Sturges asks for 21.3 bins of width 0.94, NumPy widens
        // them to 1 for integer data (20 bins) but not for floating point data (22 bins).
        long[] ref = new long[21];
        long[] cur = new long[21];
        double[] values = new double[21];
        for (int v = 0; v <= 20; v++) {
            values[v] = v;
            ref[v] = 30000;
            cur[v] = v * 2000L + 10000;
        }
        NumericCounts ints = NumericCounts.ofCounts("x", values, ref, cur, true);
        NumericCounts reals = NumericCounts.ofCounts("x", values, ref, cur, false);

        assertThat(Bins.sturgesEdges(0, 20, 1_260_000, true)).hasSize(21);
        assertThat(Bins.sturgesEdges(0, 20, 1_260_000, false)).hasSize(23);
        // NumPy 2.4.6 / SciPy 1.17.1 on int64 and float64 arrays
        assertThat(Divergences.psi(ints)).isCloseTo(0.18341144883664473, within(1e-12));
        assertThat(Divergences.psi(reals)).isCloseTo(0.1834636821329958, within(1e-12));
        assertThat(Divergences.jensenShannon(ints)).isCloseTo(0.1498105273920541, within(1e-12));
        assertThat(Divergences.jensenShannon(reals)).isCloseTo(0.1498310572481049, within(1e-12));
    }

    @Test
    void histogram_valueOnTheLastEdge_fallsInTheLastBin() {
        NumericCounts c = NumericCounts.of("x", new double[] {0, 1, 2, 3, 4}, new double[] {4});
        double[] edges = {0, 2, 4};

        assertThat(Bins.histogram(c, c.refCounts(), edges)).containsExactly(2, 3);
    }

    /** 300 values with 2 decimals in [0, 13). */
    static double[] sampleA() {
        double[] a = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.round(((i * 0.37) % 13) * 100) / 100.0;
        }
        return a;
    }

    /** n values with 2 decimals in [0.5, 17.5). */
    static double[] sampleB(int n) {
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            b[j] = Math.round(((j * 0.53) % 17) * 100) / 100.0 + 0.5;
        }
        return b;
    }
}
