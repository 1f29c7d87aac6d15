package dev.slipway.serve.log;

import static dev.slipway.serve.log.LogFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column names and list columns of the log files. */
class LogLayoutTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    /** Inputs named like an output and like metadata; wide columns of every type, unlabelled. */
    private static final Signature CLASHING =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("label", DType.STRING),
                            ColumnSpec.scalar("ts", DType.INT64),
                            ColumnSpec.scalar("Date", DType.STRING),
                            new ColumnSpec("bits", DType.BOOL, 2, List.of()),
                            new ColumnSpec("counts", DType.INT64, 2, List.of("a", "b")),
                            new ColumnSpec("words", DType.STRING, 2, List.of())),
                    List.of(
                            ColumnSpec.scalar("label", DType.STRING),
                            ColumnSpec.scalar("model", DType.STRING),
                            new ColumnSpec("scores", DType.FP64, 3, List.of())));

    @TempDir Path dir;

    @Test
    void of_namesTaken_inputsAndOutputsPrefixed() {
        List<String> names =
                LogLayout.of(CLASHING).fields().stream().map(LogLayout.Field::name).toList();

        assertThat(names)
                .containsExactly(
                        "input_label",
                        "input_ts",
                        "input_Date",
                        "bits",
                        "counts",
                        "words",
                        "label",
                        "output_model",
                        "scores");
    }

    @Test
    void flush_wideUnlabelledColumns_listsWithNaNAsNull() throws SQLException {
        BitSet secondMissing = new BitSet();
        secondMissing.set(1);
        Frame inputs =
                Frame.of(
                        StringColumn.of("label", "given", "other"),
                        LongColumn.of("ts", 1, 2),
                        StringColumn.of("Date", "yesterday", "today"),
                        new BoolColumn(
                                "bits", 2, new boolean[] {true, false, false, true}, new BitSet()),
                        new LongColumn("counts", 2, new long[] {7, 8, 0, 0}, secondMissing),
                        new StringColumn(
                                "words", 2, new String[] {"a", "b", "c", "d"}, new BitSet()));
        Frame outputs =
                Frame.of(
                        StringColumn.of("label", "yes", "no"),
                        StringColumn.of("model", "inner", "inner"),
                        new DoubleColumn(
                                "scores",
                                3,
                                new double[] {0.5, Double.NaN, 1.5, 2, 3, 4},
                                new BitSet()));
        try (PredictionLog log =
                PredictionLog.open(
                        dir,
                        new PredictionLogOptions(10, Duration.ofHours(1)),
                        Clock.fixed(T, ZoneOffset.UTC))) {
            log.offer(new LoggedPrediction(T, "r", "m", 1, "grpc", 0, inputs, outputs, CLASHING));
        }

        List<Map<String, Object>> rows =
                query(
                        "SELECT * EXCLUDE (request_id, ts, model_version, protocol, latency_us, date) FROM "
                                + PredictionLog.scanSql(dir, "m")
                                + " ORDER BY row_index");

        assertThat(rows.get(0))
                .containsExactly(
                        entry("row_index", 0),
                        entry("model", "m"),
                        entry("input_label", "given"),
                        entry("input_ts", 1L),
                        entry("input_Date", "yesterday"),
                        entry("bits", List.of(true, false)),
                        entry("counts", List.of(7L, 8L)),
                        entry("words", List.of("a", "b")),
                        entry("label", "yes"),
                        entry("output_model", "inner"),
                        entry("scores", Arrays.asList(0.5, null, 1.5)));
        assertThat(rows.get(1))
                .contains(entry("counts", null), entry("scores", List.of(2.0, 3.0, 4.0)));
        assertThat(LogFixtures.types(dir, "m"))
                .contains(
                        entry("bits", "BOOLEAN[]"),
                        entry("counts", "BIGINT[]"),
                        entry("words", "VARCHAR[]"),
                        entry("scores", "DOUBLE[]"));
    }
}
