package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference cases of Evidently's own tests ({@code tests/stattests/test_stattests.py} and
 * {@code tests/multitest/metrics/data_drift.py}), to the digits they give.
 */
class EvidentlyReferenceTest {

    private static final long[] REF = {16, 18, 16, 14, 12, 12};
    private static final long[] CUR = {16, 16, 16, 16, 16, 8};

    @Test
    void chisquare_sameShapeCounts_givesEvidentlysPValue() {
        ColumnDrift d = Drift.column(categorical(REF, CUR), DriftMethod.CHISQUARE, 0.5);

        assertThat(d.score()).isCloseTo(0.67309, within(1e-5));
        assertThat(d.pValue()).hasValueCloseTo(0.67309, within(1e-5));
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void chisquare_referenceCountsDoubled_givesTheSamePValue() {
        long[] doubled = new long[REF.length];
        for (int i = 0; i < REF.length; i++) {
            doubled[i] = 2 * REF[i];
        }

        ColumnDrift d = Drift.column(categorical(doubled, CUR), DriftMethod.CHISQUARE, 0.5);

        assertThat(d.score()).isCloseTo(0.67309, within(1e-5));
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void hellinger_sameShapeCounts_givesEvidentlysDistance() {
        ColumnDrift d = Drift.column(categorical(REF, CUR), DriftMethod.HELLINGER, 0.1);

        assertThat(d.score()).isCloseTo(0.06812, within(1e-5));
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void hellinger_referenceCountsDoubled_givesTheSameDistance() {
        long[] doubled = new long[REF.length];
        for (int i = 0; i < REF.length; i++) {
            doubled[i] = 2 * REF[i];
        }

        ColumnDrift d = Drift.column(categorical(doubled, CUR), DriftMethod.HELLINGER, 0.1);

        assertThat(d.score()).isCloseTo(0.06812, within(1e-5));
    }

    @Test
    void psi_categoricalWithAnEmptyReferenceCategory_is2point93AndDrifts() {
        CategoricalCounts c =
                CategoricalCounts.of("col", List.of("3", "2", "2"), List.of("1", "2", "3"));

        ColumnDrift d = Drift.column(c, DriftMethod.PSI, 0.1);

        assertThat(d.score()).isCloseTo(2.93, within(0.01));
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void chisquare_currentCategoriesUnseenInReference_hasPValueZeroAndDrifts() {
        CategoricalCounts c =
                CategoricalCounts.of("col", List.of("1", "2", "3"), List.of("5", "8", "3"));

        ColumnDrift d = Drift.column(c, DriftOptions.defaults());

        assertThat(d.method()).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(d.score()).isZero();
        assertThat(d.threshold()).isEqualTo(0.05);
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void chisquare_identicalSamples_hasPValueOne() {
        List<String> abc = new ArrayList<>();
        for (String s : List.of("a", "b", "c")) {
            for (int i = 0; i < 10; i++) {
                abc.add(s);
            }
        }

        ColumnDrift d =
                Drift.column(CategoricalCounts.of("c", abc, abc), DriftMethod.CHISQUARE, 0.5);

        assertThat(d.score()).isCloseTo(1.0, within(1e-5));
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void hellinger_identicalNumericSamples_isZero() {
        double[] v = {38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0, Double.NaN};

        ColumnDrift d = Drift.column(NumericCounts.of("x", v, v), DriftMethod.HELLINGER, 0.1);

        assertThat(d.score()).isCloseTo(0.0, within(1e-5));
        assertThat(d.nRef()).isEqualTo(8);
    }

    @Test
    void z_identicalTwoValueSamples_hasPValueOne() {
        List<String> ab = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ab.add("a");
            ab.add("b");
        }

        ColumnDrift d = Drift.column(CategoricalCounts.of("c", ab, ab), DriftMethod.Z, 0.5);

        assertThat(d.score()).isCloseTo(1.0, within(1e-5));
        assertThat(d.drifted()).isFalse();
    }

    /** Values 1..6 with the given counts. */
    static CategoricalCounts categorical(long[] ref, long[] cur) {
        return CategoricalCounts.ofCounts("col", List.of("1", "2", "3", "4", "5", "6"), ref, cur);
    }
}
