package dev.slipway.monitor.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.log.TestLogs;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.PackageEntry;
import dev.slipway.registry.PackageFile;
import dev.slipway.registry.Provenance;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Realized performance from a prediction log written in the documented layout, with labels that
 * arrive late, twice, and before their predictions are logged.
 *
 * <p>The log of model {@code churn} (binary, classes 0 and 1) holds 9 rows over 3 days; the
 * expected metrics are worked out by hand below.
 */
class LogPerformanceTest {

    private static final String COLUMNS =
            "x DOUBLE, city VARCHAR, label BIGINT, probabilities_0 FLOAT, probabilities_1 FLOAT";
    private static final Signature SIGNATURE =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("x", DType.FP64),
                            ColumnSpec.scalar("city", DType.STRING)),
                    List.of(
                            ColumnSpec.scalar(Signature.LABEL, DType.INT64),
                            new ColumnSpec(
                                    Signature.PROBABILITIES, DType.FP32, 2, List.of("0", "1"))));

    @TempDir Path dir;
    private SlipwayHome home;
    private LabelStore labels;
    private MonitorSession session;
    private Path logs;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir.resolve("home"));
        labels =
                new LabelStore(
                        home,
                        new DataLimits(128, 1),
                        new StepClock(Instant.parse("2024-05-04T00:00:00Z"), Duration.ofHours(1)));
        session = MonitorSession.open(home, new DataLimits(128, 1));
        logs = PredictionLogs.directory(home);
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void ingest_lateDuplicateAndEarlyLabels_areCounted() throws IOException {
        writeDay1();
        // a is labelled twice (the last wins), h is labelled before its prediction is logged
        IngestResult first =
                labels.ingest(
                        "churn",
                        csv("request_id,label\na,0\nb,0\nc,0\nd,0\nh,1\na,1\n"),
                        LabelOptions.defaults());
        writeDays2And3();
        // b is corrected; e is a 2-row request labelled row by row
        IngestResult second =
                labels.ingest(
                        "churn",
                        csv("request_id,row_index,label\ne,0,1\ne,1,0\nf,0,1\ng,0,0\nb,0,1\n"),
                        LabelOptions.defaults());

        assertThat(first)
                .extracting(
                        IngestResult::received,
                        IngestResult::stored,
                        IngestResult::replaced,
                        IngestResult::unmatched,
                        IngestResult::total)
                .containsExactly(6L, 5L, 1L, 1L, 5L);
        assertThat(second)
                .extracting(
                        IngestResult::received,
                        IngestResult::stored,
                        IngestResult::replaced,
                        IngestResult::unmatched,
                        IngestResult::total)
                .containsExactly(5L, 5L, 1L, 0L, 9L);
        assertThat(second.arrivedAt()).isAfter(first.arrivedAt());
    }

    @Test
    void compute_dailyWindows_giveTheHandWorkedMetrics() throws IOException {
        logAndLabelEverything();
        PredictionTable data =
                PredictionLogs.read(session, logs, "churn", Range.all(), List.of(SIGNATURE));
        PredictionColumns columns = PredictionColumns.infer(data, Optional.empty());

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        data,
                        labels,
                        "churn",
                        PerformanceSpec.of(WindowSpec.parse("1d"), columns));

        assertThat(columns)
                .isEqualTo(
                        new PredictionColumns.Binary(
                                List.of("0", "1"),
                                Optional.of("probabilities_1"),
                                Optional.of("label"),
                                0.5));
        assertThat(report.task()).isEqualTo(Task.BINARY);
        assertThat(report.windows()).extracting(w -> w.window().rows()).containsExactly(4L, 3L, 2L);
        assertThat(report.windows())
                .extracting(WindowPerformance::labelled)
                .containsExactly(4L, 3L, 2L);
        // day 1: positives a .8, b .3; negatives c .6, d .1: 3 of 4 pairs ordered; a and d right
        Map<String, Double> day1 = report.windows().get(0).metrics();
        assertThat(day1.get("auc")).isEqualTo(0.75);
        assertThat(day1.get("accuracy")).isEqualTo(0.5);
        assertThat(day1.get("precision")).isEqualTo(0.5);
        assertThat(day1.get("recall")).isEqualTo(0.5);
        assertThat(day1.get("f1")).isEqualTo(0.5);
        assertThat(day1.get("log_loss"))
                .isCloseTo(
                        -(Math.log((float) 0.8)
                                        + Math.log((float) 0.3)
                                        + Math.log(1 - (double) (float) 0.6)
                                        + Math.log(1 - (double) (float) 0.1))
                                / 4,
                        within(1e-12));
        assertThat(report.windows().get(1).metrics())
                .containsEntry("auc", 1.0)
                .containsEntry("accuracy", 1.0);
        // day 3: h at exactly the threshold 0.5 is predicted positive
        assertThat(report.windows().get(2).metrics())
                .containsEntry("auc", 1.0)
                .containsEntry("accuracy", 1.0);
        // overall: 16 pairs ordered and b tied with g (.3) of 20; 7 of 9 right; 4 of 5 predicted
        // positives are positive, 4 of 5 positives found
        assertThat(report.labelled()).isEqualTo(9);
        assertThat(report.metrics().get("auc")).isEqualTo(16.5 / 20);
        assertThat(report.metrics().get("accuracy")).isCloseTo(7.0 / 9, within(1e-15));
        assertThat(report.metrics().get("precision")).isCloseTo(0.8, within(1e-15));
        assertThat(report.metrics().get("recall")).isCloseTo(0.8, within(1e-15));
        assertThat(report.metrics().get("f1")).isCloseTo(0.8, within(1e-15));
        assertThat(report.comparison()).isEmpty();
    }

    @Test
    void compute_registeredModel_comparesWithTrainingMetrics() throws IOException {
        logAndLabelEverything();
        ModelRegistry registry =
                new ModelRegistry(
                        home,
                        List.of(),
                        Clock.fixed(Instant.parse("2024-04-01T00:00:00Z"), ZoneOffset.UTC));
        register(registry, Map.of("auc", 0.9, "accuracy", 0.7, "log_loss", 0.35));
        ModelBaseline baseline = ModelBaseline.of(registry, ModelRef.parse("churn"));
        PredictionTable data =
                PredictionLogs.read(
                        session,
                        logs,
                        "churn",
                        Range.all(),
                        PredictionLogs.signatures(registry, "churn"));

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        data,
                        labels,
                        "churn",
                        PerformanceSpec.of(
                                        WindowSpec.parse("2rows"),
                                        PredictionColumns.infer(data, Optional.of(baseline)))
                                .comparedWith(baseline));

        assertThat(baseline.task()).contains(Task.BINARY);
        assertThat(baseline.classes()).containsExactly("0", "1");
        assertThat(report.baseline()).contains(new ModelRef.Version("churn", 1));
        assertThat(report.comparison())
                .extracting(MetricComparison::metric)
                .containsExactly("auc", "log_loss", "accuracy");
        MetricComparison auc = report.comparison("auc").orElseThrow();
        assertThat(auc.training()).isEqualTo(0.9);
        assertThat(auc.realized()).isEqualTo(0.825);
        assertThat(auc.change()).isCloseTo(-0.075, within(1e-12));
        assertThat(auc.worse()).isTrue();
        assertThat(report.comparison("accuracy").orElseThrow().worse()).isFalse();
        assertThat(report.windows())
                .extracting(w -> w.window().rows())
                .containsExactly(2L, 2L, 2L, 2L, 1L);
    }

    @Test
    void compute_onlyPredictedClasses_leavesOutAucAndLogLoss() throws IOException {
        logAndLabelEverything();
        PredictionTable data = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());
        PredictionColumns labelOnly =
                new PredictionColumns.Binary(
                        List.of("0", "1"), Optional.empty(), Optional.of("label"), 0.5);

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        data,
                        labels,
                        "churn",
                        PerformanceSpec.of(WindowSpec.parse("7d"), labelOnly));

        assertThat(report.metrics()).containsOnlyKeys("accuracy", "precision", "recall", "f1");
        assertThat(report.metrics().get("accuracy")).isCloseTo(7.0 / 9, within(1e-15));
    }

    @Test
    void compute_windowWithoutLabels_hasNoMetrics() throws IOException {
        writeDay1();
        writeDays2And3();
        labels.ingest("churn", csv("request_id,label\na,1\nd,0\n"), LabelOptions.defaults());
        PredictionTable data = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        data,
                        labels,
                        "churn",
                        PerformanceSpec.of(
                                WindowSpec.parse("1d"),
                                PredictionColumns.infer(data, Optional.empty())));

        assertThat(report.windows())
                .extracting(WindowPerformance::labelled)
                .containsExactly(2L, 0L, 0L);
        assertThat(report.windows().get(1).metrics()).isEmpty();
        assertThat(report.windows().get(0).metrics()).containsEntry("auc", 1.0);
    }

    @Test
    void compute_keyColumnTheLogLacks_namesItAndTheColumns() throws IOException {
        writeDay1();
        PredictionTable data = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());

        assertThatThrownBy(
                        () ->
                                RealizedPerformance.compute(
                                        session,
                                        data,
                                        labels,
                                        "churn",
                                        PerformanceSpec.of(
                                                        WindowSpec.parse("1d"),
                                                        PredictionColumns.infer(
                                                                data, Optional.empty()))
                                                .withKeyColumn("customer_id")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no column 'customer_id' to join the labels")
                .hasMessageContaining("request_id, row_index, ts");
    }

    @Test
    void compute_labelThatIsNoClass_namesItAndTheClasses() throws IOException {
        writeDay1();
        labels.ingest("churn", csv("request_id,label\na,yes\n"), LabelOptions.defaults());
        PredictionTable data = PredictionLogs.read(session, logs, "churn", Range.all(), List.of());

        assertThatThrownBy(
                        () ->
                                RealizedPerformance.compute(
                                        session,
                                        data,
                                        labels,
                                        "churn",
                                        PerformanceSpec.of(
                                                WindowSpec.parse("1d"),
                                                PredictionColumns.infer(data, Optional.empty()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "the label 'yes' is not a class of the model (its classes are 0, 1)");
    }

    private void logAndLabelEverything() throws IOException {
        writeDay1();
        writeDays2And3();
        labels.ingest(
                "churn",
                csv(
                        "request_id,row_index,label\na,0,1\nb,0,1\nc,0,0\nd,0,0\ne,0,1\ne,1,0\nf,0,1\ng,0,0\nh,0,1\n"),
                LabelOptions.defaults());
    }

    private void writeDay1() {
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-05-01T08:00:00Z"),
                COLUMNS,
                List.of(
                        TestLogs.row(
                                "a", 0, "2024-05-01T08:00:00Z", 1, "1.0, 'paris', 1, 0.2, 0.8"),
                        TestLogs.row("b", 0, "2024-05-01T09:00:00Z", 1, "2.0, 'lyon', 0, 0.7, 0.3"),
                        TestLogs.row("c", 0, "2024-05-01T10:00:00Z", 1, "3.0, 'nice', 1, 0.4, 0.6"),
                        TestLogs.row(
                                "d", 0, "2024-05-01T23:00:00Z", 1, "4.0, 'nice', 0, 0.9, 0.1")));
    }

    private void writeDays2And3() {
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-05-02T08:00:00Z"),
                COLUMNS,
                List.of(
                        TestLogs.row(
                                "e", 0, "2024-05-02T08:00:00Z", 1, "5.0, 'paris', 1, 0.3, 0.7"),
                        TestLogs.row(
                                "e", 1, "2024-05-02T08:00:00Z", 1, "6.0, 'paris', 0, 0.6, 0.4"),
                        TestLogs.row(
                                "f", 0, "2024-05-02T12:00:00Z", 1, "7.0, 'lyon', 1, 0.1, 0.9")));
        TestLogs.write(
                logs,
                "churn",
                TestLogs.date("2024-05-03T08:00:00Z"),
                COLUMNS,
                List.of(
                        TestLogs.row("g", 0, "2024-05-03T08:00:00Z", 1, "8.0, 'lyon', 0, 0.7, 0.3"),
                        TestLogs.row(
                                "h", 0, "2024-05-03T09:00:00Z", 1, "9.0, 'nice', 1, 0.5, 0.5")));
    }

    private void register(ModelRegistry registry, Map<String, Double> metrics) {
        byte[] model = "{\"not\": \"loaded in this test\"}".getBytes(StandardCharsets.UTF_8);
        ModelManifest manifest =
                ModelManifest.builder(
                                "xgboost",
                                "xgboost4j 3.0",
                                SIGNATURE,
                                new Provenance(
                                        Instant.parse("2024-04-01T00:00:00Z"),
                                        new Provenance.Imported("model.json", "0".repeat(64))))
                        .task(Task.BINARY)
                        .metrics(metrics)
                        .build();
        registry.register(
                "churn",
                manifest,
                List.of(new PackageEntry.Bytes("model.json", PackageFile.MODEL, model)),
                "",
                Map.of());
    }

    private Path csv(String text) throws IOException {
        Path p = Files.createTempFile(dir, "labels", ".csv");
        Files.writeString(p, text);
        return p;
    }
}
