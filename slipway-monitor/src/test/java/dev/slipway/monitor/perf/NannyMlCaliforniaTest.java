package dev.slipway.monitor.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.FileLayout;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionFiles;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Realized performance on NannyML's California housing split, a real monitoring data set read as
 * plain files, with the labels joined by the user key column {@code id}.
 *
 * <p>The whole-period AUCs (0.9079 and 0.8402) are scikit-learn's {@code roc_auc_score}. The
 * monthly series in {@code perf/nannyml_california_monthly_auc.csv} was computed apart from
 * Slipway's code, in DuckDB SQL, as the Mann–Whitney statistic with mid-ranks for ties over the
 * rows of each calendar month: {@code (sum of the positives' ranks - P(P+1)/2) / (P N)}.
 */
class NannyMlCaliforniaTest {

    private static final String MODEL = "california";
    private static final FileLayout LAYOUT =
            new FileLayout(
                    "timestamp", List.of("y_pred_proba", "y_pred"), List.of("id", "clf_target"));
    private static final PredictionColumns COLUMNS =
            new PredictionColumns.Binary(
                    List.of("0", "1"), Optional.of("y_pred_proba"), Optional.of("y_pred"), 0.5);
    private static final LabelOptions BY_ID =
            LabelOptions.defaults().withKeyColumn("id").withLabelColumn("clf_target");
    private static final PerformanceSpec MONTHLY =
            PerformanceSpec.of(WindowSpec.parse("1mo"), COLUMNS).withKeyColumn("id");

    private static final Path REFERENCE =
            SharedData.dataset("drift/nannyml_california_reference.csv");
    private static final Path ANALYSIS =
            SharedData.dataset("drift/nannyml_california_analysis.csv");
    private static final Path TARGETS =
            SharedData.dataset("drift/nannyml_california_analysis_targets.csv");

    @TempDir Path dir;
    private SlipwayHome home;
    private LabelStore labels;
    private MonitorSession session;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir);
        labels =
                new LabelStore(
                        home,
                        new DataLimits(256, 2),
                        Clock.fixed(Instant.parse("2022-06-01T00:00:00Z"), ZoneOffset.UTC));
        session = MonitorSession.open(home, new DataLimits(256, 2));
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void compute_referencePeriod_aucMatchesScikitLearn() {
        labels.ingest(MODEL, REFERENCE, BY_ID);
        PredictionTable data = PredictionFiles.read(session, REFERENCE, LAYOUT, Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(session, data, labels, MODEL, MONTHLY);

        assertThat(report.labelled()).isEqualTo(5832);
        assertThat(report.metrics().get("auc")).isCloseTo(0.9079, within(1e-4));
    }

    @Test
    void compute_analysisPeriod_aucMatchesScikitLearn() {
        labels.ingest(MODEL, TARGETS, BY_ID);
        PredictionTable data = PredictionFiles.read(session, ANALYSIS, LAYOUT, Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(session, data, labels, MODEL, MONTHLY);

        assertThat(report.labelled()).isEqualTo(8232);
        assertThat(report.metrics().get("auc")).isCloseTo(0.8402, within(1e-4));
    }

    @Test
    void compute_referenceMonths_matchIndependentAucSeries() throws IOException {
        labels.ingest(MODEL, REFERENCE, BY_ID);
        PredictionTable data = PredictionFiles.read(session, REFERENCE, LAYOUT, Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(session, data, labels, MODEL, MONTHLY);

        assertSeries(report, expected("reference"));
    }

    @Test
    void compute_analysisMonths_matchIndependentAucSeries() throws IOException {
        labels.ingest(MODEL, TARGETS, BY_ID);
        PredictionTable data = PredictionFiles.read(session, ANALYSIS, LAYOUT, Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(session, data, labels, MODEL, MONTHLY);

        assertSeries(report, expected("analysis"));
    }

    @Test
    void ingest_analysisTargets_countsEveryLabelAndMatchesTheAnalysisRowsOnly() {
        IngestResult reference = labels.ingest(MODEL, REFERENCE, BY_ID);
        IngestResult targets = labels.ingest(MODEL, TARGETS, BY_ID);
        PredictionTable analysis = PredictionFiles.read(session, ANALYSIS, LAYOUT, Range.all());

        assertThat(reference.received()).isEqualTo(5832);
        assertThat(targets.received()).isEqualTo(8232);
        assertThat(targets.stored()).isEqualTo(8232);
        assertThat(targets.replaced()).isZero();
        assertThat(targets.total()).isEqualTo(5832 + 8232);
        // the model has no prediction log: every label is unmatched in it
        assertThat(targets.unmatched()).isEqualTo(5832 + 8232);
        // against the analysis file, only the reference's ids are unmatched
        assertThat(labels.unmatched(session, MODEL, analysis)).isEqualTo(5832);
    }

    private static void assertSeries(PerformanceReport report, List<Month> expected) {
        assertThat(report.windows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            WindowPerformance w = report.windows().get(i);
            Month m = expected.get(i);
            assertThat(YearMonth.from(w.window().start().atZone(ZoneOffset.UTC)))
                    .as("window %d", i)
                    .isEqualTo(m.month());
            assertThat(w.window().end())
                    .isEqualTo(
                            m.month()
                                    .plusMonths(1)
                                    .atDay(1)
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant());
            assertThat(w.window().rows()).as("rows of %s", m.month()).isEqualTo(m.rows());
            assertThat(w.labelled()).as("labelled rows of %s", m.month()).isEqualTo(m.rows());
            assertThat(w.metrics().get("auc"))
                    .as("AUC of %s", m.month())
                    .isCloseTo(m.auc(), within(1e-6));
        }
    }

    private record Month(YearMonth month, long rows, double auc) {}

    private static List<Month> expected(String period) throws IOException {
        try (InputStream in =
                NannyMlCaliforniaTest.class.getResourceAsStream(
                        "/perf/nannyml_california_monthly_auc.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .map(l -> l.split(","))
                    .filter(f -> f[0].equals(period))
                    .map(
                            f ->
                                    new Month(
                                            YearMonth.parse(f[1]),
                                            Long.parseLong(f[2]),
                                            Double.parseDouble(f[3])))
                    .toList();
        }
    }
}
