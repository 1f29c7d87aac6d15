package dev.slipway.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.log.FileLayout;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.PredictionColumns;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on NannyML's California split, read as plain files: the reference period as
 * reference, the analysis period (from another part of the state) as current data with its
 * timestamps and predictions, and the analysis targets joined as labels by the key column {@code
 * id}. Covariate shift is real in latitude, longitude and median income.
 */
class MonitorNannyMlTest {

    private static final Path DRIFT = Path.of("../../shared/datasets/drift").toAbsolutePath();
    private static final Path REFERENCE = DRIFT.resolve("nannyml_california_reference.csv");
    private static final Path ANALYSIS = DRIFT.resolve("nannyml_california_analysis.csv");
    private static final Path TARGETS = DRIFT.resolve("nannyml_california_analysis_targets.csv");
    private static final FileLayout LAYOUT =
            new FileLayout(
                    "timestamp", List.of("y_pred_proba", "y_pred"), List.of("id", "clf_target"));
    private static final Optional<PredictionColumns> COLUMNS =
            Optional.of(
                    new PredictionColumns.Binary(
                            List.of("0", "1"),
                            Optional.of("y_pred_proba"),
                            Optional.of("y_pred"),
                            0.5));
    private static final LabelOptions BY_ID =
            LabelOptions.defaults().withKeyColumn("id").withLabelColumn("clf_target");

    @TempDir Path dir;
    private SlipwayHome home;
    private Monitor monitor;

    @BeforeEach
    void open() {
        assertThat(Files.isRegularFile(REFERENCE)).as("shared data at %s", REFERENCE).isTrue();
        home = SlipwayHome.open(dir);
        Clock clock = Clock.fixed(Instant.parse("2022-06-01T00:00:00Z"), ZoneOffset.UTC);
        DataLimits limits = new DataLimits(256, 2);
        monitor =
                new Monitor(
                        home,
                        new ModelRegistry(home, List.of(), clock),
                        new Datasets(home, clock, limits),
                        limits,
                        clock);
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void drift_analysisPeriod_shiftedColumnsDriftOverallAndPerMonth() {
        DriftReport r =
                monitor.drift(
                        new DriftRequest(
                                Optional.empty(),
                                new ReferenceData.File(REFERENCE),
                                new CurrentData.File(ANALYSIS, LAYOUT, Range.all()),
                                List.of(),
                                DriftOptions.defaults(),
                                Optional.of(WindowSpec.parse("1mo"))));

        assertThat(r.referenceRows()).isEqualTo(5832);
        assertThat(r.currentRows()).isEqualTo(8232);
        List<String> drifted =
                r.data().columns().stream()
                        .filter(ColumnDrift::drifted)
                        .map(ColumnDrift::column)
                        .toList();
        assertThat(drifted).contains("MedInc", "Latitude", "Longitude");
        assertThat(r.data().columns())
                .extracting(ColumnDrift::column)
                .containsExactly(
                        "MedInc",
                        "HouseAge",
                        "AveRooms",
                        "AveBedrms",
                        "Population",
                        "AveOccup",
                        "Latitude",
                        "Longitude");
        // More than 1000 reference rows of many values: Wasserstein, as Evidently chooses.
        assertThat(r.data().columns().get(0).method().label()).isEqualTo("wasserstein");
        // The reference has the predictions too: prediction drift is computed.
        assertThat(r.prediction()).isPresent();
        assertThat(r.prediction().get().columns())
                .extracting(ColumnDrift::column)
                .containsExactly("y_pred_proba", "y_pred");
        // A series per calendar month, each window with its own verdict on the coordinates.
        assertThat(r.windows()).hasSize(12);
        assertThat(r.windows())
                .allSatisfy(
                        w -> {
                            assertThat(w.data()).isPresent();
                            assertThat(
                                            w.data().get().columns().stream()
                                                    .filter(c -> c.column().equals("Latitude"))
                                                    .findFirst()
                                                    .orElseThrow()
                                                    .drifted())
                                    .isTrue();
                        });
    }

    @Test
    void performance_bothPeriods_realizedAucAsScikitLearnAndAMonthlySeries() {
        monitor.labels("california", REFERENCE, BY_ID);
        monitor.labels("california", TARGETS, BY_ID);
        WindowSpec monthly = WindowSpec.parse("1mo");

        PerformanceReport reference =
                monitor.performance(
                        "california",
                        new CurrentData.File(REFERENCE, LAYOUT, Range.all()),
                        monthly,
                        "id",
                        COLUMNS);
        PerformanceReport analysis =
                monitor.performance(
                        "california",
                        new CurrentData.File(ANALYSIS, LAYOUT, Range.all()),
                        monthly,
                        "id",
                        COLUMNS);

        assertThat(reference.metrics().get("auc")).isCloseTo(0.9079, within(1e-4));
        assertThat(analysis.metrics().get("auc")).isCloseTo(0.8402, within(1e-4));
        assertThat(reference.windows()).hasSize(8);
        assertThat(analysis.windows()).hasSize(12);
        assertThat(analysis.windows())
                .allSatisfy(
                        w -> {
                            assertThat(w.labelled()).isPositive();
                            assertThat(w.metrics().get("auc")).isBetween(0.5, 1.0);
                        });
        assertThat(monitor.labelCount("california")).isEqualTo(5832 + 8232);
    }
}
