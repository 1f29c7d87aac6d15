package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway monitor} on a model trained on Adult, with a prediction log written in the
 * documented layout: 1 May 2024 holds 2000 training rows as they were (labelled; every tenth row
 * predicted the wrong way: accuracy 0.9), 2 May the same rows 30 years older.
 */
class MonitorModelCliTest {

    @TempDir static Path shared;

    @TempDir Path dir;

    private static String home() {
        return shared.resolve("home").toString();
    }

    @BeforeAll
    static void trainAndLog() throws SQLException, IOException {
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
        Path snapshot;
        List<String> classes;
        Path logs;
        try (SlipwayHome h = SlipwayHome.open(shared.resolve("home"))) {
            logs = PredictionLogs.directory(h);
            Services s = Services.open(h);
            snapshot = s.datasets().resolve(DatasetRef.latest("adult")).snapshot();
            ModelVersion v = s.registry().versions("adult").getFirst();
            ColumnSpec probabilities =
                    s.registry().manifest(v).signature().outputs().stream()
                            .filter(o -> o.name().equals("probabilities"))
                            .findFirst()
                            .orElseThrow();
            classes = probabilities.labels();
        }
        writeDay(logs, snapshot, classes, "2024-05-01", "age");
        writeDay(logs, snapshot, classes, "2024-05-02", "age + 30");
        StringBuilder labels = new StringBuilder("request_id,label\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                var rs =
                        st.executeQuery(
                                "SELECT income FROM read_parquet(%s) LIMIT 2000"
                                        .formatted(DuckSql.str(snapshot.toString())))) {
            int n = 0;
            while (rs.next()) {
                labels.append("2024-05-01-").append(n++).append(',');
                labels.append(rs.getString(1)).append('\n');
            }
        }
        Files.writeString(shared.resolve("labels.csv"), labels);
    }

    /**
     * 2000 rows of the training data 30 seconds apart from midnight of {@code date}, with {@code
     * age} as given, the predicted class and probabilities (0.8 for the true class, but the other
     * way round for every tenth row) and latencies of 1 to 2000 ms.
     */
    private static void writeDay(
            Path logs, Path snapshot, List<String> classes, String date, String age)
            throws SQLException, IOException {
        Path folder = logs.resolve("adult").resolve("date=" + date);
        Files.createDirectories(folder);
        String positive = DuckSql.str(classes.get(1));
        // predicted positive: the positive rows, except every tenth row, which goes the other way
        String predictedPositive = "((income = %s) <> (n %% 10 = 0))".formatted(positive);
        String sql =
                """
                COPY (
                  SELECT %s || '-' || n AS request_id, 0 AS row_index,
                         TIMESTAMPTZ '%s 00:00:00+00' + n * INTERVAL 30 SECOND AS ts,
                         'adult' AS model, 1 AS model_version, 'oip-rest' AS protocol,
                         (n + 1) * 1000 AS latency_us,
                         * EXCLUDE (n, income) REPLACE (%s AS age),
                         CASE WHEN %s THEN %s ELSE %s END AS label,
                         CASE WHEN %s THEN 0.2 ELSE 0.8 END AS %s,
                         CASE WHEN %s THEN 0.8 ELSE 0.2 END AS %s
                  FROM (SELECT row_number() OVER () - 1 AS n, * FROM read_parquet(%s) LIMIT 2000)
                ) TO %s (FORMAT parquet)"""
                        .formatted(
                                DuckSql.str(date),
                                date,
                                age,
                                predictedPositive,
                                positive,
                                DuckSql.str(classes.get(0)),
                                predictedPositive,
                                DuckSql.id("probabilities_" + classes.get(0)),
                                predictedPositive,
                                DuckSql.id("probabilities_" + classes.get(1)),
                                DuckSql.str(snapshot.toString()),
                                DuckSql.str(folder.resolve("part-0.parquet").toString()));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static CliRun monitor(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", home()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path rules(String text) throws IOException {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static JsonNode column(JsonNode dataset, String name) {
        return StreamSupport.stream(dataset.get("columns").spliterator(), false)
                .filter(c -> c.get("column").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + dataset));
    }

    @Test
    void drift_olderDayAgainstTrainingData_ageDrifts() {
        CliRun r = monitor("drift", "--model", "adult", "--from", "2024-05-02", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("reference").asText()).contains("training data of adult");
        assertThat(n.get("current_rows").asLong()).isEqualTo(2000);
        assertThat(column(n.get("data"), "age").get("drifted").asBoolean()).isTrue();
        assertThat(column(n.get("data"), "education").get("drifted").asBoolean()).isFalse();
        assertThat(n.get("data").get("columns").size()).isEqualTo(14);
    }

    @Test
    void drift_unchangedDayAgainstTrainingData_ageDoesNotDrift() {
        CliRun r =
                monitor(
                        "drift",
                        "--model",
                        "adult",
                        "--to",
                        "2024-05-02T00:00:00Z",
                        "--fail-on-drift",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("current_rows").asLong()).isEqualTo(2000);
        assertThat(column(n.get("data"), "age").get("drifted").asBoolean()).isFalse();
        assertThat(n.get("data").get("drifted").asBoolean()).isFalse();
    }

    @Test
    void drift_modelVersion_comparesPredictionsWithTheTrainingDataScoredByIt() {
        CliRun r = monitor("drift", "--model", "adult", "--model-version", "1", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("prediction_note").isNull()).as(n.toString()).isTrue();
        assertThat(n.at("/reference_predictions/model_version").asInt()).isEqualTo(1);
        assertThat(n.at("/reference_predictions/choice").asText())
                .isEqualTo("the version asked for");
        assertThat(column(n.get("prediction"), "label").get("n_ref").asLong())
                .isEqualTo(n.get("reference_rows").asLong());
    }

    @Test
    void drift_againstTrainingData_printsWhichVersionScoredIt() {
        CliRun r = monitor("drift", "--model", "adult", "--from", "2024-05-02");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Prediction drift: ")
                .contains("Reference predictions: the training data adult@")
                .contains("scored by adult/1 (the version of every row of the current data)");
    }

    @Test
    void drift_modelVersionWithADatasetReference_isRefused() {
        CliRun r =
                monitor(
                        "drift",
                        "--model",
                        "adult",
                        "--model-version",
                        "1",
                        "--reference",
                        "adult");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--model-version");
    }

    @Test
    void drift_dailyWindows_printsTheSeries() {
        CliRun r = monitor("drift", "--model", "adult", "--window", "1d", "--columns", "age");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Per window (1d):")
                .containsPattern("2024-05-01\\s+2,000\\s+✓ ok\\s+0/1")
                .containsPattern("2024-05-02\\s+2,000\\s+✗ drift\\s+1/1\\s+1\\s+-\\s+age")
                .containsPattern("age\\s+numeric\\s+\\S+");
    }

    @Test
    void labelsThenPerformance_labelledDay_realizedAccuracyAndSeries() {
        CliRun labels =
                monitor("labels", shared.resolve("labels.csv").toString(), "--model", "adult");
        assertThat(labels.code()).as(labels.err()).isZero();
        assertThat(labels.out()).contains("Stored 2,000 labels").contains("0 not (yet) matched");

        CliRun r = monitor("performance", "--model", "adult", "--window", "1d", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("task").asText()).isEqualTo("binary");
        assertThat(n.get("labelled").asLong()).isEqualTo(2000);
        assertThat(n.get("metrics").get("accuracy").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(n.get("windows").size()).isEqualTo(2);
        assertThat(n.get("windows").get(1).get("labelled").asLong()).isZero();
        assertThat(n.get("baseline").asText()).isEqualTo("adult/1");

        CliRun human = monitor("performance", "--model", "adult");
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out())
                .contains("2,000 labelled rows")
                .containsPattern("accuracy\\s+0.9\\s")
                .contains("Per window (1d):");
    }

    @Test
    void outliers_olderDay_topRowsAreOutsideOnAge() {
        CliRun r =
                monitor(
                        "outliers",
                        "--model",
                        "adult",
                        "--from",
                        "2024-05-02",
                        "--top",
                        "5",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("rows").asLong()).isEqualTo(2000);
        assertThat(n.get("top").size()).isEqualTo(5);
        assertThat(n.get("top").get(0).get("outside").toString()).contains("age");
        assertThat(n.get("outside_by_feature").get("age").asLong()).isGreaterThan(500);

        CliRun human =
                monitor("outliers", "--model", "adult", "--from", "2024-05-02", "--top", "3");
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out())
                .contains("Top 3 rows by score")
                .containsPattern("score \\S+  .*age=\\d+");
    }

    @Test
    void check_driftingWindow_firesExitsOneAndIsInTheHistory() throws IOException {
        Path rules =
                rules(
                        """
                        version: 1
                        rules:
                          - name: age-moved
                            model: adult
                            severity: critical
                            condition: {kind: column_drift, column: age, score_at_least: 0.5}
                          - name: slow
                            model: "*"
                            condition: {kind: latency_p99, above_ms: 5000}
                          - name: errors
                            model: adult
                            condition: {kind: error_rate, above: 0.01}
                        """);

        CliRun r =
                monitor("check", "--rules", rules.toString(), "--model", "adult", "--window", "1d");

        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out())
                .contains(
                        "window 2024-05-02 .. 2024-05-03 (the latest complete 1d window, 2,000 rows)")
                .contains("✗ age-moved FIRING [critical] for model adult")
                .contains("✓ slow ok")
                .contains("? errors no data")
                .contains("age-moved #1 firing");

        CliRun alerts = monitor("alerts", "--model", "adult", "--json");
        assertThat(alerts.code()).as(alerts.err()).isZero();
        JsonNode list = alerts.json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("rule").asText()).isEqualTo("age-moved");
        assertThat(list.get(0).get("state").asText()).isEqualTo("firing");
        assertThat(list.get(0).get("window").get("start").asText())
                .isEqualTo("2024-05-02T00:00:00Z");
        assertThat(list.get(0).get("delivery").get("status").asText()).isEqualTo("none");

        CliRun table = monitor("alerts", "--since", "2020-01-01");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("age-moved #1").contains("✗ firing").contains("critical");
    }

    @Test
    void check_unchangedDayWithMetricRule_exitsZeroWithJson() throws IOException {
        Path rules =
                rules(
                        """
                        version: 1
                        rules:
                          - name: age-unchanged
                            model: adult
                            condition: {kind: column_drift, column: age}
                          - name: accuracy-low
                            model: adult
                            condition: {kind: metric, metric: accuracy, below: 0.5}
                        """);
        CliRun labels =
                monitor("labels", shared.resolve("labels.csv").toString(), "--model", "adult");
        assertThat(labels.code()).as(labels.err()).isZero();

        CliRun r =
                monitor(
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        "adult",
                        "--from",
                        "2024-05-01",
                        "--to",
                        "2024-05-02",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("firing").asBoolean()).isFalse();
        assertThat(n.get("results").size()).isEqualTo(2);
        assertThat(n.get("results").get(0).get("outcome").asText()).isEqualTo("ok");
        assertThat(n.get("results").get(1).get("outcome").asText()).isEqualTo("ok");
        assertThat(n.get("results").get(1).get("observed").asDouble())
                .isCloseTo(0.9, within(1e-12));
    }

    @Test
    void check_windowOfRows_isRefused() throws IOException {
        Path rules = rules("version: 1\nrules: []\n");

        CliRun r =
                monitor(
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        "adult",
                        "--window",
                        "100rows");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("span of time, not of rows");
    }

    @Test
    void check_modelWithoutLog_isNotFound() throws IOException {
        Path rules = rules("version: 1\nrules: []\n");

        CliRun r =
                monitor(
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        "nobody",
                        "--window",
                        "1d");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("'nobody' has no prediction log");
    }
}
