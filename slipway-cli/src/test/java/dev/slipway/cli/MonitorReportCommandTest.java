package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway monitor report} on model {@code adult} trained on the Adult data, with a
 * prediction log of 1,000 training rows on each of 1 and 2 May 2024 (2 May 30 years older) and
 * their labels.
 */
class MonitorReportCommandTest {

    @TempDir static Path shared;

    @TempDir Path dir;

    private static String home() {
        return shared.resolve("home").toString();
    }

    @BeforeAll
    static void trainLogAndLabel() throws SQLException, IOException {
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
                        "num_round=10",
                        "--home",
                        home());
        assertThat(trained.code()).as(trained.err()).isZero();
        try (SlipwayHome h = SlipwayHome.open(shared.resolve("home"))) {
            Services s = Services.open(h);
            Path snapshot = s.datasets().resolve(DatasetRef.latest("adult")).snapshot();
            ModelVersion v = s.registry().versions("adult").getFirst();
            List<String> classes =
                    s.registry().manifest(v).signature().outputs().stream()
                            .filter(o -> o.name().equals(Signature.PROBABILITIES))
                            .findFirst()
                            .map(ColumnSpec::labels)
                            .orElseThrow();
            Path labels = shared.resolve("labels.csv");
            writeLog(PredictionLogs.directory(h).resolve("adult"), snapshot, classes, labels);
            // The task is given so that the ingest does not look the model version up.
            s.monitor()
                    .labels(
                            "adult",
                            labels,
                            LabelOptions.defaults().expecting(Task.BINARY, classes));
        }
    }

    /**
     * 1,000 training rows a minute apart on each day, age 30 years older on the second, with the
     * predicted class 0.8 likely; and a CSV of their true labels.
     */
    private static void writeLog(Path logs, Path snapshot, List<String> classes, Path labels)
            throws SQLException, IOException {
        Files.createDirectories(logs);
        String positive = DuckSql.str(classes.get(1));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone='UTC'");
            s.execute(
                    """
                    CREATE TABLE log AS
                      SELECT 'r' || n AS request_id, 0 AS row_index,
                             TIMESTAMPTZ '2024-05-01 00:00:00+00' + (n // 1000) * INTERVAL 1 DAY
                               + (n %% 1000) * INTERVAL 1 MINUTE AS ts,
                             'adult' AS model, 1 AS model_version, 'oip-rest' AS protocol,
                             CAST(500 + n %% 7 AS BIGINT) AS latency_us,
                             * EXCLUDE (n, income) REPLACE (CASE WHEN n >= 1000 THEN age + 30 ELSE age END AS age),
                             CASE WHEN income = %s THEN %s ELSE %s END AS label,
                             CAST(CASE WHEN income = %s THEN 0.2 ELSE 0.8 END AS FLOAT) AS %s,
                             CAST(CASE WHEN income = %s THEN 0.8 ELSE 0.2 END AS FLOAT) AS %s,
                             income AS truth
                      FROM (SELECT row_number() OVER () - 1 AS n, * FROM read_parquet(%s) LIMIT 2000)
                    """
                            .formatted(
                                    positive,
                                    positive,
                                    DuckSql.str(classes.get(0)),
                                    positive,
                                    DuckSql.id("probabilities_" + classes.get(0)),
                                    positive,
                                    DuckSql.id("probabilities_" + classes.get(1)),
                                    DuckSql.str(snapshot.toString())));
            s.execute(
                    ("COPY (SELECT * EXCLUDE (truth), strftime(ts, '%%Y-%%m-%%d') AS date FROM log)"
                                    + " TO %s (FORMAT parquet, PARTITION_BY (date), FILENAME_PATTERN 'part-{i}')")
                            .formatted(DuckSql.str(logs.toString())));
            s.execute(
                    "COPY (SELECT request_id, truth AS label FROM log) TO %s (HEADER)"
                            .formatted(DuckSql.str(labels.toString())));
        }
    }

    private static CliRun report(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor", "report", "--home", home()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void help_showsAnExample() {
        CliRun r = CliRun.of("monitor", "report", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(80));
        assertThat(r.out())
                .contains("Example")
                .contains("slipway monitor report --model adult-income --out report.html")
                .contains("--json");
    }

    @Test
    void report_out_writesOneSelfContainedHtmlFileAndSummarizes() throws IOException {
        Path out = dir.resolve("reports").resolve("adult.html");

        CliRun r = report("--model", "adult", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Wrote the monitoring report of adult to " + out.toAbsolutePath())
                .contains("prediction log of adult (all rows): 2,000 rows in 2 windows of 1d")
                .contains("No dataset drift: 1 of 14 input columns drifted (age).")
                .contains("Alerts: 0 notifications.");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Meant to be shared: readable by others, not owner-only like a temporary file.
            assertThat(
                            java.nio.file.attribute.PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(out)))
                    .isEqualTo("rw-r--r--");
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<strong>age</strong> — ✗ drifted")
                .contains(
                        "<h3>education</h3><span class=\"ok\"><span aria-hidden=\"true\">✓</span> no drift</span>");
        assertThat(html.toLowerCase(Locale.ROOT))
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("<script")
                .doesNotContain("src=");
    }

    @Test
    void report_existingOut_isReplaced() throws IOException {
        Path out = dir.resolve("report.html");
        Files.writeString(out, "an old report");

        CliRun r = report("--model", "adult", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void report_jsonAndOut_printsTheDocumentAndWritesTheFile() throws IOException {
        Path out = dir.resolve("report.html");

        CliRun r = report("--model", "adult", "--json", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("format").asText()).isEqualTo("slipway monitoring report");
        assertThat(n.get("version").asInt()).isEqualTo(1);
        assertThat(n.get("model").asText()).isEqualTo("adult");
        assertThat(n.get("window").asText()).isEqualTo("1d");
        assertThat(n.get("drift").get("windows")).hasSize(2);
        assertThat(n.get("distributions")).hasSize(14);
        assertThat(n.get("alerts")).isEmpty();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void report_json_driftIsTheMonitorsOwn() throws IOException {
        CliRun r = report("--model", "adult", "--json", "--from", "2024-05-02", "--window", "12h");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("range").get("from").asText()).isEqualTo("2024-05-02T00:00:00Z");
        assertThat(n.get("window").asText()).isEqualTo("12h");
        try (SlipwayHome h = SlipwayHome.open(shared.resolve("home"))) {
            JsonNode expected =
                    MonitorJson.drift(
                            Services.open(h)
                                    .monitor()
                                    .drift(
                                            new DriftRequest(
                                                    Optional.of("adult"),
                                                    new ReferenceData.Training(),
                                                    new CurrentData.Log(
                                                            "adult",
                                                            new Range(
                                                                    Optional.of(
                                                                            java.time.Instant.parse(
                                                                                    "2024-05-02T00:00:00Z")),
                                                                    Optional.empty(),
                                                                    java.util.OptionalLong
                                                                            .empty())),
                                                    List.of(),
                                                    DriftOptions.defaults(),
                                                    Optional.of(WindowSpec.parse("12h")))));
            // as printed and read back, so that numbers compare as the same JSON node types
            assertThat(n.get("drift")).isEqualTo(Output.JSON.readTree(expected.toString()));
        }
        assertThat(n.get("drift").get("current_rows").asLong()).isEqualTo(1000);
        assertThat(n.get("drift").get("windows")).hasSize(2);
    }

    @Test
    void report_datasetReference_comparesWithIt() {
        CliRun r = report("--model", "adult", "--reference", "adult", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("drift").get("reference").asText()).startsWith("dataset adult@");
    }

    @Test
    void report_neitherOutNorJson_isInvalidInputNamingBoth() {
        CliRun r = report("--model", "adult");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("--out report.html").contains("--json");
    }

    @Test
    void report_unknownModel_isNotFound() {
        CliRun r = report("--model", "nobody", "--out", dir.resolve("r.html").toString());

        assertThat(r.code()).as(r.out()).isEqualTo(4);
        assertThat(r.err()).contains("nobody");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void report_badWindowOrTime_isInvalidInput() {
        CliRun window = report("--model", "adult", "--json", "--window", "fortnight");
        CliRun time = report("--model", "adult", "--json", "--from", "yesterday");

        assertThat(window.code()).isEqualTo(3);
        assertThat(window.err()).contains("fortnight");
        assertThat(time.code()).isEqualTo(3);
        assertThat(time.err()).contains("--from").contains("yesterday");
    }
}
