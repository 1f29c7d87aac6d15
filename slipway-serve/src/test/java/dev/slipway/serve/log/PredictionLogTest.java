package dev.slipway.serve.log;

import static dev.slipway.serve.log.LogFixtures.classified;
import static dev.slipway.serve.log.LogFixtures.query;
import static dev.slipway.serve.log.LogFixtures.regressed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries offered to the log come back from its Parquet files through DuckDB, exactly. */
class PredictionLogTest {

    private static final Instant T = Instant.parse("2024-03-01T12:30:45.123456Z");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2024-03-05T08:09:10Z"), ZoneOffset.UTC);

    /** Long enough that only flush() and close() write. */
    private static final PredictionLogOptions MANUAL =
            new PredictionLogOptions(1000, Duration.ofHours(1));

    @TempDir Path dir;

    @Test
    void flush_classifierEntries_readBackExactly() throws SQLException {
        try (PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK)) {
            assertThat(log.offer(classified("r1", "adult", T))).isTrue();
            log.flush();
            assertThat(log.writtenRows()).isEqualTo(2);
            assertThat(log.pendingRows()).isZero();
        }

        List<Map<String, Object>> rows =
                query(
                        "SELECT * EXCLUDE (date), date::VARCHAR AS day FROM "
                                + PredictionLog.scanSql(dir, "adult")
                                + " ORDER BY row_index");

        assertThat(rows).hasSize(2);
        Map<String, Object> first = rows.get(0);
        assertThat(first.keySet())
                .containsExactly(
                        "request_id",
                        "row_index",
                        "ts",
                        "model",
                        "model_version",
                        "protocol",
                        "latency_us",
                        "age",
                        "workclass",
                        "hours",
                        "flags",
                        "label",
                        "probabilities_<=50K",
                        "probabilities_>50K",
                        "day");
        assertThat(first)
                .contains(
                        entry("request_id", "r1"),
                        entry("row_index", 0),
                        entry("model", "adult"),
                        entry("model_version", 3),
                        entry("protocol", "v2-rest"),
                        entry("latency_us", 1234L),
                        entry("age", 39L),
                        entry("workclass", "State-gov"),
                        entry("hours", 40.5),
                        entry("flags", List.of(1f, 0.5f)),
                        entry("label", "<=50K"),
                        entry("probabilities_<=50K", 0.75f),
                        entry("probabilities_>50K", 0.25f),
                        entry("day", "2024-03-01"));
        assertThat(((OffsetDateTime) first.get("ts")).toInstant()).isEqualTo(T);
        Map<String, Object> second = rows.get(1);
        assertThat(second)
                .contains(
                        entry("request_id", "r1"),
                        entry("row_index", 1),
                        entry("age", null),
                        entry("workclass", null),
                        entry("hours", null),
                        entry("flags", null),
                        entry("label", ">50K"),
                        entry("probabilities_<=50K", 0.125f),
                        entry("probabilities_>50K", 0.875f));
    }

    @Test
    void flush_classifierEntries_columnsTyped() throws SQLException {
        try (PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK)) {
            log.offer(classified("r1", "adult", T));
        }

        assertThat(LogFixtures.types(dir, "adult"))
                .containsExactly(
                        entry("request_id", "VARCHAR"),
                        entry("row_index", "INTEGER"),
                        entry("ts", "TIMESTAMP WITH TIME ZONE"),
                        entry("model", "VARCHAR"),
                        entry("model_version", "INTEGER"),
                        entry("protocol", "VARCHAR"),
                        entry("latency_us", "BIGINT"),
                        entry("age", "BIGINT"),
                        entry("workclass", "VARCHAR"),
                        entry("hours", "DOUBLE"),
                        entry("flags", "FLOAT[]"),
                        entry("label", "VARCHAR"),
                        entry("probabilities_<=50K", "FLOAT"),
                        entry("probabilities_>50K", "FLOAT"),
                        entry("date", "DATE"));
    }

    @Test
    void flush_entriesAcrossMidnightAndModels_onePartitionEach() throws IOException, SQLException {
        try (PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK)) {
            log.offer(regressed("a", "houses", Instant.parse("2024-03-01T23:59:59.999Z"), 2));
            log.offer(regressed("b", "houses", Instant.parse("2024-03-02T00:00:00Z"), 3));
            log.offer(classified("c", "adult", Instant.parse("2024-03-02T00:00:01Z")));
            log.flush();
        }

        assertThat(files(dir.resolve("houses/date=2024-03-01"))).hasSize(1);
        assertThat(files(dir.resolve("houses/date=2024-03-02"))).hasSize(1);
        assertThat(files(dir.resolve("adult/date=2024-03-02"))).hasSize(1);
        assertThat(
                        files(dir.resolve("adult")).stream()
                                .map(p -> p.getParent().getFileName().toString()))
                .containsExactly("date=2024-03-02");
        assertThat(files(dir))
                .allSatisfy(
                        p ->
                                assertThat(p.getFileName().toString())
                                        .matches("part-20240305T080910-\\d+-\\d+\\.parquet"));
        assertThat(
                        query(
                                "SELECT date, count(*) AS n FROM "
                                        + PredictionLog.scanSql(dir, "houses")
                                        + " GROUP BY date ORDER BY date"))
                .containsExactly(
                        Map.of("date", LocalDate.parse("2024-03-01"), "n", 2L),
                        Map.of("date", LocalDate.parse("2024-03-02"), "n", 3L));
    }

    @Test
    void close_entriesBuffered_allWritten() throws SQLException {
        PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK);
        for (int i = 0; i < 5; i++) {
            log.offer(regressed("r" + i, "houses", T, i + 1));
        }
        assertThat(log.pendingRows()).isEqualTo(15);

        log.close();

        assertThat(log.writtenRows()).isEqualTo(15);
        assertThat(log.pendingRows()).isZero();
        assertThat(query("SELECT count(*) AS n FROM " + PredictionLog.scanSql(dir, "houses")))
                .containsExactly(Map.of("n", 15L));
    }

    @Test
    void offer_bufferFull_refusedAndCounted() {
        try (PredictionLog log =
                PredictionLog.open(
                        dir,
                        new PredictionLogOptions(3, Duration.ofHours(1)),
                        CLOCK,
                        PredictionLog.Pacing.NONE)) {
            assertThat(log.offer(regressed("a", "houses", T, 2))).isTrue();

            assertThat(log.offer(regressed("b", "houses", T, 2))).isFalse();
            assertThat(log.offer(regressed("c", "houses", T, 4))).isFalse();
            assertThat(log.offer(regressed("d", "houses", T, 1))).isTrue();

            assertThat(log.droppedRows()).isEqualTo(6);
            assertThat(log.pendingRows()).isEqualTo(3);
            log.flush();
            assertThat(log.writtenRows()).isEqualTo(3);
            assertThat(log.offer(regressed("e", "houses", T, 2))).isTrue();
        }
    }

    @Test
    void offer_halfTheBufferTaken_writtenBeforeTheInterval() throws Exception {
        try (PredictionLog log =
                PredictionLog.open(dir, new PredictionLogOptions(8, Duration.ofHours(1)), CLOCK)) {
            assertThat(log.offer(regressed("a", "houses", T, 2))).isTrue();
            assertThat(log.offer(regressed("b", "houses", T, 2))).isTrue();

            // Staged at once (a quarter of the buffer), then written (half of it is staged)
            // although the interval is an hour away.
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (log.writtenRows() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(log.writtenRows()).isEqualTo(4);
            assertThat(log.pendingRows()).isZero();
            assertThat(log.offer(regressed("c", "houses", T, 8))).isTrue();
        }
        assertThat(query("SELECT count(*) AS n FROM " + PredictionLog.scanSql(dir, "houses")))
                .containsExactly(Map.of("n", 12L));
    }

    @Test
    void offer_afterClose_refused() {
        PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK);
        log.close();

        assertThat(log.offer(regressed("a", "houses", T, 2))).isFalse();
        log.flush();
        log.close();
        assertThat(log.droppedRows()).isEqualTo(2);
        assertThat(log.writtenRows()).isZero();
    }

    @Test
    void flush_twoSignaturesOfOneModel_twoFilesReadTogether() throws IOException, SQLException {
        try (PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK)) {
            log.offer(regressed("v1", "houses", T, 1));
            log.offer(
                    new LoggedPrediction(
                            T.plusSeconds(1),
                            "v2",
                            "houses",
                            2,
                            "v2-rest",
                            7,
                            Frame.of(DoubleColumn.of("x", 5.0), StringColumn.of("city", "Oslo")),
                            Frame.of(DoubleColumn.of("prediction", 6.0)),
                            LogFixtures.REGRESSOR_V2));
            log.flush();
        }

        assertThat(files(dir.resolve("houses"))).hasSize(2);
        assertThat(
                        query(
                                "SELECT request_id, model_version, x, city, prediction FROM "
                                        + PredictionLog.scanSql(dir, "houses")
                                        + " ORDER BY request_id"))
                .containsExactly(row("v1", 1, 0.0, null, 0.0), row("v2", 2, 5.0, "Oslo", 6.0));
    }

    @Test
    void offer_eightThreadsAtOnce_everyRowWritten() throws Exception {
        int threads = 8;
        int perThread = 300;
        try (PredictionLog log =
                PredictionLog.open(
                        dir, new PredictionLogOptions(1_000_000, Duration.ofMillis(5)), CLOCK)) {
            List<Thread> offering =
                    Stream.iterate(0, t -> t + 1)
                            .limit(threads)
                            .map(
                                    t ->
                                            Thread.ofPlatform()
                                                    .start(
                                                            () -> {
                                                                for (int i = 0;
                                                                        i < perThread;
                                                                        i++) {
                                                                    assertThat(
                                                                                    log.offer(
                                                                                            regressed(
                                                                                                    t
                                                                                                            + "-"
                                                                                                            + i,
                                                                                                    "houses",
                                                                                                    T,
                                                                                                    1
                                                                                                            + i
                                                                                                                    % 3)))
                                                                            .isTrue();
                                                                }
                                                            }))
                            .toList();
            for (Thread t : offering) {
                t.join();
            }
            log.flush();

            long expected = threads * (long) (perThread / 3) * (1 + 2 + 3);
            assertThat(log.writtenRows()).isEqualTo(expected);
            assertThat(log.droppedRows()).isZero();
            assertThat(
                            query(
                                    "SELECT count(*) AS n, count(DISTINCT request_id) AS r FROM "
                                            + PredictionLog.scanSql(dir, "houses")))
                    .containsExactly(Map.of("n", expected, "r", (long) threads * perThread));
        }
    }

    @Test
    void flush_oneModelCannotBeWritten_othersWrittenAndWriterGoesOn()
            throws IOException, SQLException {
        Files.writeString(dir.resolve("broken"), "a file where the model folder should be");
        try (PredictionLog log = PredictionLog.open(dir, MANUAL, CLOCK)) {
            log.offer(regressed("a", "broken", T, 2));
            log.offer(regressed("b", "houses", T, 3));
            log.flush();

            assertThat(log.droppedRows()).isEqualTo(2);
            assertThat(log.writtenRows()).isEqualTo(3);
            assertThat(log.pendingRows()).isZero();

            log.offer(regressed("c", "houses", T, 1));
            log.flush();
            assertThat(log.writtenRows()).isEqualTo(4);
        }
        assertThat(query("SELECT count(*) AS n FROM " + PredictionLog.scanSql(dir, "houses")))
                .containsExactly(Map.of("n", 4L));
    }

    private static Map<String, Object> row(Object... values) {
        Map<String, Object> m = new LinkedHashMap<>();
        String[] names = {"request_id", "model_version", "x", "city", "prediction"};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }

    /** Every file under {@code root}, hidden ones included. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
