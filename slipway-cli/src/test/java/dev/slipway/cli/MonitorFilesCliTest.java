package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway monitor} on plain files and no model: NannyML's California split, whose analysis
 * period comes from another part of the state (median income, latitude and longitude move), and
 * every bad input with its exit code.
 */
class MonitorFilesCliTest {

    private static final Path REFERENCE =
            SharedData.dataset("drift/nannyml_california_reference.csv");
    private static final Path ANALYSIS =
            SharedData.dataset("drift/nannyml_california_analysis.csv");
    private static final Path TARGETS =
            SharedData.dataset("drift/nannyml_california_analysis_targets.csv");

    @TempDir Path dir;

    private CliRun monitor(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", dir.resolve("home").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** drift of the analysis file against the reference file, with {@code extra} options. */
    private CliRun drift(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "drift",
                                "--reference",
                                REFERENCE.toString(),
                                "--current",
                                ANALYSIS.toString(),
                                "--time-column",
                                "timestamp",
                                "--ignore-cols",
                                "id,clf_target",
                                "--output-cols",
                                "y_pred_proba,y_pred"));
        args.addAll(List.of(extra));
        return monitor(args.toArray(String[]::new));
    }

    private static List<String> drifted(JsonNode dataset) {
        return StreamSupport.stream(dataset.get("columns").spliterator(), false)
                .filter(c -> c.get("drifted").asBoolean())
                .map(c -> c.get("column").asText())
                .toList();
    }

    @Test
    void help_everyCommandHasAnExampleAndItsExitCodes() {
        for (String command :
                List.of("drift", "labels", "performance", "outliers", "check", "alerts")) {
            CliRun r = CliRun.of("monitor", command, "--help");

            assertThat(r.code()).as(command).isZero();
            assertThat(r.out())
                    .as(command)
                    .contains("Example")
                    .contains("slipway monitor " + command)
                    .contains("Exit codes:")
                    .contains("--json");
        }
        CliRun group = CliRun.of("monitor", "--help");
        assertThat(group.out()).contains("drift").contains("check").contains("midnight UTC");
    }

    @Test
    void drift_nannyMlFiles_incomeAndLocationDriftAsJson() {
        CliRun r = drift("--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("reference_rows").asLong()).isEqualTo(5832);
        assertThat(n.get("current_rows").asLong()).isEqualTo(8232);
        assertThat(drifted(n.get("data"))).contains("MedInc", "Latitude", "Longitude");
        assertThat(n.get("data").get("columns").size()).isEqualTo(8);
        JsonNode medInc = n.get("data").get("columns").get(0);
        assertThat(medInc.get("column").asText()).isEqualTo("MedInc");
        assertThat(medInc.get("method").asText()).isEqualTo("wasserstein");
        assertThat(medInc.get("effect_size").asDouble()).isEqualTo(medInc.get("score").asDouble());
        assertThat(n.get("prediction").get("columns").size()).isEqualTo(2);
    }

    @Test
    void drift_nannyMlFiles_tableWithVerdictWordsAndSymbols() {
        CliRun r = drift();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "COLUMN", "KIND", "METHOD", "SCORE", "THRESHOLD", "VERDICT", "EFFECT SIZE")
                .containsPattern("MedInc\\s+numeric\\s+wasserstein\\s+\\S+\\s+0.1\\s+✗ drift")
                .containsPattern("Latitude\\s+numeric\\s+wasserstein\\s+\\S+\\s+0.1\\s+✗ drift")
                .contains("normed Wasserstein")
                .contains("Data drift: ")
                .contains("Prediction drift: ")
                .contains("8,232 rows");
    }

    @Test
    void drift_failOnDrift_exitsOneWhenTheDataDrifted() {
        CliRun r = drift("--drift-share", "0.3", "--fail-on-drift", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.json().get("data").get("drifted").asBoolean()).isTrue();
        assertThat(r.json().get("data").get("threshold").asDouble()).isEqualTo(0.3);
    }

    @Test
    void drift_failOnDrift_referenceAgainstItself_exitsZero() {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        REFERENCE.toString(),
                        "--current",
                        REFERENCE.toString(),
                        "--time-column",
                        "timestamp",
                        "--ignore-cols",
                        "id,clf_target",
                        "--fail-on-drift");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Data drift: ✓ no drift: 0 of");
    }

    @Test
    void drift_methodsAndThresholdsByKindAndColumn_areApplied() {
        CliRun r =
                drift(
                        "--method",
                        "numeric=psi",
                        "--method",
                        "HouseAge=ks",
                        "--threshold",
                        "numeric=0.2",
                        "--threshold",
                        "HouseAge=0.01",
                        "--columns",
                        "MedInc,HouseAge",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cols = r.json().get("data").get("columns");
        assertThat(cols.size()).isEqualTo(2);
        assertThat(cols.get(0).get("method").asText()).isEqualTo("psi");
        assertThat(cols.get(0).get("threshold").asDouble()).isEqualTo(0.2);
        assertThat(cols.get(1).get("method").asText()).isEqualTo("ks");
        assertThat(cols.get(1).get("threshold").asDouble()).isEqualTo(0.01);
        assertThat(r.json().get("prediction").isNull()).isTrue();
    }

    @Test
    void drift_monthlyWindows_aSeriesOfTwelve() {
        CliRun r = drift("--window", "1mo", "--columns", "Latitude");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Per window (1mo):")
                .contains("2021-06-01")
                .contains("2022-05-01");
        assertThat(r.out().lines().filter(l -> l.matches("^20\\d\\d-\\d\\d-01 .*✗ drift.*")))
                .hasSize(12);
    }

    @Test
    void labelsAndPerformance_nannyMlAnalysisById_realizedAucAsScikitLearn() {
        CliRun labels =
                monitor(
                        "labels",
                        TARGETS.toString(),
                        "--model",
                        "california",
                        "--id-col",
                        "id",
                        "--label-col",
                        "clf_target",
                        "--json");
        assertThat(labels.code()).as(labels.err()).isZero();
        assertThat(labels.json().get("stored").asLong()).isEqualTo(8232);
        assertThat(labels.json().get("key_column").asText()).isEqualTo("id");

        CliRun r =
                monitor(
                        "performance",
                        "--model",
                        "california",
                        "--current",
                        ANALYSIS.toString(),
                        "--time-column",
                        "timestamp",
                        "--output-cols",
                        "y_pred_proba,y_pred",
                        "--key-col",
                        "id",
                        "--task",
                        "binary",
                        "--proba-cols",
                        "y_pred_proba",
                        "--pred-col",
                        "y_pred",
                        "--window",
                        "1mo",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("labelled").asLong()).isEqualTo(8232);
        assertThat(n.get("metrics").get("auc").asDouble()).isCloseTo(0.8402, within(1e-4));
        assertThat(n.get("windows").size()).isEqualTo(12);
        assertThat(n.get("baseline").isNull()).isTrue();
    }

    @Test
    void outliers_nannyMlFiles_listsTheTopRows() {
        CliRun r =
                monitor(
                        "outliers",
                        "--reference",
                        REFERENCE.toString(),
                        "--current",
                        ANALYSIS.toString(),
                        "--time-column",
                        "timestamp",
                        "--ignore-cols",
                        "id",
                        "--output-cols",
                        "y_pred_proba,y_pred",
                        "--top",
                        "3",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("rows").asLong()).isEqualTo(8232);
        assertThat(n.get("top").size()).isEqualTo(3);
        assertThat(n.get("outside_by_feature").has("Latitude")).isTrue();
    }

    @Test
    void alerts_emptyHistory_saysSo() {
        CliRun r = monitor("alerts");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("No alert notifications.");
        assertThat(monitor("alerts", "--json").json().size()).isZero();
    }

    // ---- errors, each with its exit code ----

    @Test
    void drift_unknownMethod_isInvalidInputNamingTheMethods() {
        CliRun r = drift("--method", "Latitude=anderson");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("unknown drift method 'anderson'").contains("wasserstein");
    }

    @Test
    void drift_methodForAColumnNotCompared_isInvalidInput() {
        CliRun r = drift("--method", "Altitude=ks");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("column 'Altitude'").contains("MedInc");
    }

    @Test
    void drift_missingCurrentFile_isInvalidInput() {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        REFERENCE.toString(),
                        "--current",
                        dir.resolve("nothing.csv").toString());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("nothing.csv: no such file");
    }

    @Test
    void drift_missingReferenceFile_isInvalidInputNotADataset() {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        dir.resolve("nothing.csv").toString(),
                        "--current",
                        ANALYSIS.toString(),
                        "--time-column",
                        "timestamp");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("nothing.csv: no such file");
    }

    @Test
    void drift_unknownDataset_isNotFound() {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        "no-such-dataset",
                        "--current",
                        ANALYSIS.toString(),
                        "--time-column",
                        "timestamp");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("no-such-dataset");
    }

    @Test
    void drift_badWindowText_isInvalidInputListingTheForms() {
        CliRun r = drift("--window", "fortnight");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("fortnight").contains("1mo");
    }

    @Test
    void drift_missingColumn_isInvalidInputListingTheShared() {
        CliRun r = drift("--columns", "MedInc,Altitude");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'Altitude'").contains("Latitude");
    }

    @Test
    void drift_twoFilesWithoutTimes_comparesTheWholeFiles() throws Exception {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        REFERENCE.toString(),
                        "--current",
                        ANALYSIS.toString(),
                        "--ignore-cols",
                        "id,clf_target,timestamp",
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(r.out())
                                .at("/current_rows")
                                .asLong())
                .isEqualTo(8232);
    }

    @Test
    void drift_missingTimeColumnWithARange_isInvalidInputListingTheColumns() {
        CliRun r =
                monitor(
                        "drift",
                        "--reference",
                        REFERENCE.toString(),
                        "--current",
                        ANALYSIS.toString(),
                        "--from",
                        "2021-01-01");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("no time column 'ts'").contains("timestamp");
    }

    @Test
    void drift_badTimeOrThreshold_isInvalidInput() {
        CliRun time = drift("--from", "yesterday");
        assertThat(time.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(time.err())
                .contains("--from 'yesterday' is not a time")
                .contains("midnight UTC");

        CliRun threshold = drift("--threshold", "numeric=high");
        assertThat(threshold.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(threshold.err()).contains("--threshold 'high' is not a number");
    }

    @Test
    void drift_fromDateToDate_selectsTheRows() {
        CliRun r = drift("--from", "2021-06-01", "--to", "2021-07-01T00:00:00Z", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        // 30 days of hourly rows
        assertThat(r.json().get("current_rows").asLong()).isEqualTo(720);
    }

    @Test
    void drift_lastRows_keepsTheNewest() {
        CliRun r = drift("--last-rows", "100", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("current_rows").asLong()).isEqualTo(100);
    }

    @Test
    void check_logWithOnlyTheCurrentWindow_checksItAndSaysItIsNotComplete()
            throws IOException, SQLException {
        Path reference = dir.resolve("reference.csv");
        Files.writeString(reference, "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        Path folder =
                dir.resolve("home/logs/predictions/live/date=" + LocalDate.now(ZoneOffset.UTC));
        Files.createDirectories(folder);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(
                    """
                    COPY (SELECT 'r' || i AS request_id, 0 AS row_index, now() AS ts,
                                 'live' AS model, 1 AS model_version, 'oip-rest' AS protocol,
                                 1000 AS latency_us, 100.0 + i AS x, 0.5 AS prediction
                          FROM range(10) t(i)) TO %s (FORMAT parquet)"""
                            .formatted(DuckSql.str(folder.resolve("part-0.parquet").toString())));
        }
        Path rules = dir.resolve("rules.json");
        Files.writeString(
                rules,
                """
                {"version": 1, "rules": [{"name": "x-moved", "model": "live",
                  "condition": {"kind": "dataset_drift", "share_at_least": 0.5}}]}
                """);

        CliRun r =
                monitor(
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        "live",
                        "--window",
                        "1d",
                        "--reference",
                        reference.toString());

        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out())
                .contains("(the current 1d window, not complete yet, 10 rows so far)")
                .contains("x-moved FIRING");
    }

    @Test
    void drift_neitherModelNorCurrent_isInvalidInput() {
        CliRun r = monitor("drift", "--reference", REFERENCE.toString());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--model M").contains("--current FILE");
    }

    @Test
    void drift_noReferenceNoModel_isInvalidInput() {
        CliRun r = monitor("drift", "--current", ANALYSIS.toString(), "--time-column", "timestamp");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("needs a model");
    }

    @Test
    void labels_missingFile_isInvalidInput() {
        CliRun r = monitor("labels", dir.resolve("none.csv").toString(), "--model", "california");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("none.csv");
    }

    @Test
    void labels_missingLabelColumn_isInvalidInput() {
        CliRun r = monitor("labels", TARGETS.toString(), "--model", "california", "--id-col", "id");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("label");
    }

    @Test
    void labels_withoutModel_isAUsageError() {
        CliRun r = monitor("labels", TARGETS.toString());

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--model");
    }

    @Test
    void performance_unknownModelWithoutLog_isNotFound() {
        CliRun r = monitor("performance", "--model", "nobody");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("nobody");
    }

    @Test
    void check_missingRulesFile_isInvalidInput() {
        CliRun r =
                monitor(
                        "check",
                        "--rules",
                        dir.resolve("rules.yaml").toString(),
                        "--model",
                        "california",
                        "--window",
                        "1d");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("rules.yaml");
    }

    @Test
    void check_badRulesOrWindow_isInvalidInput() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(
                rules,
                "version: 1\nrules:\n  - name: x\n    model: m\n    condition: {kind: metric, metric: auc, belw: 0.8}\n");
        CliRun bad =
                monitor("check", "--rules", rules.toString(), "--model", "m", "--window", "1d");
        assertThat(bad.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("belw");

        Files.writeString(rules, "version: 1\nrules: []\n");
        CliRun noWindow = monitor("check", "--rules", rules.toString(), "--model", "m");
        assertThat(noWindow.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noWindow.err()).contains("--window SPAN");

        CliRun half =
                monitor(
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        "m",
                        "--from",
                        "2024-01-01");
        assertThat(half.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(half.err()).contains("both --from and --to");
    }

    @Test
    void alerts_badLimitOrSince_isInvalidInput() {
        CliRun limit = monitor("alerts", "--limit", "0");
        assertThat(limit.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(limit.err()).contains("--limit 0");

        CliRun since = monitor("alerts", "--since", "12/01/2026");
        assertThat(since.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(since.err()).contains("--since '12/01/2026' is not a time");
    }
}
