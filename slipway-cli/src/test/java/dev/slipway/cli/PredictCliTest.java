package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway predict} on the Adult data with a model trained on it. */
class PredictCliTest {

    private static final Path ADULT_TEST = SharedData.dataset("adult_test.csv");

    @TempDir static Path shared;

    @TempDir Path dir;

    private static String home() {
        return shared.resolve("home").toString();
    }

    @BeforeAll
    static void trainAdult() {
        CliRun imported =
                CliRun.of(
                        "data",
                        "import",
                        SharedData.dataset("adult_train.csv").toString(),
                        "--name",
                        "adult",
                        "--home",
                        home());
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRun trained =
                CliRun.of(
                        "train",
                        "--data",
                        "adult",
                        "--target",
                        "income",
                        "--param",
                        "num_round=20",
                        "--home",
                        home());
        assertThat(trained.code()).as(trained.err()).isZero();
    }

    private static CliRun predict(String... extra) {
        List<String> args = new ArrayList<>(List.of("predict", "--home", home()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void help_showsAnExample() {
        CliRun r = CliRun.of("predict", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example").contains("slipway predict --model");
    }

    @Test
    void predict_adultTestCsv_givesThePredictorsLabelsAndProbabilities() throws Exception {
        Path out = dir.resolve("scores.csv");

        CliRun r =
                predict(
                        "--model",
                        "adult",
                        "--input",
                        ADULT_TEST.toString(),
                        "--output",
                        out.toString(),
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("rows_read").asLong()).isEqualTo(16_281);
        assertThat(n.get("rows_predicted").asLong()).isEqualTo(16_281);
        assertThat(n.get("rows_rejected").asLong()).isZero();
        assertThat(n.get("keys").toString()).isEqualTo("[\"income\"]");
        assertThat(Files.exists(dir.resolve("scores.rejects.csv"))).isFalse();
        List<List<String>> rows =
                query(
                        "SELECT label, \"proba_<=50K\", \"proba_>50K\", income FROM read_csv(%s, all_varchar=true, header=true)"
                                .formatted(sql(out)));
        Frame expected = inProcess();
        StringColumn label = (StringColumn) expected.column(Signature.LABEL);
        Column proba = expected.column(Signature.PROBABILITIES);
        assertThat(rows).hasSize(expected.rows());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            assertThat(row.get(0)).as("label of row %d", i + 1).isEqualTo(label.get(i));
            assertThat(Double.parseDouble(row.get(1))).isCloseTo(proba(proba, i, 0), within(1e-7));
            assertThat(Double.parseDouble(row.get(2))).isCloseTo(proba(proba, i, 1), within(1e-7));
        }
        assertThat(rows.get(0).get(3)).isEqualTo("<=50K");
    }

    /** The trained model's predictions for the Adult test rows, imported as a dataset. */
    private static Frame inProcess() {
        CliRun imported =
                CliRun.of(
                        "data",
                        "import",
                        ADULT_TEST.toString(),
                        "--name",
                        "adult-test",
                        "--home",
                        home());
        assertThat(imported.code()).as(imported.err()).isZero();
        try (SlipwayHome h = SlipwayHome.open(Path.of(home()))) {
            Services s = Services.open(h);
            try (Predictor p = s.registry().load(ModelRef.parse("adult"))) {
                List<String> inputs =
                        p.signature().inputs().stream().map(ColumnSpec::name).toList();
                return p.predict(s.datasets().read(DatasetRef.parse("adult-test"), inputs));
            }
        }
    }

    private static double proba(Column c, int row, int k) {
        return switch (c) {
            case FloatColumn f -> f.get(row, k);
            case DoubleColumn d -> d.get(row, k);
            default -> throw new AssertionError("probabilities are " + c.dtype());
        };
    }

    @Test
    void predict_missingColumn_exitsInvalidInputNamingItAndListingTheFilesColumns()
            throws IOException {
        Path in = dir.resolve("no-age.csv");
        try (Stream<String> lines = Files.lines(ADULT_TEST)) {
            Files.write(in, lines.limit(50).map(l -> l.substring(l.indexOf(',') + 1)).toList());
        }
        Path out = dir.resolve("scores.csv");

        CliRun r =
                predict("--model", "adult", "--input", in.toString(), "--output", out.toString());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("no column 'age'").contains("workclass, fnlwgt");
        assertThat(out).doesNotExist();
    }

    @Test
    void predict_unknownModel_exitsNotFound() {
        CliRun r =
                predict(
                        "--model",
                        "nope",
                        "--input",
                        ADULT_TEST.toString(),
                        "--output",
                        dir.resolve("scores.csv").toString());

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("nope");
    }

    @Test
    void predict_malformedFile_exitsInvalidInputBeforeScoringAndKeepsTheOldOutput()
            throws IOException {
        List<String> lines = adultLines(100);
        lines.add(lines.get(1) + ",1,2,3");
        Path in = dir.resolve("broken.csv");
        Files.write(in, lines);
        Path out = dir.resolve("scores.csv");
        Files.writeString(out, "the previous run's output\n");

        CliRun r =
                predict("--model", "adult", "--input", in.toString(), "--output", out.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains(in + ": line 102");
        assertThat(out).hasContent("the previous run's output");
    }

    @Test
    void predict_failingAfterSomeBatches_keepsTheOldOutputAndLeavesNoPartialFile()
            throws IOException {
        // Batches of good rows are scored and written, then the last row is rejected and its
        // rejects file cannot be created: the run fails part way.
        List<String> lines = adultLines(3_000);
        lines.add(lines.get(1).replaceFirst("^\\d+,", "abc,"));
        Path in = dir.resolve("input.csv");
        Files.write(in, lines);
        Path out = dir.resolve("scores.csv");
        Files.writeString(out, "the previous run's output\n");
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder is needed\n");

        CliRun r =
                predict(
                        "--model",
                        "adult",
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--rejects",
                        blocker.resolve("rejects.csv").toString(),
                        "--batch-size",
                        "500");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.STORE);
        assertThat(out).hasContent("the previous run's output");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("input.csv", "scores.csv", "blocker");
        }
    }

    /** The header and the first {@code rows} rows of the Adult test file. */
    private static List<String> adultLines(int rows) throws IOException {
        try (Stream<String> all = Files.lines(ADULT_TEST)) {
            return new ArrayList<>(all.limit(rows + 1L).toList());
        }
    }

    static String sql(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    /** Runs a DuckDB statement that returns no rows, such as COPY. */
    static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a DuckDB query, as text ("" for null). */
    static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "" : v);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
