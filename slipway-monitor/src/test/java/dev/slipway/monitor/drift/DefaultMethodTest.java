package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidently's default method per column ({@code tests/stattests/test_registry.py}) and table. */
class DefaultMethodTest {

    @Test
    void defaultMethod_constantNumbers_isZ() {
        double[] ones = repeat(new double[] {1.0}, 10);

        assertThat(Drift.defaultMethod(NumericCounts.of("x", ones, ones))).isEqualTo(DriftMethod.Z);
    }

    @Test
    void defaultMethod_elevenNumbers_isKs() {
        double[] v = range(1, 11);

        assertThat(Drift.defaultMethod(NumericCounts.of("x", v, v))).isEqualTo(DriftMethod.KS);
    }

    @Test
    void defaultMethod_elevenNumbersRepeated1000Times_isWasserstein() {
        double[] v = repeat(range(1, 11), 1000);

        assertThat(Drift.defaultMethod(NumericCounts.of("x", v, v)))
                .isEqualTo(DriftMethod.WASSERSTEIN);
    }

    @Test
    void defaultMethod_fiveNumbersRepeated1000Times_isJensenShannon() {
        double[] v = repeat(range(1, 5), 1000);

        assertThat(Drift.defaultMethod(NumericCounts.of("x", v, v)))
                .isEqualTo(DriftMethod.JENSENSHANNON);
    }

    @Test
    void defaultMethod_threeLabelsTimes10_isChiSquare() {
        List<String> v = labels(List.of("a", "b", "c"), 10);

        assertThat(Drift.defaultMethod(CategoricalCounts.of("c", v, v)))
                .isEqualTo(DriftMethod.CHISQUARE);
    }

    @Test
    void defaultMethod_twoLabelsTimes10_isZ() {
        List<String> v = labels(List.of("a", "b"), 10);

        assertThat(Drift.defaultMethod(CategoricalCounts.of("c", v, v))).isEqualTo(DriftMethod.Z);
    }

    @Test
    void defaultMethod_twoLabelsTimes10000_isJensenShannon() {
        List<String> v = labels(List.of("a", "b"), 10000);

        assertThat(Drift.defaultMethod(CategoricalCounts.of("c", v, v)))
                .isEqualTo(DriftMethod.JENSENSHANNON);
    }

    @Test
    void defaultMethod_numbersWithThreeToFiveValues_isChiSquareUpTo1000ReferenceRows() {
        assertThat(Drift.defaultMethod(numeric(3, 1000))).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(Drift.defaultMethod(numeric(5, 1000))).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(Drift.defaultMethod(numeric(6, 1000))).isEqualTo(DriftMethod.KS);
    }

    @Test
    void defaultMethod_moreThan1000ReferenceRows_isADistance() {
        assertThat(Drift.defaultMethod(numeric(2, 1001))).isEqualTo(DriftMethod.JENSENSHANNON);
        assertThat(Drift.defaultMethod(numeric(5, 1001))).isEqualTo(DriftMethod.JENSENSHANNON);
        assertThat(Drift.defaultMethod(numeric(6, 1001))).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(Drift.defaultMethod(categorical(3, 1001))).isEqualTo(DriftMethod.JENSENSHANNON);
    }

    @Test
    void defaultMethod_countsUniqueValuesOfBothSides() {
        // Reference has 3 values, current 3 others: 6 together, so KS rather than chi-square.
        NumericCounts c = NumericCounts.of("x", new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThat(c.size()).isEqualTo(6);
        assertThat(Drift.defaultMethod(c)).isEqualTo(DriftMethod.KS);
    }

    @Test
    void defaultMethod_countsReferenceRowsWithoutMissingValues() {
        // 1336 rows, of which 1002 are not NaN: more than 1000 once missing values are left out.
        double[] ref = repeat(new double[] {1, 2, 3, Double.NaN}, 334);

        NumericCounts c = NumericCounts.of("x", ref, range(1, 3));

        assertThat(c.nRef()).isEqualTo(1002);
        assertThat(Drift.defaultMethod(c)).isEqualTo(DriftMethod.JENSENSHANNON);
        NumericCounts fewer =
                NumericCounts.of("x", repeat(new double[] {1, Double.NaN}, 600), range(1, 3));
        assertThat(fewer.nRef()).isEqualTo(600);
        assertThat(Drift.defaultMethod(fewer)).isEqualTo(DriftMethod.CHISQUARE);
    }

    /** {@code unique} values spread over {@code nRef} reference rows; current the same values. */
    private static NumericCounts numeric(int unique, int nRef) {
        double[] ref = new double[nRef];
        for (int i = 0; i < nRef; i++) {
            ref[i] = i % unique;
        }
        return NumericCounts.of("x", ref, range(0, unique - 1));
    }

    private static CategoricalCounts categorical(int unique, int nRef) {
        List<String> ref = new ArrayList<>();
        for (int i = 0; i < nRef; i++) {
            ref.add("v" + (i % unique));
        }
        return CategoricalCounts.of("c", ref, List.of("v0"));
    }

    static double[] range(int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    static double[] repeat(double[] v, int times) {
        double[] out = new double[v.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(v, 0, out, t * v.length, v.length);
        }
        return out;
    }

    static List<String> labels(List<String> values, int times) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            out.addAll(values);
        }
        return out;
    }
}
