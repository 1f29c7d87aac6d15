package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import dev.slipway.testkit.SharedData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    private static final List<String> ADULT_COLUMNS =
            List.of(
                    "age:integer",
                    "workclass:categorical",
                    "fnlwgt:integer",
                    "education:categorical",
                    "education-num:integer",
                    "marital-status:categorical",
                    "occupation:categorical",
                    "relationship:categorical",
                    "race:categorical",
                    "sex:categorical",
                    "capital-gain:integer",
                    "capital-loss:integer",
                    "hours-per-week:integer",
                    "native-country:categorical",
                    "income:categorical");

    private static Profile adult;

    @BeforeAll
    static void profileAdult() throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (String c : ADULT_COLUMNS) {
            String name = c.substring(0, c.indexOf(':'));
            LogicalType type = LogicalType.fromLabel(c.substring(c.indexOf(':') + 1)).orElseThrow();
            names.add(Sql.str(name));
            select.add(
                    (type == LogicalType.INTEGER
                                    ? "CAST(trim(%s) AS BIGINT) AS %1$s"
                                    : "NULLIF(trim(%s), '') AS %1$s")
                            .formatted(Sql.id(name)));
            fields.add(new Field(name, type, true, new Domain.Unbounded()));
        }
        String csv = SharedData.dataset("adult_train.csv").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    ("CREATE TABLE adult AS SELECT %s FROM read_csv(%s, all_varchar = true, header = true,"
                                    + " delim = ',', quote = '\"', escape = '\"', strict_mode = true, names = [%s])")
                            .formatted(
                                    String.join(", ", select),
                                    Sql.str(csv),
                                    String.join(", ", names)));
            adult = Profiler.compute(duck, "adult", new Schema(fields));
        }
    }

    private static ColumnProfile adult(String column) {
        return adult.column(column).orElseThrow();
    }

    @Test
    void compute_adultAge_matchesPandasDescribe() {
        ColumnProfile age = adult("age");
        NumericSummary n = age.numeric().orElseThrow();

        assertThat(age.count()).isEqualTo(32561);
        assertThat(n.mean()).isCloseTo(38.58164675532078, within(1e-12));
        assertThat(n.std()).isCloseTo(13.640432553581341, within(1e-9));
        assertThat(List.of(n.min(), n.quantile(0.25).orElseThrow(), n.quantile(0.5).orElseThrow()))
                .containsExactly(17.0, 28.0, 37.0);
        assertThat(List.of(n.quantile(0.75).orElseThrow(), n.max())).containsExactly(48.0, 90.0);
    }

    @Test
    void compute_adultAge_tailQuantilesMatchNumPy() {
        NumericSummary n = adult("age").numeric().orElseThrow();

        assertThat(n.quantiles())
                .extracting(Quantile::value)
                .containsExactly(17.0, 19.0, 28.0, 37.0, 48.0, 63.0, 74.0);
    }

    @Test
    void compute_adultHoursPerWeek_meanAndStdMatchPandas() {
        NumericSummary n = adult("hours-per-week").numeric().orElseThrow();

        assertThat(n.mean()).isCloseTo(40.437455852092995, within(1e-12));
        assertThat(n.std()).isCloseTo(12.347428681731843, within(1e-9));
    }

    @Test
    void compute_adultMissingValues_countedAsNulls() {
        assertThat(List.of(adult("workclass"), adult("occupation"), adult("native-country")))
                .extracting(ColumnProfile::nulls)
                .containsExactly(1836L, 1843L, 583L);
    }

    @Test
    void compute_adultIncome_topCategoriesWithCounts() {
        assertThat(adult("income").top())
                .containsExactly(new Category("<=50K", 24720), new Category(">50K", 7841));
    }

    @Test
    void compute_adultSex_topCategoriesAndDistinct() {
        ColumnProfile sex = adult("sex");

        assertThat(sex.top())
                .containsExactly(new Category("Male", 21790), new Category("Female", 10771));
        assertThat(sex.distinct()).isEqualTo(2);
    }

    @Test
    void compute_adultAge_histogramMatchesNumPy() {
        Histogram h = adult("age").histogram().orElseThrow();

        assertThat(h.counts())
                .containsExactly(
                        2410L, 3160L, 2461L, 3429L, 3465L, 2583L, 3198L, 2965L, 1828L, 2139L, 1558L,
                        1033L, 996L, 599L, 269L, 227L, 120L, 54L, 20L, 47L);
        assertThat(h.edges()).hasSize(21).startsWith(17.0, 20.65, 24.3).endsWith(86.35, 90.0);
    }

    @Test
    void compute_adultCategoricalColumns_haveNoHistogramAndAtMostTenTop() {
        ColumnProfile education = adult("education");

        assertThat(education.histogram()).isEmpty();
        assertThat(education.distinct()).isEqualTo(16);
        assertThat(education.top()).hasSize(Profiler.TOP);
    }

    @Test
    void compute_adult_everyHistogramCountsEveryValue() {
        assertThat(adult.columns())
                .filteredOn(c -> c.histogram().isPresent())
                .hasSize(6)
                .allSatisfy(c -> assertThat(c.histogram().get().total()).isEqualTo(c.count()));
    }

    @Test
    void compute_tenthsWithTenBins_countsMatchNumPyAtInexactEdges() throws SQLException {
        // np.histogram(np.arange(11) / 10, bins=10): 0.3 lies below the edge 3 * 0.1.
        Profile p = profile("SELECT i / 10 AS x FROM range(11) r(i)", 10, "x:numeric");

        assertThat(p.column("x").orElseThrow().histogram().orElseThrow().counts())
                .containsExactly(1L, 1L, 2L, 0L, 1L, 2L, 1L, 0L, 1L, 2L);
    }

    @Test
    void compute_zeroToTenWithFiveBins_lastBinIncludesMax() throws SQLException {
        Profile p = profile("SELECT CAST(i AS DOUBLE) AS x FROM range(11) r(i)", 5, "x:numeric");
        Histogram h = p.column("x").orElseThrow().histogram().orElseThrow();

        assertThat(h.edges()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(h.counts()).containsExactly(2L, 2L, 2L, 2L, 3L);
    }

    @Test
    void compute_constantColumn_oneBinAndZeroStd() throws SQLException {
        Profile p = profile("SELECT CAST(7 AS BIGINT) AS x FROM range(5)", 20, "x:integer");
        ColumnProfile x = p.column("x").orElseThrow();

        assertThat(x.histogram()).contains(new Histogram(List.of(7.0, 7.0), List.of(5L)));
        assertThat(x.numeric().orElseThrow().std()).isZero();
        assertThat(x.distinct()).isEqualTo(1);
    }

    @Test
    void compute_allNullColumn_onlyCounts() throws SQLException {
        Profile p = profile("SELECT CAST(NULL AS DOUBLE) AS x FROM range(4)", 20, "x:numeric");

        assertThat(p.column("x"))
                .contains(
                        new ColumnProfile(
                                "x",
                                LogicalType.NUMERIC,
                                0,
                                4,
                                0,
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                Optional.empty()));
    }

    @Test
    void compute_nanAndInfinities_countedApartFromStatistics() throws SQLException {
        Profile p =
                profile(
                        "SELECT CAST(v AS DOUBLE) AS x FROM (VALUES ('1'), ('2'), ('3'), ('NaN'),"
                                + " ('Infinity'), ('-Infinity'), (NULL)) t(v)",
                        20,
                        "x:numeric");
        ColumnProfile x = p.column("x").orElseThrow();
        NumericSummary n = x.numeric().orElseThrow();

        assertThat(List.of(x.count(), x.nulls(), x.distinct(), n.nonFinite()))
                .containsExactly(6L, 1L, 6L, 3L);
        assertThat(List.of(n.min(), n.max(), n.mean(), n.std(), n.quantile(0.5).orElseThrow()))
                .containsExactly(1.0, 3.0, 2.0, 1.0, 2.0);
        assertThat(x.histogram().orElseThrow().total()).isEqualTo(3);
    }

    @Test
    void compute_onlyNonFiniteValues_summaryOfNaNsWithoutHistogram() throws SQLException {
        Profile p =
                profile(
                        "SELECT CAST(v AS DOUBLE) AS x FROM (VALUES ('NaN'), ('Infinity')) t(v)",
                        20,
                        "x:numeric");
        ColumnProfile x = p.column("x").orElseThrow();
        NumericSummary n = x.numeric().orElseThrow();

        assertThat(List.of(n.min(), n.max(), n.mean(), n.std())).allMatch(d -> d.isNaN());
        assertThat(n.quantiles()).isEmpty();
        assertThat(n.nonFinite()).isEqualTo(2);
        assertThat(x.histogram()).isEmpty();
    }

    @Test
    void compute_columnNameWithSpaceQuoteAndPercent_isProfiled() throws SQLException {
        Profile p =
                profile(
                        "SELECT 'a' AS \"my \"\"odd\"\" col-1 %s\", CAST(2.5 AS DOUBLE) AS \"x\"\"%d\" FROM range(3)",
                        20, "my \"odd\" col-1 %s:categorical", "x\"%d:numeric");

        assertThat(p.column("my \"odd\" col-1 %s").orElseThrow().top())
                .containsExactly(new Category("a", 3));
        assertThat(p.column("x\"%d").orElseThrow().numeric().orElseThrow().mean()).isEqualTo(2.5);
    }

    @Test
    void compute_rangeWiderThanDoubles_statisticsWithoutHistogram() throws SQLException {
        Profile p =
                profile(
                        "SELECT CAST(v AS DOUBLE) AS x FROM (VALUES ('-1e308'), ('0'), ('1e308')) t(v)",
                        20,
                        "x:numeric");
        ColumnProfile x = p.column("x").orElseThrow();
        NumericSummary n = x.numeric().orElseThrow();

        assertThat(List.of(n.min(), n.mean(), n.std())).containsExactly(-1e308, 0.0, 1e308);
        assertThat(x.histogram()).isEmpty();
    }

    @Test
    void compute_timestampColumn_rangeAndHistogramOverEpochSeconds() throws SQLException {
        Profile p =
                profile(
                        "SELECT TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL 1 HOUR AS t FROM range(5) r(i)"
                                + " UNION ALL SELECT NULL",
                        4,
                        "t:timestamp");
        ColumnProfile t = p.column("t").orElseThrow();
        double start = LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

        assertThat(t.time())
                .contains(
                        new TimeSummary(
                                LocalDateTime.of(2024, 1, 1, 0, 0),
                                LocalDateTime.of(2024, 1, 1, 4, 0)));
        assertThat(t.histogram())
                .contains(
                        new Histogram(
                                List.of(
                                        start,
                                        start + 3600,
                                        start + 7200,
                                        start + 10800,
                                        start + 14400),
                                List.of(1L, 1L, 1L, 2L)));
        assertThat(List.of(t.count(), t.nulls(), t.distinct())).containsExactly(5L, 1L, 5L);
    }

    @Test
    void compute_timestampWithMicroseconds_keepsThem() throws SQLException {
        Profile p =
                profile("SELECT TIMESTAMP '1969-12-31 23:59:59.123456' AS t", 20, "t:timestamp");

        assertThat(p.column("t").orElseThrow().time().orElseThrow().min())
                .isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_000));
    }

    @Test
    void compute_infiniteTimestamp_leftOutOfRangeAndHistogram() throws SQLException {
        Profile p =
                profile(
                        "SELECT * FROM (VALUES (TIMESTAMP '2024-05-01 10:00:00'), (TIMESTAMP 'infinity')) v(t)",
                        20,
                        "t:timestamp");
        ColumnProfile t = p.column("t").orElseThrow();
        LocalDateTime only = LocalDateTime.of(2024, 5, 1, 10, 0);

        assertThat(t.time()).contains(new TimeSummary(only, only));
        assertThat(t.histogram().orElseThrow().counts()).containsExactly(1L);
        assertThat(List.of(t.count(), t.distinct())).containsExactly(2L, 2L);
    }

    @Test
    void compute_booleanColumn_topIsTrueAndFalseCounts() throws SQLException {
        Profile p =
                profile(
                        "SELECT * FROM (VALUES (true), (false), (true), (NULL)) t(b)",
                        20,
                        "b:boolean");
        ColumnProfile b = p.column("b").orElseThrow();

        assertThat(b.top()).containsExactly(new Category("true", 2), new Category("false", 1));
        assertThat(List.of(b.count(), b.nulls(), b.distinct())).containsExactly(3L, 1L, 2L);
    }

    @Test
    void compute_tiedCounts_topOrderedByValueAndCutAtTen() throws SQLException {
        Profile p =
                profile(
                        "SELECT chr(CAST(109 - i % 12 AS INTEGER)) AS c FROM range(24) r(i)",
                        20, "c:text");
        ColumnProfile c = p.column("c").orElseThrow();

        assertThat(c.top())
                .extracting(Category::value)
                .containsExactly("b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        assertThat(c.distinct()).isEqualTo(12);
    }

    @Test
    void compute_emptyTable_zeroRows() throws SQLException {
        Profile p =
                profile(
                        "SELECT CAST(1.5 AS DOUBLE) AS x, 'a' AS c FROM range(0)",
                        20,
                        "x:numeric",
                        "c:categorical");

        assertThat(p.rows()).isZero();
        assertThat(p.columns()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void compute_columnOfWrongType_namesColumnAndTypes() throws SQLException {
        assertThatThrownBy(() -> profile("SELECT 'x' AS amount", 20, "amount:numeric"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'amount' is VARCHAR")
                .hasMessageContaining("must be DOUBLE");
    }

    @Test
    void compute_missingColumn_namesIt() throws SQLException {
        assertThatThrownBy(() -> profile("SELECT 1.5 AS a", 20, "b:numeric"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'b' is missing");
    }

    @Test
    void compute_sameDataTwice_sameProfile() throws SQLException {
        String select =
                "SELECT random() AS x, CAST(random() * 9 AS BIGINT) AS i FROM range(300000)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE t AS " + select);
            Schema schema = schema("x:numeric", "i:integer");

            assertThat(Profiler.compute(duck, "t", schema))
                    .isEqualTo(Profiler.compute(duck, "t", schema));
        }
    }

    /** Profiles the rows of {@code select}, as a table, with columns given as "name:type". */
    private static Profile profile(String select, int bins, String... columns) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE t AS " + select);
            return Profiler.compute(duck, "t", schema(columns), bins);
        }
    }

    private static Schema schema(String... columns) {
        List<Field> fields = new ArrayList<>();
        for (String c : columns) {
            int colon = c.lastIndexOf(':');
            fields.add(
                    new Field(
                            c.substring(0, colon),
                            LogicalType.fromLabel(c.substring(colon + 1)).orElseThrow(),
                            true,
                            new Domain.Unbounded()));
        }
        return new Schema(fields);
    }
}
