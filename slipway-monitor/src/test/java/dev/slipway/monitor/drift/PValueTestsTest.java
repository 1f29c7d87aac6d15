package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Z-test and chi-square with their effect sizes, against hand computation and SciPy. */
class PValueTestsTest {

    @Test
    void z_quarterAgainstHalf_matchesHandComputation() {
        // Reference: 30 a, 10 b (p1 = 0.25 are not 'a'); current: 20 a, 20 b (p2 = 0.5).
        // Pooled 0.375, z = -0.25 / sqrt(0.375 * 0.625 * (1/40 + 1/40)) = -2.3094010767585034;
        // p = 2 (1 - Phi(2.3094...)) = 0.020921335337793945 (SciPy 1.17.1 norm.cdf).
        CategoricalCounts c =
                CategoricalCounts.ofCounts(
                        "c", List.of("a", "b"), new long[] {30, 10}, new long[] {20, 20});

        ZTest.Result r = ZTest.test(c);

        assertThat(r.z()).isCloseTo(-2.3094010767585034, within(1e-14));
        assertThat(r.pValue()).isCloseTo(0.020921335337793945, within(1e-14));
        // Cohen's h = |2 asin(sqrt(0.25)) - 2 asin(sqrt(0.5))| = |pi/3 - pi/2| = pi/6
        assertThat(r.cohensH()).isCloseTo(Math.PI / 6, within(1e-15));
    }

    @Test
    void z_column_reportsCohensHAsEffectSizeAndDrifts() {
        CategoricalCounts c =
                CategoricalCounts.ofCounts(
                        "c", List.of("a", "b"), new long[] {30, 10}, new long[] {20, 20});

        ColumnDrift d = Drift.column(c, DriftOptions.defaults());

        assertThat(d.method()).isEqualTo(DriftMethod.Z);
        assertThat(d.effectSize()).isCloseTo(Math.PI / 6, within(1e-15));
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void z_bothConstantButDifferent_driftsWithFullEffect() {
        CategoricalCounts c = CategoricalCounts.of("c", List.of("a", "a", "a"), List.of("b", "b"));

        ZTest.Result r = ZTest.test(c);

        // p1 = 0, p2 = 1: pooled 0.4, z = -1 / sqrt(0.24 * (1/3 + 1/2)) = -2.2360679...
        assertThat(r.z()).isCloseTo(-1 / Math.sqrt(0.24 * (1.0 / 3 + 0.5)), within(1e-15));
        assertThat(r.cohensH()).isCloseTo(Math.PI, within(1e-15));
    }

    @Test
    void z_comparesTheFirstValueInSortedOrderWithTheRest() {
        // 'B' < 'a' < 'b' in code point order, as Python sorts: 'B' is the value set apart.
        CategoricalCounts c =
                CategoricalCounts.ofCounts(
                        "c", List.of("b", "a", "B"), new long[] {5, 5, 10}, new long[] {5, 5, 10});

        assertThat(c.categories()).containsExactly("B", "a", "b");
        assertThat(ZTest.test(c).pValue()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void chisquare_sciPyDocsExample_matches() {
        // SciPy docs: chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8])
        // = (3.5, 0.62338762774958223); equal totals make the reference counts the expectation.
        CategoricalCounts c =
                EvidentlyReferenceTest.categorical(
                        new long[] {16, 16, 16, 16, 16, 8}, new long[] {16, 18, 16, 14, 12, 12});

        ChiSquareTest.Result r = ChiSquareTest.test(c);

        assertThat(r.statistic()).isCloseTo(3.5, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.62338762774958223, within(1e-14));
    }

    @Test
    void chisquare_cramersV_isTheTwoByKTableStatisticOverN() {
        // Table ref (30, 10) / cur (20, 20), N = 80: chi2 = sum (O-E)^2/E with
        // E = (25, 15, 25, 15) -> 1 + 5/3 + 1 + 5/3 = 5.333...; V = sqrt(5.333/80).
        CategoricalCounts c =
                CategoricalCounts.ofCounts(
                        "c", List.of("a", "b"), new long[] {30, 10}, new long[] {20, 20});

        assertThat(ChiSquareTest.test(c).cramersV())
                .isCloseTo(Math.sqrt((2 + 10.0 / 3) / 80), within(1e-15));
    }

    @Test
    void chisquare_unseenCategory_hasInfiniteStatisticYetBoundedCramersV() {
        CategoricalCounts c = CategoricalCounts.of("c", List.of("a", "b"), List.of("a", "c"));

        ChiSquareTest.Result r = ChiSquareTest.test(c);

        assertThat(r.statistic()).isInfinite();
        assertThat(r.pValue()).isZero();
        assertThat(r.cramersV()).isBetween(0.0, 1.0);
    }

    @Test
    void chisquare_singleCategory_isNoDrift() {
        CategoricalCounts c = CategoricalCounts.of("c", List.of("a", "a"), List.of("a"));

        ColumnDrift d = Drift.column(c, DriftMethod.CHISQUARE, 0.05);

        assertThat(d.score()).isEqualTo(1.0);
        assertThat(d.effectSize()).isZero();
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void drifted_pValueAtTheThreshold_isDriftForKsOnly() {
        assertThat(DriftMethod.KS.drifted(0.05, 0.05)).isTrue();
        assertThat(DriftMethod.CHISQUARE.drifted(0.05, 0.05)).isFalse();
        assertThat(DriftMethod.Z.drifted(0.05, 0.05)).isFalse();
        assertThat(DriftMethod.Z.drifted(0.0499, 0.05)).isTrue();
    }

    @Test
    void drifted_distanceAtTheThreshold_isDrift() {
        for (DriftMethod m :
                List.of(
                        DriftMethod.WASSERSTEIN,
                        DriftMethod.JENSENSHANNON,
                        DriftMethod.PSI,
                        DriftMethod.KL,
                        DriftMethod.HELLINGER)) {
            assertThat(m.drifted(0.1, 0.1)).as(m.label()).isTrue();
            assertThat(m.drifted(0.0999, 0.1)).as(m.label()).isFalse();
            assertThat(m.isPValue()).as(m.label()).isFalse();
            assertThat(m.defaultThreshold()).as(m.label()).isEqualTo(0.1);
        }
    }
}
