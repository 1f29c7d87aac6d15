package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts read by DuckDB against counts made in Java, on a real dataset and on edge cases. */
class DuckDbDriftTest {

    private static final Path REF_CSV =
            SharedData.dataset("drift/nannyml_california_reference.csv");
    private static final Path CUR_CSV = SharedData.dataset("drift/nannyml_california_analysis.csv");
    private static final String REF = "read_csv('" + REF_CSV + "')";
    private static final String CUR = "read_csv('" + CUR_CSV + "')";

    private Connection duckdb;

    @BeforeEach
    void open() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        duckdb.close();
    }

    @Test
    void counts_california_equalTheCountsOfTheSameValuesInJava() throws IOException {
        Map<String, double[]> ref = readCsv(REF_CSV);
        Map<String, double[]> cur = readCsv(CUR_CSV);
        for (String col : List.of("MedInc", "HouseAge", "Latitude", "Longitude", "y_pred")) {
            NumericCounts java = NumericCounts.of(col, ref.get(col), cur.get(col));

            NumericCounts duck =
                    (NumericCounts) DuckDbDrift.counts(duckdb, REF, CUR, DriftColumn.of(col));

            assertThat(duck.size()).as(col).isEqualTo(java.size());
            assertThat(duck.values()).as(col).containsExactly(java.values());
            assertThat(duck.refCounts()).as(col).containsExactly(java.refCounts());
            assertThat(duck.curCounts()).as(col).containsExactly(java.curCounts());
            assertThat(Drift.column(duck, DriftOptions.defaults()))
                    .as(col)
                    .isEqualTo(Drift.column(java, DriftOptions.defaults()));
        }
    }

    @Test
    void dataset_california_driftsOnIncomeAndLocationByWasserstein() {
        List<DriftColumn> columns =
                List.of(
                        DriftColumn.of("MedInc"),
                        DriftColumn.of("AveRooms"),
                        DriftColumn.of("Latitude"),
                        DriftColumn.of("Longitude"),
                        DriftColumn.of("y_pred"));

        DatasetDrift d = DuckDbDrift.dataset(duckdb, REF, CUR, columns, DriftOptions.defaults());

        // SciPy 1.17.1: wasserstein_distance(ref, cur) / max(np.std(ref), 0.001) on the CSV
        // columns; Jensen-Shannon of y_pred's shares (0/1 counts, two values, n_ref > 1000).
        assertThat(d.columns())
                .extracting(ColumnDrift::column, ColumnDrift::method, ColumnDrift::drifted)
                .containsExactly(
                        tuple("MedInc", DriftMethod.WASSERSTEIN, true),
                        tuple("AveRooms", DriftMethod.WASSERSTEIN, false),
                        tuple("Latitude", DriftMethod.WASSERSTEIN, true),
                        tuple("Longitude", DriftMethod.WASSERSTEIN, true),
                        tuple("y_pred", DriftMethod.JENSENSHANNON, true));
        assertThat(d.columns().get(0).score()).isCloseTo(0.15753733680687249, within(1e-12));
        assertThat(d.columns().get(1).score()).isCloseTo(0.0827668802573776, within(1e-12));
        assertThat(d.columns().get(2).score()).isCloseTo(1.1244579951579723, within(1e-12));
        assertThat(d.columns().get(3).score()).isCloseTo(1.243107242081922, within(1e-12));
        assertThat(d.columns().get(4).score()).isCloseTo(0.17815874114575717, within(1e-12));
        assertThat(d.columns().get(0).nRef()).isEqualTo(5832);
        assertThat(d.columns().get(0).nCur()).isEqualTo(8232);
        assertThat(d.columns().get(0).nUnique()).isEqualTo(9732);
        assertThat(d.driftedColumns()).isEqualTo(4);
        assertThat(d.share()).isEqualTo(0.8);
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void counts_integerColumns_areIntegral() {
        NumericCounts yPred =
                (NumericCounts) DuckDbDrift.counts(duckdb, REF, CUR, DriftColumn.of("y_pred"));
        NumericCounts income =
                (NumericCounts) DuckDbDrift.counts(duckdb, REF, CUR, DriftColumn.of("MedInc"));

        assertThat(yPred.integral()).isTrue();
        assertThat(income.integral()).isFalse();
    }

    @Test
    void columns_california_listsComparableColumnsWithTheirKinds() {
        List<DriftColumn> columns = DuckDbDrift.columns(duckdb, REF, CUR);

        // timestamp is left out; clf_target is only in the reference.
        assertThat(columns).extracting(DriftColumn::name).doesNotContain("timestamp", "clf_target");
        assertThat(columns).extracting(DriftColumn::name).startsWith("id", "MedInc", "HouseAge");
        assertThat(columns)
                .allSatisfy(c -> assertThat(c.kind()).contains(ColumnKind.NUMERIC))
                .hasSize(11);
    }

    @Test
    void counts_missingValues_areLeftOut() throws SQLException {
        exec(
                "CREATE TABLE r AS SELECT * FROM (VALUES (1.0, 'a'), (NULL, NULL), ('nan'::DOUBLE,"
                        + " 'b'), ('inf'::DOUBLE, 'a'), ('-inf'::DOUBLE, 'a'), (-0.0, 'a')) t(x,"
                        + " s)");
        exec("CREATE TABLE c AS SELECT * FROM (VALUES (2.0, 'c'), (0.0, NULL)) t(x, s)");

        NumericCounts x = (NumericCounts) DuckDbDrift.counts(duckdb, "r", "c", DriftColumn.of("x"));
        CategoricalCounts s =
                (CategoricalCounts) DuckDbDrift.counts(duckdb, "r", "c", DriftColumn.of("s"));

        assertThat(x.values()).containsExactly(0.0, 1.0, 2.0);
        assertThat(x.refCounts()).containsExactly(1, 1, 0);
        assertThat(x.curCounts()).containsExactly(1, 0, 1);
        assertThat(s.categories()).containsExactly("a", "b", "c");
        assertThat(s.refCounts()).containsExactly(4, 1, 0);
        assertThat(s.curCounts()).containsExactly(0, 0, 1);
    }

    @Test
    void counts_textAndBooleanColumns_areCategorical() throws SQLException {
        exec(
                "CREATE TABLE r AS SELECT * FROM (VALUES ('x', true), ('y', true), ('x', false))"
                        + " t(label, flag)");
        exec("CREATE TABLE c AS SELECT * FROM (VALUES ('y', true), ('z', true)) t(label, flag)");

        ColumnCounts label = DuckDbDrift.counts(duckdb, "r", "c", DriftColumn.of("label"));
        CategoricalCounts flag =
                (CategoricalCounts) DuckDbDrift.counts(duckdb, "r", "c", DriftColumn.of("flag"));

        assertThat(label.kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(label.size()).isEqualTo(3);
        assertThat(flag.categories()).containsExactly("false", "true");
        assertThat(flag.refCounts()).containsExactly(1, 2);
    }

    @Test
    void counts_numbersDeclaredCategoricalWithDifferentTypes_matchAsOneLabel() throws SQLException {
        exec("CREATE TABLE r AS SELECT * FROM (VALUES (1::BIGINT), (2::BIGINT)) t(code)");
        exec("CREATE TABLE c AS SELECT * FROM (VALUES (1.0::DOUBLE), ('nan'::DOUBLE)) t(code)");

        CategoricalCounts code =
                (CategoricalCounts)
                        DuckDbDrift.counts(
                                duckdb, "r", "c", DriftColumn.of("code", ColumnKind.CATEGORICAL));

        assertThat(code.categories()).containsExactly("1.0", "2.0");
        assertThat(code.curCounts()).containsExactly(1, 0);
    }

    @Test
    void counts_queriesAndOddColumnNames_work() {
        String ref = "SELECT 1.5 AS \"odd \"\"name\"\", too\" UNION ALL SELECT 2.5";
        String cur = "  with t AS (SELECT 3.5 AS \"odd \"\"name\"\", too\") SELECT * FROM t";

        ColumnCounts c = DuckDbDrift.counts(duckdb, ref, cur, DriftColumn.of("odd \"name\", too"));

        assertThat(c.nRef()).isEqualTo(2);
        assertThat(c.nCur()).isEqualTo(1);
    }

    @Test
    void counts_missingColumn_isNotFoundWithTheColumnsAndACaseHint() {
        assertThatThrownBy(() -> DuckDbDrift.counts(duckdb, REF, CUR, DriftColumn.of("medinc")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith(
                        "column 'medinc' is not in the reference data (names match exactly, case"
                                + " included: did you mean 'MedInc'?); its columns are: id,"
                                + " MedInc, HouseAge");
    }

    @Test
    void counts_textDeclaredNumeric_isRefusedNamingTheType() throws SQLException {
        exec("CREATE TABLE r AS SELECT 'a' AS city");
        exec("CREATE TABLE c AS SELECT 'b' AS city");

        assertThatThrownBy(
                        () ->
                                DuckDbDrift.counts(
                                        duckdb,
                                        "r",
                                        "c",
                                        DriftColumn.of("city", ColumnKind.NUMERIC)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "column 'city' is VARCHAR in the reference data, so it cannot be compared"
                                + " as numeric; compare it as categorical, or cast it to a number"
                                + " in the SQL");
    }

    @Test
    void counts_dateColumn_isRefusedUnlessDeclaredCategorical() {
        assertThatThrownBy(() -> DuckDbDrift.counts(duckdb, REF, CUR, DriftColumn.of("timestamp")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "column 'timestamp' has type TIMESTAMP in the reference data; drift"
                                + " compares numbers, text and booleans");

        ColumnCounts asText =
                DuckDbDrift.counts(
                        duckdb, REF, CUR, DriftColumn.of("timestamp", ColumnKind.CATEGORICAL));
        assertThat(asText.size()).isEqualTo(5832 + 8232);
    }

    @Test
    void counts_numberOnOneSideTextOnTheOther_asksForAKind() throws SQLException {
        exec("CREATE TABLE r AS SELECT 1 AS code");
        exec("CREATE TABLE c AS SELECT '1' AS code");

        assertThatThrownBy(() -> DuckDbDrift.counts(duckdb, "r", "c", DriftColumn.of("code")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "column 'code' is INTEGER in the reference data but VARCHAR in the current"
                                + " data; declare its kind");
    }

    @Test
    void dataset_allNullCurrentColumn_namesTheColumn() throws SQLException {
        exec("CREATE TABLE r AS SELECT * FROM (VALUES (1.0), (2.0)) t(x)");
        exec("CREATE TABLE c AS SELECT NULL::DOUBLE AS x");

        assertThatThrownBy(
                        () ->
                                DuckDbDrift.dataset(
                                        duckdb,
                                        "r",
                                        "c",
                                        List.of(DriftColumn.of("x")),
                                        DriftOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("column 'x' has no values in the current data");
    }

    @Test
    void describe_unreadableRelation_saysWhichSideAndWhy() {
        assertThatThrownBy(
                        () ->
                                DuckDbDrift.columns(
                                        duckdb, REF, "read_parquet('/nonexistent/cur.parquet')"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "the current data (read_parquet('/nonexistent/cur.parquet')) cannot be"
                                + " read: ")
                .hasMessageContaining("/nonexistent/cur.parquet");
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = duckdb.createStatement()) {
            s.execute(sql);
        }
    }

    /** The numeric columns of a plain CSV file (no quotes, no empty fields). */
    private static Map<String, double[]> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        Map<String, double[]> out = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals("timestamp")) {
                continue;
            }
            double[] v = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                v[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
            }
            out.put(header[c], v);
        }
        return out;
    }
}
