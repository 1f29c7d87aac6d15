package dev.slipway.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Observations;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.log.TestLogs;
import dev.slipway.monitor.perf.LabelOptions;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observations from a real prediction log of model {@code churn} (inputs {@code x}, {@code city};
 * outputs {@code label}, {@code probabilities_0/1}), 200 rows a day, against a reference file of
 * 200 rows: {@code x} = 0, 0.5, ..., 99.5 and {@code city} alternating a, b.
 *
 * <ul>
 *   <li>1 May: the reference's values again, labelled (the even rows positive; the first 20 rows
 *       scored the wrong way round: AUC and accuracy 0.9), latencies 1 to 200 ms;
 *   <li>2 May: {@code x} moved by 1000, {@code city} 'c' and every fourth one missing;
 *   <li>3 May: {@code x} moved by 1000, {@code city} missing in every row.
 * </ul>
 */
class ObserveTest {

    private static final String MODEL = "churn";
    private static final String COLUMNS =
            "x DOUBLE, city VARCHAR, label BIGINT, probabilities_0 DOUBLE, probabilities_1 DOUBLE";
    private static final Instant MAY1 = Instant.parse("2024-05-01T00:00:00Z");
    private static final AlertWindow DAY1 = day(MAY1);
    private static final AlertWindow DAY2 = day(MAY1.plus(1, ChronoUnit.DAYS));
    private static final AlertWindow DAY3 = day(MAY1.plus(2, ChronoUnit.DAYS));

    @TempDir Path dir;
    private SlipwayHome home;
    private Datasets datasets;
    private ModelRegistry registry;
    private Monitor monitor;
    private Path reference;

    @BeforeEach
    void open() throws IOException, SQLException {
        home = SlipwayHome.open(dir.resolve("home"));
        Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        DataLimits limits = new DataLimits(256, 1);
        datasets = new Datasets(home, clock, limits);
        registry = new ModelRegistry(home, List.of(), clock);
        monitor = new Monitor(home, registry, datasets, limits, clock);
        reference = dir.resolve("reference.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(
                    "COPY (SELECT i * 0.5 AS x, CASE WHEN i %% 2 = 0 THEN 'a' ELSE 'b' END AS city FROM range(200) t(i)) TO %s (HEADER)"
                            .formatted(DuckSql.str(reference.toString())));
        }
        Path logs = PredictionLogs.directory(home);
        TestLogs.write(logs, MODEL, TestLogs.date("2024-05-01T00:00:00Z"), COLUMNS, day1());
        TestLogs.write(
                logs,
                MODEL,
                TestLogs.date("2024-05-02T00:00:00Z"),
                COLUMNS,
                rows(
                        DAY2.start(),
                        i ->
                                "%s, %s, 0, 0.5, 0.5"
                                        .formatted(1000 + i * 0.5, i % 4 == 0 ? "NULL" : "'c'")));
        TestLogs.write(
                logs,
                MODEL,
                TestLogs.date("2024-05-03T00:00:00Z"),
                COLUMNS,
                rows(DAY3.start(), i -> "%s, NULL, 0, 0.5, 0.5".formatted(1000 + i * 0.5)));
        StringBuilder labels = new StringBuilder("request_id,label\n");
        for (int i = 0; i < 200; i++) {
            labels.append(requestId(DAY1.start(), i)).append(',').append(positive(i) ? 1 : 0);
            labels.append('\n');
        }
        Path labelFile = dir.resolve("labels.csv");
        Files.writeString(labelFile, labels);
        monitor.labels(MODEL, labelFile, LabelOptions.defaults());
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void observe_stableLabelledDay_noDriftRealizedMetricsAndLatency() {
        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        DAY1,
                        new ReferenceData.File(reference),
                        OptionalDouble.empty());

        assertThat(o.model()).isEqualTo(MODEL);
        assertThat(o.window()).isEqualTo(DAY1);
        assertThat(o.datasetDriftShare()).hasValue(0.0);
        assertThat(o.columnDrift()).containsOnlyKeys("x", "city");
        assertThat(o.columnDrift("x").orElseThrow().drifted()).isFalse();
        assertThat(o.columnDrift("x").orElseThrow().score()).isEqualTo(0.0);
        assertThat(o.columnDrift("city").orElseThrow().drifted()).isFalse();
        // 100 positives and 100 negatives; 10 of each scored the wrong way round
        assertThat(o.metric("auc").orElseThrow().value()).isCloseTo(0.9, within(1e-12));
        assertThat(o.metric("auc").orElseThrow().labelledRows()).isEqualTo(200);
        assertThat(o.metric("accuracy").orElseThrow().value()).isCloseTo(0.9, within(1e-12));
        assertThat(o.nullRates()).containsOnlyKeys("x", "city");
        assertThat(o.nullRate("city")).hasValue(0.0);
        // latencies 1..200 ms: the 0.99 quantile by linear interpolation is 1 + 0.99 * 199
        assertThat(o.latencyP99Millis().getAsDouble()).isCloseTo(198.01, within(1e-9));
        assertThat(o.errorRate()).isEmpty();
    }

    @Test
    void observe_registeredModel_metricsOfItsTaskWithTheLabelledRows() {
        register();

        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        DAY1,
                        new ReferenceData.File(reference),
                        OptionalDouble.empty());

        assertThat(o.metric("auc").orElseThrow().value()).isCloseTo(0.9, within(1e-12));
        assertThat(o.metric("accuracy").orElseThrow().labelledRows()).isEqualTo(200);
    }

    @Test
    void observe_shiftedDay_driftScoresAreEffectSizesAndNullRatesCounted() {
        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        DAY2,
                        new ReferenceData.File(reference),
                        OptionalDouble.of(0.02));

        DriftReport direct =
                monitor.drift(
                        new DriftRequest(
                                Optional.of(MODEL),
                                new ReferenceData.File(reference),
                                new CurrentData.Log(MODEL, Range.between(DAY2.start(), DAY2.end())),
                                List.of(),
                                DriftOptions.defaults(),
                                Optional.empty()));
        assertThat(o.datasetDriftShare()).hasValue(1.0);
        for (ColumnDrift c : direct.data().columns()) {
            assertThat(o.columnDrift(c.column()).orElseThrow())
                    .isEqualTo(new Observations.DriftVerdict(true, c.effectSize()));
        }
        // KS D of two samples that do not overlap
        assertThat(o.columnDrift("x").orElseThrow().score()).isEqualTo(1.0);
        assertThat(o.nullRate("city")).hasValue(0.25);
        assertThat(o.nullRate("x")).hasValue(0.0);
        assertThat(o.errorRate()).hasValue(0.02);
        // labels exist for the model, but none for this day's rows
        assertThat(o.metrics()).isEmpty();
        assertThat(o.latencyP99Millis()).isPresent();
    }

    @Test
    void observe_inputWithoutAnyValue_driftOfTheOthersAndNullRateOne() {
        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        DAY3,
                        new ReferenceData.File(reference),
                        OptionalDouble.empty());

        assertThat(o.nullRate("city")).hasValue(1.0);
        assertThat(o.columnDrift()).containsOnlyKeys("x");
        assertThat(o.columnDrift("x").orElseThrow().drifted()).isTrue();
        assertThat(o.datasetDriftShare()).hasValue(1.0);
    }

    @Test
    void observe_datasetReference_nullRatesFromTheQualityCheck() {
        datasets.importFile(reference, "baseline", ImportOptions.defaults(), ProgressListener.NONE);

        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        DAY2,
                        new ReferenceData.Dataset(DatasetRef.latest("baseline")),
                        OptionalDouble.empty());

        assertThat(o.nullRates()).containsOnlyKeys("x", "city");
        assertThat(o.nullRate("city")).hasValue(0.25);
        assertThat(o.datasetDriftShare()).hasValue(1.0);
        assertThat(o.columnDrift("x").orElseThrow().drifted()).isTrue();
    }

    @Test
    void observe_windowWithoutRows_observesOnlyTheGivenErrorRate() {
        AlertWindow june = day(Instant.parse("2024-06-01T00:00:00Z"));

        Observations o =
                Observe.observe(
                        monitor,
                        MODEL,
                        june,
                        new ReferenceData.File(reference),
                        OptionalDouble.of(1.0));

        assertThat(o).isEqualTo(Observations.builder(MODEL, june).errorRate(1.0).build());
    }

    @Test
    void observe_modelWithoutLog_observesNothing() {
        Observations o =
                Observe.observe(
                        monitor,
                        "fraud",
                        DAY1,
                        new ReferenceData.File(reference),
                        OptionalDouble.empty());

        assertThat(o).isEqualTo(Observations.builder("fraud", DAY1).build());
    }

    @Test
    void observe_referenceFileMissing_isAnError() {
        Path missing = dir.resolve("missing.csv");

        assertThatThrownBy(
                        () ->
                                Observe.observe(
                                        monitor,
                                        MODEL,
                                        DAY1,
                                        new ReferenceData.File(missing),
                                        OptionalDouble.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.csv");
    }

    @Test
    void observe_trainingReferenceOfUnregisteredModel_isAnError() {
        assertThatThrownBy(
                        () ->
                                Observe.observe(
                                        monitor,
                                        MODEL,
                                        DAY1,
                                        new ReferenceData.Training(),
                                        OptionalDouble.empty()))
                .isInstanceOf(dev.slipway.api.SlipwayException.class)
                .hasMessageContaining(MODEL);
    }

    /** Registers version 1 of the model: binary, classes 0 and 1, as the log was written. */
    private void register() {
        Signature signature =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("x", DType.FP64),
                                ColumnSpec.scalar("city", DType.STRING)),
                        List.of(
                                ColumnSpec.scalar(Signature.LABEL, DType.INT64),
                                new ColumnSpec(
                                        Signature.PROBABILITIES,
                                        DType.FP64,
                                        2,
                                        List.of("0", "1"))));
        ModelManifest manifest =
                ModelManifest.builder(
                                "xgboost",
                                "xgboost4j 3.0",
                                signature,
                                new Provenance(
                                        Instant.parse("2024-04-01T00:00:00Z"),
                                        new Provenance.Imported("model.json", "0".repeat(64))))
                        .task(Task.BINARY)
                        .metrics(Map.of("auc", 0.95))
                        .build();
        registry.register(
                MODEL,
                manifest,
                List.of(
                        new PackageEntry.Bytes(
                                "model.json",
                                PackageFile.MODEL,
                                "{}".getBytes(StandardCharsets.UTF_8))),
                "",
                Map.of());
    }

    private static List<String> day1() {
        return rows(
                DAY1.start(),
                i -> {
                    boolean positive = positive(i);
                    boolean right = i >= 20;
                    double p1 = positive == right ? 0.8 : 0.3;
                    return "%s, '%s', %d, %s, %s"
                            .formatted(
                                    i * 0.5, i % 2 == 0 ? "a" : "b", p1 >= 0.5 ? 1 : 0, 1 - p1, p1);
                });
    }

    private static boolean positive(int i) {
        return i % 2 == 0;
    }

    /** 200 log rows 5 minutes apart from {@code start}, taking {@code i} ms each. */
    private static List<String> rows(Instant start, IntFunction<String> data) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(
                    "(%s, 0, %s, 'churn', 1, 'oip-rest', %d, %s)"
                            .formatted(
                                    DuckSql.str(requestId(start, i)),
                                    DuckSql.timestamp(start.plus(5L * i, ChronoUnit.MINUTES)),
                                    (i + 1) * 1000L,
                                    data.apply(i)));
        }
        return rows;
    }

    private static String requestId(Instant day, int i) {
        return "r-" + day.toString().substring(0, 10) + "-" + i;
    }

    private static AlertWindow day(Instant start) {
        return new AlertWindow(start, start.plus(1, ChronoUnit.DAYS));
    }
}
