package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overrides, their precedence, the dataset verdict, and the errors users see. */
class DriftOptionsTest {

    private static final NumericCounts AGE =
            NumericCounts.of("age", DefaultMethodTest.range(1, 30), DefaultMethodTest.range(5, 34));
    private static final CategoricalCounts CITY =
            CategoricalCounts.of("city", List.of("a", "b", "c"), List.of("a", "b", "b"));

    @Test
    void methodFor_columnBeatsKindBeatsAll() {
        DriftOptions o =
                DriftOptions.builder()
                        .method(DriftMethod.PSI)
                        .method(ColumnKind.NUMERIC, DriftMethod.WASSERSTEIN)
                        .method("age", DriftMethod.KS)
                        .build();

        assertThat(o.methodFor("age", ColumnKind.NUMERIC)).contains(DriftMethod.KS);
        assertThat(o.methodFor("income", ColumnKind.NUMERIC)).contains(DriftMethod.WASSERSTEIN);
        assertThat(o.methodFor("city", ColumnKind.CATEGORICAL)).contains(DriftMethod.PSI);
        assertThat(DriftOptions.defaults().methodFor("age", ColumnKind.NUMERIC)).isEmpty();
    }

    @Test
    void thresholdFor_columnBeatsKindBeatsAll() {
        DriftOptions o =
                DriftOptions.builder()
                        .threshold(0.2)
                        .threshold(ColumnKind.CATEGORICAL, 0.3)
                        .threshold("city", 0.01)
                        .build();

        assertThat(o.thresholdFor("city", ColumnKind.CATEGORICAL)).hasValue(0.01);
        assertThat(o.thresholdFor("town", ColumnKind.CATEGORICAL)).hasValue(0.3);
        assertThat(o.thresholdFor("age", ColumnKind.NUMERIC)).hasValue(0.2);
    }

    @Test
    void column_thresholdOverrideWithoutMethod_keepsTheDefaultMethod() {
        DriftOptions o = DriftOptions.builder().threshold("age", 0.96).build();

        ColumnDrift d = Drift.column(AGE, o);

        // SciPy 1.17.1: ks_2samp(1..30, 5..34) = (0.1333, 0.9578462903438838)
        assertThat(d.method()).isEqualTo(DriftMethod.KS);
        assertThat(d.score()).isCloseTo(0.9578462903438838, within(1e-12));
        assertThat(d.threshold()).isEqualTo(0.96);
        assertThat(d.drifted()).isTrue();
        assertThat(Drift.column(AGE, DriftOptions.defaults()).drifted()).isFalse();
    }

    @Test
    void column_methodOverrideWithoutThreshold_usesTheMethodsDefault() {
        ColumnDrift d = Drift.column(AGE, DriftOptions.builder().method(DriftMethod.PSI).build());

        assertThat(d.method()).isEqualTo(DriftMethod.PSI);
        assertThat(d.threshold()).isEqualTo(0.1);
    }

    @Test
    void column_reportsCountsAndKind() {
        ColumnDrift d = Drift.column(CITY, DriftOptions.defaults());

        assertThat(d.column()).isEqualTo("city");
        assertThat(d.kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(d.nRef()).isEqualTo(3);
        assertThat(d.nCur()).isEqualTo(3);
        assertThat(d.nUnique()).isEqualTo(3);
        assertThat(d.method()).isEqualTo(DriftMethod.CHISQUARE);
        assertThat(d.pValue()).hasValue(d.score());
    }

    @Test
    void dataset_shareAtTheThreshold_drifts() {
        NumericCounts moved =
                NumericCounts.of(
                        "m", DefaultMethodTest.range(1, 30), DefaultMethodTest.range(50, 79));

        DatasetDrift d = Drift.dataset(List.of(AGE, moved), DriftOptions.defaults());

        assertThat(d.columns()).extracting(ColumnDrift::column).containsExactly("age", "m");
        assertThat(d.driftedColumns()).isEqualTo(1);
        assertThat(d.share()).isEqualTo(0.5);
        assertThat(d.threshold()).isEqualTo(0.5);
        assertThat(d.drifted()).isTrue();
        DatasetDrift stricter =
                Drift.dataset(List.of(AGE, moved), DriftOptions.builder().driftShare(0.6).build());
        assertThat(stricter.drifted()).isFalse();
    }

    @Test
    void dataset_noColumns_isAnError() {
        assertThatThrownBy(() -> Drift.dataset(List.of(), DriftOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no columns");
    }

    @Test
    void parse_unknownMethod_listsTheValidOnes() {
        assertThatThrownBy(() -> DriftMethod.parse("kolmogorov", "--method"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "unknown drift method 'kolmogorov'; valid methods: ks, chisquare, z,"
                                + " wasserstein, jensenshannon, psi, kl, hellinger")
                .extracting(e -> ((InvalidInputException) e).source())
                .isEqualTo("--method");
    }

    @Test
    void parse_namesIgnoreCaseAndAcceptEvidentlysKlDiv() {
        assertThat(DriftMethod.parse(" KS ", "m")).isEqualTo(DriftMethod.KS);
        assertThat(DriftMethod.parse("kl_div", "m")).isEqualTo(DriftMethod.KL);
        assertThat(DriftMethod.parse("JensenShannon", "m")).isEqualTo(DriftMethod.JENSENSHANNON);
    }

    @Test
    void column_chiSquareChosenForNumericColumn_saysWhyAndWhatFits() {
        DriftOptions o = DriftOptions.builder().method("age", DriftMethod.CHISQUARE).build();

        assertThatThrownBy(() -> Drift.column(AGE, o))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "drift method 'chisquare' does not apply to numeric column 'age' (as in"
                                + " Evidently, it is for categorical columns only); for numeric"
                                + " columns use one of: ks, wasserstein, jensenshannon, psi, kl,"
                                + " hellinger; or declare 'age' categorical");
    }

    @Test
    void column_ksChosenForAllColumns_refusesTheCategoricalOne() {
        DriftOptions o = DriftOptions.builder().method(DriftMethod.KS).build();

        assertThatThrownBy(() -> Drift.dataset(List.of(AGE, CITY), o))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ks' does not apply to categorical column 'city'")
                .hasMessageContaining(
                        "for categorical columns use one of: chisquare, z, jensenshannon, psi,"
                                + " kl, hellinger");
    }

    @Test
    void column_hellingerOnEitherKind_isAllowedAsInEvidently() {
        DriftOptions o = DriftOptions.builder().method(DriftMethod.HELLINGER).build();

        assertThat(Drift.dataset(List.of(AGE, CITY), o).columns())
                .extracting(ColumnDrift::method)
                .containsOnly(DriftMethod.HELLINGER);
    }

    @Test
    void column_defaultChiSquareOnFewNumericValues_isAllowed() {
        NumericCounts few = NumericCounts.of("rooms", new double[] {1, 2, 3}, new double[] {1, 2});

        assertThat(Drift.column(few, DriftOptions.defaults()).method())
                .isEqualTo(DriftMethod.CHISQUARE);
    }

    @Test
    void column_emptyCurrentAfterMissingValues_namesTheColumnAndSide() {
        NumericCounts c =
                NumericCounts.of(
                        "income",
                        new double[] {1, 2},
                        new double[] {Double.NaN, Double.POSITIVE_INFINITY});

        assertThatThrownBy(() -> Drift.column(c, DriftOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "column 'income' has no values in the current data once missing values")
                .satisfies(
                        e -> {
                            InvalidInputException i = (InvalidInputException) e;
                            assertThat(i.column()).contains("income");
                            assertThat(i.source()).isEqualTo("current");
                        });
    }

    @Test
    void column_emptyReference_namesTheColumnAndSide() {
        CategoricalCounts c = CategoricalCounts.of("city", Arrays.asList(null, null), List.of("a"));

        assertThatThrownBy(() -> Drift.column(c, DriftOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'city' has no values in the reference data");
    }

    @Test
    void column_pValueThresholdAbove1_isRefused() {
        DriftOptions o = DriftOptions.builder().threshold(5).build();

        assertThatThrownBy(() -> Drift.column(AGE, o))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the threshold 5.0 for column 'age' is above 1, but ks");
    }

    @Test
    void builder_negativeThresholdOrShareAbove1_isRefused() {
        assertThatThrownBy(() -> DriftOptions.builder().threshold("age", -0.1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "the drift threshold for column 'age' must be a finite number >= 0, got"
                                + " -0.1");
        assertThatThrownBy(() -> DriftOptions.builder().driftShare(1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void column_thresholdNotANumber_isRefused() {
        assertThatThrownBy(() -> Drift.column(AGE, DriftMethod.WASSERSTEIN, Double.NaN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "the drift threshold for column 'age' must be a finite number >= 0, got"
                                + " NaN");
    }
}
