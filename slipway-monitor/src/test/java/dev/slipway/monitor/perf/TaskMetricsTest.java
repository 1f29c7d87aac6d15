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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multiclass and regression metrics on small files whose numbers are worked out by hand. */
class TaskMetricsTest {

    @TempDir Path dir;
    private SlipwayHome home;
    private LabelStore labels;
    private MonitorSession session;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir.resolve("home"));
        labels =
                new LabelStore(
                        home,
                        new DataLimits(128, 1),
                        new StepClock(Instant.parse("2024-05-04T00:00:00Z"), Duration.ofHours(1)));
        session = MonitorSession.open(home, new DataLimits(128, 1));
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void compute_regression_givesRmseMaeAndR2() throws IOException {
        Path data =
                csv(
                        "id,ts,prediction\n1,2024-01-01 00:00:00,2.5\n2,2024-01-01 01:00:00,0.0\n3,2024-01-02 00:00:00,2.0\n4,2024-01-02 05:00:00,8.0\n");
        labels.ingest(
                "prices",
                csv("id,y\n1,3\n2,-0.5\n3,2\n4,7\n"),
                LabelOptions.defaults().withKeyColumn("id").withLabelColumn("y"));
        PredictionTable t =
                PredictionFiles.read(
                        session,
                        data,
                        new FileLayout("ts", List.of("prediction"), List.of("id")),
                        Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        t,
                        labels,
                        "prices",
                        PerformanceSpec.of(
                                        WindowSpec.parse("1d"),
                                        new PredictionColumns.Regression("prediction"))
                                .withKeyColumn("id"));

        // errors 0.5, 0.5, 0, 1: squares sum 1.5; targets mean 2.875, total sum of squares 29.1875
        assertThat(report.metrics()).containsOnlyKeys("rmse", "mae", "r2");
        assertThat(report.metrics().get("rmse")).isCloseTo(Math.sqrt(1.5 / 4), within(1e-12));
        assertThat(report.metrics().get("mae")).isCloseTo(0.5, within(1e-12));
        assertThat(report.metrics().get("r2")).isCloseTo(1 - 1.5 / 29.1875, within(1e-12));
        assertThat(report.windows().get(0).metrics().get("mae")).isCloseTo(0.5, within(1e-12));
        assertThat(report.windows().get(1).metrics().get("rmse"))
                .isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void compute_multiclassWithProbabilities_givesAccuracyMacroF1AndLogLoss() throws IOException {
        // probabilities in float may not add up to 1: they are renormalised
        Path data =
                csv(
                        "id,ts,p_a,p_b,p_c,label\n"
                                + "1,2024-01-01 00:00:00,0.7,0.2,0.1,a\n"
                                + "2,2024-01-01 01:00:00,0.1,0.8,0.1,b\n"
                                + "3,2024-01-01 02:00:00,0.2,0.3,0.5,c\n"
                                + "4,2024-01-01 03:00:00,0.6,0.3,0.1,a\n");
        labels.ingest(
                "iris",
                csv("id,species\n1,a\n2,b\n3,c\n4,b\n"),
                LabelOptions.defaults().withKeyColumn("id").withLabelColumn("species"));
        PredictionTable t =
                PredictionFiles.read(
                        session,
                        data,
                        new FileLayout("ts", List.of("p_a", "p_b", "p_c", "label"), List.of("id")),
                        Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        t,
                        labels,
                        "iris",
                        PerformanceSpec.of(
                                        WindowSpec.parse("1d"),
                                        new PredictionColumns.Multiclass(
                                                List.of("a", "b", "c"),
                                                List.of("p_a", "p_b", "p_c"),
                                                Optional.of("label")))
                                .withKeyColumn("id"));

        // predicted a, b, c, a against a, b, c, b: F1 of a = 2/3, of b = 2/3, of c = 1
        assertThat(report.metrics().get("accuracy")).isEqualTo(0.75);
        assertThat(report.metrics().get("macro_f1"))
                .isCloseTo((2.0 / 3 + 2.0 / 3 + 1) / 3, within(1e-12));
        assertThat(report.metrics().get("log_loss"))
                .isCloseTo(
                        -(Math.log(0.7) + Math.log(0.8) + Math.log(0.5) + Math.log(0.3)) / 4,
                        within(1e-12));
    }

    @Test
    void compute_multiclassLabelsOnly_leavesOutLogLoss() throws IOException {
        Path data =
                csv(
                        "id,ts,label\n1,2024-01-01 00:00:00,0\n2,2024-01-01 01:00:00,2\n3,2024-01-01 02:00:00,1\n");
        labels.ingest(
                "iris",
                csv("id,species\n1,setosa\n2,virginica\n3,setosa\n"),
                LabelOptions.defaults().withKeyColumn("id").withLabelColumn("species"));
        PredictionTable t =
                PredictionFiles.read(
                        session,
                        data,
                        new FileLayout("ts", List.of("label"), List.of("id")),
                        Range.all());

        PerformanceReport report =
                RealizedPerformance.compute(
                        session,
                        t,
                        labels,
                        "iris",
                        PerformanceSpec.of(
                                        WindowSpec.parse("1000rows"),
                                        new PredictionColumns.Multiclass(
                                                List.of("setosa", "versicolor", "virginica"),
                                                List.of(),
                                                Optional.of("label")))
                                .withKeyColumn("id"));

        // predicted indexes 0, 2, 1 are setosa, virginica, versicolor: 2 of 3 right
        assertThat(report.metrics()).doesNotContainKey("log_loss");
        assertThat(report.metrics().get("accuracy")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.windows())
                .singleElement()
                .extracting(WindowPerformance::labelled)
                .isEqualTo(3L);
    }

    private Path csv(String text) throws IOException {
        Path p = Files.createTempFile(dir, "f", ".csv");
        Files.writeString(p, text);
        return p;
    }
}
