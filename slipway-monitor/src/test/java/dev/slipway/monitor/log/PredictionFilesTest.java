package dev.slipway.monitor.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.data.DataLimits;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
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

class PredictionFilesTest {

    private static final FileLayout LAYOUT =
            new FileLayout("timestamp", List.of("p", "pred"), List.of("id"));

    @TempDir Path dir;
    private SlipwayHome home;
    private MonitorSession session;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir.resolve("home"));
        session = MonitorSession.open(home, new DataLimits(128, 1));
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void read_csvTimestampsWithoutZone_areUtcWhateverTheJvmZone() throws Exception {
        Path csv =
                csv(
                        "id,x,timestamp,p,pred\n1,0.5,2024-01-01 10:00:00,0.9,1\n2,0.7,2024-01-01 11:30:00,0.2,0\n");

        PredictionTable t = PredictionFiles.read(session, csv, LAYOUT, Range.all());

        assertThat(times(t))
                .containsExactly(
                        Instant.parse("2024-01-01T10:00:00Z"),
                        Instant.parse("2024-01-01T11:30:00Z"));
        assertThat(t.column("timestamp").orElseThrow().sqlType())
                .isEqualTo("TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void read_columns_areInputsOutputsAndTheRest() throws Exception {
        Path csv = csv("id,x,timestamp,p,pred,y\n1,0.5,2024-01-01 10:00:00,0.9,1,3\n");

        PredictionTable t = PredictionFiles.read(session, csv, LAYOUT, Range.all());

        assertThat(t.inputNames()).containsExactly("x", "y");
        assertThat(t.outputNames()).containsExactly("p", "pred");
        assertThat(t.orderColumns()).containsExactly(PredictionFiles.FILE_ROW);
        assertThat(t.columnNames()).contains("id", PredictionFiles.FILE_ROW);
    }

    @Test
    void read_textTimesWithOffsets_inJsonLines() throws Exception {
        Path jsonl = dir.resolve("p.jsonl");
        Files.writeString(
                jsonl,
                """
                {"timestamp": "2024-01-01T10:00:00+02:00", "p": 0.1, "pred": 0}
                {"timestamp": "2024-01-01T10:00:00Z", "p": 0.8, "pred": 1}
                """);

        PredictionTable t = PredictionFiles.read(session, jsonl, LAYOUT, Range.all());

        assertThat(times(t))
                .containsExactly(
                        Instant.parse("2024-01-01T08:00:00Z"),
                        Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void read_rangeAndLastRows_keepTheRowsAskedFor() throws Exception {
        Path csv =
                csv(
                        "timestamp,p,pred\n2024-01-01 00:00:00,0.1,0\n2024-01-02 00:00:00,0.2,0\n"
                                + "2024-01-03 00:00:00,0.3,0\n2024-01-04 00:00:00,0.4,0\n");

        PredictionTable ranged =
                PredictionFiles.read(
                        session,
                        csv,
                        LAYOUT,
                        Range.between(
                                Instant.parse("2024-01-02T00:00:00Z"),
                                Instant.parse("2024-01-04T00:00:00Z")));
        PredictionTable last = PredictionFiles.read(session, csv, LAYOUT, Range.all().lastRows(3));

        assertThat(times(ranged))
                .containsExactly(
                        Instant.parse("2024-01-02T00:00:00Z"),
                        Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(times(last)).hasSize(3).startsWith(Instant.parse("2024-01-02T00:00:00Z"));
    }

    @Test
    void read_missingTimeColumnWithoutRange_rowsAtTheEpochInFileOrder() throws Exception {
        Path csv = csv("id,x,p,pred\n1,5,0.9,1\n2,6,0.2,0\n");

        PredictionTable t = PredictionFiles.read(session, csv, LAYOUT, Range.all());

        assertThat(times(t)).containsExactly(Instant.EPOCH, Instant.EPOCH);
        assertThat(t.inputNames()).containsExactly("x");
    }

    @Test
    void read_missingTimeColumnWithARange_namesItAndListsTheColumns() throws Exception {
        Path csv = csv("id,time,p,pred\n1,2024-01-01 10:00:00,0.9,1\n");
        Range range =
                Range.between(
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-01-02T00:00:00Z"));

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, range))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no time column 'timestamp'")
                .hasMessageContaining("its columns are id, time, p, pred");
    }

    @Test
    void read_predictionColumnInOtherCase_pointsItOut() throws Exception {
        Path csv = csv("timestamp,P,pred\n2024-01-01 10:00:00,0.9,1\n");

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no prediction column 'p'")
                .hasMessageContaining("'P' differs only by case");
    }

    @Test
    void read_emptyFile_saysSo() throws Exception {
        Path csv = csv("");

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void read_textThatIsNoTime_namesRowAndValue() throws Exception {
        Path csv = csv("timestamp,p,pred\n2024-01-01 10:00:00,0.9,1\nyesterday,0.2,0\n");

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "data row 2: 'yesterday' in the time column 'timestamp' is not a timestamp");
    }

    @Test
    void read_rowWithoutTime_namesTheRow() throws Exception {
        Path csv = csv("timestamp,p,pred\n2024-01-01 10:00:00,0.9,1\n,0.2,0\n");

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data row 2: no time in column 'timestamp'");
    }

    @Test
    void read_numbersAsTimes_areRefused() throws Exception {
        Path csv = csv("timestamp,p,pred\n1700000000,0.9,1\n");

        assertThatThrownBy(() -> PredictionFiles.read(session, csv, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the time column 'timestamp' holds BIGINT values, not times");
    }

    @Test
    void read_unknownExtension_namesTheFormats() throws Exception {
        Path txt = dir.resolve("p.xlsx");
        Files.writeString(txt, "x");

        assertThatThrownBy(() -> PredictionFiles.read(session, txt, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("use .csv, .parquet or .jsonl");
    }

    @Test
    void read_missingFile_saysSo() {
        Path none = dir.resolve("none.csv");

        assertThatThrownBy(() -> PredictionFiles.read(session, none, LAYOUT, Range.all()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
    }

    private Path csv(String text) throws IOException {
        Path p = Files.createTempFile(dir, "p", ".csv");
        Files.writeString(p, text);
        return p;
    }

    private List<Instant> times(PredictionTable t) throws SQLException {
        List<Instant> out = new ArrayList<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT epoch_us(%s) FROM %s ORDER BY %s"
                                        .formatted(
                                                DuckSql.id(t.timeColumn()),
                                                t.relation(),
                                                DuckSql.id(PredictionFiles.FILE_ROW)))) {
            while (rs.next()) {
                out.add(Instant.EPOCH.plus(rs.getLong(1), java.time.temporal.ChronoUnit.MICROS));
            }
        }
        return out;
    }
}
