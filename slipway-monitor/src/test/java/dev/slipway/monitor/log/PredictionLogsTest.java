package dev.slipway.monitor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Signature;
import dev.slipway.data.DataLimits;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogsTest {

    private static final String V1 =
            "x DOUBLE, city VARCHAR, label BIGINT, probabilities_0 FLOAT, probabilities_1 FLOAT";
    private static final String V2 = V1 + ", z BIGINT";

    @TempDir Path dir;
    private SlipwayHome home;
    private MonitorSession session;
    private Path logs;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir);
        session = MonitorSession.open(home, new DataLimits(128, 1));
        logs = PredictionLogs.directory(home);
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void directory_isLogsPredictionsInTheHome() {
        assertThat(logs).isEqualTo(dir.toAbsolutePath().normalize().resolve("logs/predictions"));
    }

    @Test
    void read_filesWithDifferentColumns_unionsThemByName() throws SQLException {
        writeTwoVersions();

        PredictionTable t = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());

        assertThat(session.count(t.relation())).isEqualTo(4);
        assertThat(t.columnNames())
                .startsWith(
                        "request_id",
                        "row_index",
                        "ts",
                        "model",
                        "model_version",
                        "protocol",
                        "latency_us")
                .contains("z")
                .doesNotContain("date");
        assertThat(t.inputNames()).containsExactlyInAnyOrder("x", "city", "z");
        assertThat(t.outputNames()).containsExactly("label", "probabilities_0", "probabilities_1");
        assertThat(t.timeColumn()).isEqualTo("ts");
        assertThat(t.orderColumns()).containsExactly("ts", "request_id", "row_index");
        assertThat(t.column("ts").orElseThrow().sqlType()).isEqualTo("TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void read_range_includesFromAndExcludesTo() throws SQLException {
        writeTwoVersions();

        PredictionTable t =
                PredictionLogs.read(
                        session,
                        logs,
                        "churn",
                        Range.between(
                                Instant.parse("2024-05-01T10:00:00Z"),
                                Instant.parse("2024-05-02T09:00:00Z")),
                        List.of());

        assertThat(requestIds(t)).containsExactly("a", "b");
        assertThat(t.source()).contains("churn").contains("from 2024-05-01T10:00:00Z");
    }

    @Test
    void read_lastRows_keepsTheLatestInRowOrder() throws SQLException {
        writeTwoVersions();

        PredictionTable t =
                PredictionLogs.read(session, logs, "churn", Range.all().lastRows(2), List.of());

        assertThat(requestIds(t)).containsExactly("c/0", "c/1");
    }

    @Test
    void read_noLogYet_isNotFoundNamingTheFolder() {
        assertThatThrownBy(
                        () -> PredictionLogs.read(session, logs, "churn", Range.all(), List.of()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("model 'churn' has no prediction log yet")
                .hasMessageContaining(logs.resolve("churn").toString())
                .hasMessageContaining("slipway serve");
    }

    @Test
    void read_hiddenFileBeingWritten_isNotRead() throws Exception {
        writeTwoVersions();
        Files.writeString(
                logs.resolve("churn/date=2024-05-02/.part-20240502T000000-1-99.parquet.tmp"),
                "half a file");

        PredictionTable t = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());

        assertThat(session.count(t.relation())).isEqualTo(4);
    }

    @Test
    void read_signatureWithOtherOutputNames_tellsOutputsFromInputs() {
        TestLogs.write(
                logs,
                "onnx-model",
                TestLogs.date("2024-05-01T10:00:00Z"),
                "input_label VARCHAR, f1 FLOAT, label BIGINT, scores FLOAT",
                List.of(TestLogs.row("a", 0, "2024-05-01T10:00:00Z", 1, "'x', 1.0, 1, 0.5")));
        Signature signature =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("label", DType.STRING),
                                ColumnSpec.scalar("f1", DType.FP32)),
                        List.of(
                                ColumnSpec.scalar("label", DType.INT64),
                                ColumnSpec.scalar("scores", DType.FP32)));

        PredictionTable named =
                PredictionLogs.read(session, logs, "onnx-model", Range.all(), List.of(signature));
        PredictionTable guessed =
                PredictionLogs.read(session, logs, "onnx-model", Range.all(), List.of());

        assertThat(named.inputNames()).containsExactly("input_label", "f1");
        assertThat(named.outputNames()).containsExactly("label", "scores");
        assertThat(guessed.outputNames()).containsExactly("label");
        assertThat(guessed.inputNames()).containsExactly("input_label", "f1", "scores");
    }

    @Test
    void exists_isTrueOnceAPartFileIsThere() {
        assertThat(PredictionLogs.exists(logs, "churn")).isFalse();

        writeTwoVersions();

        assertThat(PredictionLogs.exists(logs, "churn")).isTrue();
    }

    @Test
    void read_notAModelName_isRefused() {
        assertThatThrownBy(() -> PredictionLogs.read(session, logs, "../x", Range.all(), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'../x' is not a model name");
    }

    @Test
    void range_startNotBeforeEnd_isRefused() {
        Instant t = Instant.parse("2024-05-01T00:00:00Z");

        assertThatThrownBy(() -> Range.between(t, t))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give a start before the end");
    }

    /** Version 1 on May 1 (a, b), version 2 with input z on May 2 (a 2-row request c). */
    private void writeTwoVersions() {
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-05-01T10:00:00Z"),
                V1,
                List.of(
                        TestLogs.row(
                                "a", 0, "2024-05-01T10:00:00Z", 1, "1.5, 'paris', 1, 0.2, 0.8"),
                        TestLogs.row(
                                "b", 0, "2024-05-01T23:59:59Z", 1, "2.5, 'lyon', 0, 0.9, 0.1")));
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-05-02T09:00:00Z"),
                V2,
                List.of(
                        TestLogs.row(
                                "c", 1, "2024-05-02T09:00:00Z", 2, "3.5, 'nice', 1, 0.3, 0.7, 7"),
                        TestLogs.row(
                                "c", 0, "2024-05-02T09:00:00Z", 2, "4.5, 'nice', 0, 0.6, 0.4, 8")));
    }

    private List<String> requestIds(PredictionTable t) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT request_id, row_index, count(*) OVER () AS n FROM %s ORDER BY ts, request_id, row_index"
                                        .formatted(t.relation()))) {
            while (rs.next()) {
                String id = rs.getString(1);
                out.add(id.equals("c") ? id + "/" + rs.getInt(2) : id);
            }
        }
        return out;
    }
}
