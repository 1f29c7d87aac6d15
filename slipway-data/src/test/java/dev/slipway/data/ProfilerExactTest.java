package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Statistics computed from per-value counts equal what DuckDB computes over the rows themselves.
 */
class ProfilerExactTest {

    @Test
    void compute_manyTies_quantilesEqualQuantileCont() throws SQLException {
        // 0.1 * (1 - d) + 0.1 * d is not always 0.1: the interpolation must be DuckDB's, not
        // skipped.
        assertQuantilesMatch(
                "SELECT CASE WHEN i % 3 = 0 THEN CAST(0.3 AS DOUBLE) ELSE CAST(0.1 AS DOUBLE) END AS x"
                        + " FROM range(23) r(i)",
                LogicalType.NUMERIC);
    }

    @Test
    void compute_fewValuesManyRows_quantilesEqualQuantileCont() throws SQLException {
        assertQuantilesMatch(
                "SELECT CAST(round(random() * 40) / 7 AS DOUBLE) AS x FROM range(20000)",
                LogicalType.NUMERIC);
    }

    @Test
    void compute_moreDistinctValuesThanSortLimit_quantilesEqualQuantileCont() throws SQLException {
        assertQuantilesMatch(
                "SELECT CAST(round(random() * 1e6) / 1e3 AS DOUBLE) AS x FROM range(%d)"
                        .formatted(3 * Ranks.SORT_LIMIT),
                LogicalType.NUMERIC);
    }

    @Test
    void compute_manyDistinctValuesAndAnOutlier_quantilesEqualQuantileCont() throws SQLException {
        assertQuantilesMatch(
                ("SELECT CASE WHEN i = 0 THEN CAST(1e12 AS DOUBLE) ELSE random() END AS x"
                                + " FROM range(%d) r(i)")
                        .formatted(2 * Ranks.SORT_LIMIT),
                LogicalType.NUMERIC);
    }

    @Test
    void compute_integersAboveDoublePrecision_quantilesEqualQuantileCont() throws SQLException {
        assertQuantilesMatch(
                "SELECT CAST(i % 97 AS BIGINT) + 36028797018963968 AS x FROM range(5000) r(i)",
                LogicalType.INTEGER);
    }

    @Test
    void compute_negativeAndPositiveZero_zeroIsPositive() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "CREATE TABLE t AS SELECT CAST(v AS DOUBLE) AS x"
                            + " FROM (VALUES ('-0'), ('0'), ('-0'), ('1')) v(v)");
            NumericSummary n =
                    Profiler.compute(duck, "t", schema("x", LogicalType.NUMERIC))
                            .columns()
                            .get(0)
                            .numeric()
                            .orElseThrow();

            assertThat(Double.doubleToRawLongBits(n.min())).isZero();
            assertThat(Double.doubleToRawLongBits(n.quantiles().get(0).value())).isZero();
        }
    }

    @Test
    void compute_onlyNegativeZeros_keepsTheSign() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT CAST('-0' AS DOUBLE) AS x FROM range(3)");
            NumericSummary n =
                    Profiler.compute(duck, "t", schema("x", LogicalType.NUMERIC))
                            .columns()
                            .get(0)
                            .numeric()
                            .orElseThrow();

            assertThat(List.of(n.min(), n.max())).containsExactly(-0.0, -0.0);
        }
    }

    @Test
    void measure_categoricalColumn_categoriesEqualGroupBy() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "CREATE TABLE t AS SELECT CASE WHEN i % 11 = 0 THEN NULL"
                            + " ELSE 'c' || CAST(i * i % 23 AS VARCHAR) END AS c FROM range(2000) r(i)");
            List<Category> expected = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT c, count(*) FROM t WHERE c IS NOT NULL GROUP BY c ORDER BY 2 DESC, 1")) {
                while (rs.next()) {
                    expected.add(new Category(rs.getString(1), rs.getLong(2)));
                }
            }

            Profiler.Result r = Profiler.measure(duck, "t", schema("c", LogicalType.CATEGORICAL));

            assertThat(expected).hasSizeGreaterThan(Profiler.TOP);
            assertThat(r.categories().get("c")).isEqualTo(expected);
            assertThat(r.profile().columns().get(0).top())
                    .isEqualTo(expected.subList(0, Profiler.TOP));
        }
    }

    @Test
    void attach_categoricalColumn_domainHasEveryCategory() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute(
                    "CREATE TABLE t AS SELECT chr(CAST(97 + i % 12 AS INTEGER)) AS c FROM range(30) r(i)");
            Schema bare = schema("c", LogicalType.CATEGORICAL);

            Schema withDomains = Domains.attach(bare, Profiler.measure(duck, "t", bare));

            Domain.Categories d = (Domain.Categories) withDomains.fields().get(0).domain();
            assertThat(d.values()).hasSize(12).startsWith(new Category("a", 3));
            assertThat(d.values().stream().mapToLong(Category::count).sum()).isEqualTo(30);
        }
    }

    @Test
    void compute_anyColumn_leavesNoTableBehind() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT CAST(i AS DOUBLE) AS x FROM range(10) r(i)");
            Profiler.compute(duck, "t", schema("x", LogicalType.NUMERIC));

            try (ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_tables()")) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                assertThat(tables).containsExactly("t");
            }
        }
    }

    /** Profiles column x of {@code select} and compares its quantiles with quantile_cont's. */
    private static void assertQuantilesMatch(String select, LogicalType type) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("SELECT setseed(0.25)");
            s.execute("CREATE TABLE t AS " + select);
            String ps =
                    Profiler.PROBABILITIES.stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
            List<Double> expected = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT quantile_cont(CAST(x AS DOUBLE), [%s]) FROM t".formatted(ps))) {
                rs.next();
                Array values = rs.getArray(1);
                for (Object v : (Object[]) values.getArray()) {
                    expected.add(((Number) v).doubleValue());
                }
            }

            Profile p = Profiler.compute(duck, "t", schema("x", type));

            assertThat(p.columns().get(0).numeric().orElseThrow().quantiles())
                    .extracting(Quantile::value)
                    .isEqualTo(expected);
        }
    }

    private static Schema schema(String name, LogicalType type) {
        return new Schema(List.of(new Field(name, type, true, new Domain.Unbounded())));
    }
}
