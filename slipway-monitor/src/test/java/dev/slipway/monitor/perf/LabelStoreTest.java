package dev.slipway.monitor.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.log.TestLogs;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStoreTest {

    private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

    @TempDir Path dir;
    private SlipwayHome home;
    private LabelStore labels;
    private MonitorSession session;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir.resolve("home"));
        labels =
                new LabelStore(
                        home, new DataLimits(128, 1), new StepClock(T0, Duration.ofMinutes(1)));
        session = MonitorSession.open(home, new DataLimits(128, 1));
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void ingest_duplicateKeysInOneFile_lastRowWinsAndIsCounted() throws Exception {
        Path csv = file("labels.csv", "request_id,label\nr1,1\nr2,0\nr1,0\n");

        IngestResult r = labels.ingest("churn", csv, LabelOptions.defaults());

        assertThat(r.received()).isEqualTo(3);
        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.keyColumn()).isEqualTo("request_id");
        assertThat(r.arrivedAt()).isEqualTo(T0);
        assertThat(current())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("r1#0", "0", "r2#0", "0")));
    }

    @Test
    void ingest_keysLabelledBefore_replacesThemWithTheLaterLabel() throws Exception {
        labels.ingest(
                "churn", file("a.csv", "request_id,label\nr1,1\nr2,0\n"), LabelOptions.defaults());

        IngestResult r =
                labels.ingest(
                        "churn",
                        file("b.csv", "request_id,label\nr2,1\nr3,1\n"),
                        LabelOptions.defaults());

        assertThat(r.received()).isEqualTo(2);
        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(3);
        assertThat(current()).containsEntry("r2#0", "1").hasSize(3);
        assertThat(labels.count(session, "churn")).isEqualTo(3);
    }

    @Test
    void ingest_beforeTheLogIsFlushed_keepsLabelsAndCountsThemUnmatched() throws Exception {
        Path logs = PredictionLogs.directory(home);
        IngestResult early =
                labels.ingest(
                        "churn",
                        file("a.csv", "request_id,label\nr1,1\nr2,0\n"),
                        LabelOptions.defaults());
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-06-01T10:00:00Z"),
                "x DOUBLE",
                List.of(TestLogs.row("r1", 0, "2024-06-01T10:00:00Z", 1, "1.0")));

        IngestResult later =
                labels.ingest(
                        "churn",
                        file("b.csv", "request_id,label\nr3,1\n"),
                        LabelOptions.defaults());

        assertThat(early.unmatched()).isEqualTo(2);
        assertThat(later.unmatched()).isEqualTo(2);
        assertThat(later.total()).isEqualTo(3);

        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-06-01T11:00:00Z"),
                "x DOUBLE",
                List.of(
                        TestLogs.row("r2", 0, "2024-06-01T11:00:00Z", 1, "2.0"),
                        TestLogs.row("r3", 0, "2024-06-01T11:00:00Z", 1, "3.0")));
        assertThat(
                        labels.unmatched(
                                session,
                                "churn",
                                PredictionLogs.read(
                                        session, logs, "churn", Range.all(), List.of())))
                .isZero();
    }

    @Test
    void ingest_rowIndexColumn_labelsEachRowOfARequest() throws Exception {
        Path csv = file("labels.csv", "request_id,row_index,label\nr1,0,1\nr1,1,0\nr1,1,1\n");

        IngestResult r = labels.ingest("churn", csv, LabelOptions.defaults());

        assertThat(r.stored()).isEqualTo(2);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(current())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("r1#0", "1", "r1#1", "1")));
    }

    @Test
    void ingest_userKeyColumn_keepsKeysAsWritten() throws Exception {
        Path csv = file("labels.csv", "id,y,other\n007,a,x\n7,b,x\n");

        IngestResult r =
                labels.ingest(
                        "churn",
                        csv,
                        LabelOptions.defaults().withKeyColumn("id").withLabelColumn("y"));

        assertThat(r.stored()).isEqualTo(2);
        assertThat(current()).containsExactlyEntriesOf(new TreeMap<>(Map.of("007", "a", "7", "b")));
    }

    @Test
    void ingest_parquetWithNumbers_storesTheirTextForm() throws Exception {
        Path parquet = dir.resolve("labels.parquet");
        try (Statement s = session.connection().createStatement()) {
            s.execute(
                    "COPY (SELECT * FROM (VALUES (5832, 1.0), (5833, 2.5)) t(id, y)) TO %s (FORMAT parquet)"
                            .formatted(DuckSql.str(parquet.toString())));
        }

        labels.ingest(
                "prices",
                parquet,
                LabelOptions.defaults()
                        .withKeyColumn("id")
                        .withLabelColumn("y")
                        .expecting(Task.REGRESSION, List.of()));

        assertThat(current("prices"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("5832", "1", "5833", "2.5")));
    }

    @Test
    void ingest_rows_likeAFile() throws SQLException {
        List<Map<String, Object>> rows =
                List.of(
                        row("request_id", "r1", "label", 1),
                        row("request_id", "r2", "label", "0", "extra", true),
                        row("request_id", "r1", "label", 0L, "row_index", 0),
                        row("request_id", "r1", "label", 1.0, "row_index", 2));

        IngestResult r =
                labels.ingest(
                        "churn",
                        rows,
                        LabelOptions.defaults().expecting(Task.BINARY, List.of("0", "1")));

        assertThat(r.received()).isEqualTo(4);
        assertThat(r.stored()).isEqualTo(3);
        assertThat(r.replaced()).isEqualTo(1);
        assertThat(current())
                .containsExactlyEntriesOf(
                        new TreeMap<>(Map.of("r1#0", "0", "r1#2", "1", "r2#0", "0")));
    }

    @Test
    void ingest_rowWithoutTheKey_namesTheRowAndItsFields() {
        List<Map<String, Object>> rows =
                List.of(row("request_id", "r1", "label", 1), row("id", "r2", "label", 0));

        assertThatThrownBy(() -> labels.ingest("churn", rows, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("label 2 has no 'request_id'; it has [id, label]");
    }

    @Test
    void ingest_noRows_isRefused() {
        assertThatThrownBy(
                        () ->
                                labels.ingest(
                                        "churn",
                                        List.<Map<String, Object>>of(),
                                        LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no label rows");
    }

    @Test
    void ingest_fileWithoutTheKeyColumn_namesItAndListsTheColumns() throws Exception {
        Path csv = file("labels.csv", "rid,label\nr1,1\n");

        assertThatThrownBy(() -> labels.ingest("churn", csv, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no key column 'request_id'")
                .hasMessageContaining("its columns are rid, label");
    }

    @Test
    void ingest_fileWithoutTheLabelColumn_namesItAndListsTheColumns() throws Exception {
        Path csv = file("labels.csv", "request_id,Label\nr1,1\n");

        assertThatThrownBy(() -> labels.ingest("churn", csv, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no label column 'label'")
                .hasMessageContaining("'Label' differs only by case")
                .hasMessageContaining("its columns are request_id, Label");
    }

    @Test
    void ingest_emptyFile_isRefused() throws Exception {
        Path csv = file("labels.csv", "");

        assertThatThrownBy(() -> labels.ingest("churn", csv, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void ingest_headerOnly_isRefused() throws Exception {
        Path csv = file("labels.csv", "request_id,label\n");

        assertThatThrownBy(() -> labels.ingest("churn", csv, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds no label rows");
    }

    @Test
    void ingest_rowWithoutLabel_namesTheRow() throws Exception {
        Path csv = file("labels.csv", "request_id,label\nr1,1\nr2,\n");

        assertThatThrownBy(() -> labels.ingest("churn", csv, LabelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data row 2 has no value in column 'label'");
    }

    @Test
    void ingest_labelsThatAreNoClass_areRefusedNamingThemAndTheClasses() throws Exception {
        Path csv = file("labels.csv", "request_id,label\nr1,yes\nr2,maybe\nr3,no\nr4,perhaps\n");

        assertThatThrownBy(
                        () ->
                                labels.ingest(
                                        "churn",
                                        csv,
                                        LabelOptions.defaults()
                                                .expecting(Task.BINARY, List.of("no", "yes"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'maybe' (data row 2), 'perhaps' (data row 4)")
                .hasMessageContaining("its classes are no, yes");
        assertThat(LabelFiles.any(LabelStore.directory(home).resolve("churn"))).isFalse();
    }

    @Test
    void ingest_threeValuesForABinaryModel_areRefused() throws Exception {
        Path csv = file("labels.csv", "request_id,label\nr1,a\nr2,b\nr3,c\n");

        assertThatThrownBy(
                        () ->
                                labels.ingest(
                                        "churn",
                                        csv,
                                        LabelOptions.defaults().expecting(Task.BINARY, List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "labels take 2 values, but column 'label' holds 3 values (a, b, c)");
    }

    @Test
    void ingest_textForARegression_isRefused() throws Exception {
        Path csv = file("labels.csv", "request_id,label\nr1,1.5\nr2,high\nr3,inf\n");

        assertThatThrownBy(
                        () ->
                                labels.ingest(
                                        "churn",
                                        csv,
                                        LabelOptions.defaults()
                                                .expecting(Task.REGRESSION, List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("finite numbers")
                .hasMessageContaining("'high' (data row 2), 'inf' (data row 3)");
    }

    @Test
    void ingest_writesAVersionedParquetFile() throws Exception {
        labels.ingest("churn", file("a.csv", "request_id,label\nr1,1\n"), LabelOptions.defaults());

        Path folder = LabelStore.directory(home).resolve("churn");
        try (var files = Files.list(folder);
                Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT decode(value) FROM parquet_kv_metadata(%s) WHERE decode(key) = 'slipway.labels.version'"
                                        .formatted(DuckSql.str(folder + "/*.parquet")))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .singleElement()
                    .asString()
                    .matches("labels-20240601T120000000-\\d+-\\d{6}\\.parquet");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
        }
    }

    @Test
    void relation_fileFromANewerSlipway_isRefusedWithBothVersions() throws Exception {
        labels.ingest("churn", file("a.csv", "request_id,label\nr1,1\n"), LabelOptions.defaults());
        Path newer =
                LabelStore.directory(home)
                        .resolve("churn/labels-29990101T000000000-1-000001.parquet");
        try (Statement s = session.connection().createStatement()) {
            s.execute(
                    "COPY (SELECT 'request_id' AS key_column, 'r9' AS key, 0 AS row_index, '1' AS label) TO %s (FORMAT parquet, KV_METADATA {'slipway.labels.version': '2'})"
                            .formatted(DuckSql.str(newer.toString())));
        }

        assertThatThrownBy(() -> labels.relation(session, "churn"))
                .isInstanceOf(IncompatibleFormatException.class)
                .hasMessageContaining("format version 2")
                .hasMessageContaining("reads versions up to 1");
    }

    @Test
    void relation_foreignParquetFile_isReportedAsCorrupt() throws Exception {
        labels.ingest("churn", file("a.csv", "request_id,label\nr1,1\n"), LabelOptions.defaults());
        Path foreign = LabelStore.directory(home).resolve("churn/labels-extra.parquet");
        try (Statement s = session.connection().createStatement()) {
            s.execute(
                    "COPY (SELECT 1 AS x) TO %s (FORMAT parquet)"
                            .formatted(DuckSql.str(foreign.toString())));
        }

        assertThatThrownBy(() -> labels.relation(session, "churn"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("is not a Slipway label file");
    }

    @Test
    void relation_noLabels_isEmpty() throws SQLException {
        assertThat(session.count(labels.relation(session, "churn"))).isZero();
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Map<String, String> current() throws SQLException {
        return current("churn");
    }

    /** The current labels by key ({@code key#row_index} for request ids). */
    private Map<String, String> current(String model) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT key, row_index, label FROM "
                                        + labels.relation(session, model))) {
            while (rs.next()) {
                int ri = rs.getInt(2);
                out.put(
                        rs.wasNull() ? rs.getString(1) : rs.getString(1) + "#" + ri,
                        rs.getString(3));
            }
        }
        return out;
    }
}
