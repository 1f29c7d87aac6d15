package dev.slipway.monitor.report;

import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.WindowDrift;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Delivery;
import dev.slipway.monitor.alert.Severity;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.ColumnKind;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.drift.DriftMethod;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.outlier.FeatureRange;
import dev.slipway.monitor.outlier.OutlierRow;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.WindowPerformance;
import dev.slipway.monitor.report.MonitoringReport.Note;
import dev.slipway.monitor.report.MonitoringReport.Part;
import dev.slipway.monitor.window.Window;
import dev.slipway.monitor.window.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Monitoring reports made up for the renderer: {@code columns} numeric columns over {@code windows}
 * daily windows, column {@code i} drifting in window {@code w} when {@code (i + w) % 4 == 0}, with
 * performance, outliers and one alert. The first column's name, an outlier value, the alert's
 * message and a note may be given.
 */
final class Synthetic {

    static final String MODEL = "churn";
    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

    private Synthetic() {}

    static MonitoringReport report(int columns, int windows, String firstColumn, String text) {
        List<String> names = new ArrayList<>();
        names.add(firstColumn);
        for (int i = 1; i < columns; i++) {
            names.add("feature_" + i);
        }
        List<WindowDrift> ws = new ArrayList<>();
        List<WindowPerformance> perf = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Window win =
                    new Window(
                            w,
                            START.plus(Duration.ofDays(w)),
                            START.plus(Duration.ofDays(w + 1)),
                            1000,
                            "true");
            List<ColumnDrift> cs = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                cs.add(drift(names.get(i), (i + w) % 4 == 0));
            }
            ws.add(
                    new WindowDrift(
                            win,
                            Optional.of(DatasetDrift.of(cs, 0.5)),
                            Optional.empty(),
                            Optional.empty()));
            perf.add(new WindowPerformance(win, 900, metrics(0.9 - w * 0.005, 0.85 - w * 0.004)));
        }
        List<ColumnDrift> overall = new ArrayList<>();
        List<ColumnDistribution> dists = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            overall.add(drift(names.get(i), i % 3 == 0));
            List<ColumnDistribution.Bin> bins = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                bins.add(new ColumnDistribution.Bin(b == 0 ? text : "bin " + b, 50, 25 + b));
            }
            dists.add(new ColumnDistribution(names.get(i), ColumnKind.NUMERIC, 1000, 690, bins));
        }
        DriftReport drift =
                new DriftReport(
                        "dataset churn@1 (the training data of churn)",
                        "prediction log of churn (all rows)",
                        10_000,
                        1000L * windows,
                        DatasetDrift.of(overall, 0.5),
                        Optional.empty(),
                        Optional.empty(),
                        ws);
        PerformanceReport performance =
                new PerformanceReport(
                        MODEL,
                        "prediction log of churn (all rows)",
                        Task.BINARY,
                        "request_id",
                        WindowSpec.parse("1d"),
                        900L * windows,
                        metrics(0.8, 0.81),
                        perf,
                        Optional.of(new ModelRef.Version(MODEL, 1)),
                        List.of(
                                new MetricComparison("auc", 0.9, 0.8, 0.8 - 0.9, true),
                                new MetricComparison("accuracy", 0.8, 0.81, 0.81 - 0.8, true)));
        OutlierSummary outliers =
                new OutlierSummary(
                        "share of features outside the reference",
                        1000L * windows,
                        12,
                        0.01,
                        Map.of(firstColumn, 12L),
                        List.of(
                                new FeatureRange(
                                        firstColumn,
                                        true,
                                        OptionalDouble.of(1),
                                        OptionalDouble.of(9),
                                        0)),
                        List.of(
                                new OutlierRow(
                                        Map.of("request_id", "r1"),
                                        1.0,
                                        List.of(firstColumn),
                                        Map.of(firstColumn, text))));
        AlertWindow aw = new AlertWindow(START, START.plus(Duration.ofDays(1)));
        AlertRecord alert =
                new AlertRecord(
                        new AlertEvent(
                                "drift-rule",
                                MODEL,
                                1,
                                AlertEvent.State.FIRING,
                                Severity.CRITICAL,
                                "column drift of " + firstColumn,
                                0.4,
                                OptionalDouble.empty(),
                                aw,
                                "drift in " + firstColumn + ": " + text,
                                START.plus(Duration.ofDays(1)),
                                START.plus(Duration.ofDays(1))),
                        new Delivery(
                                Delivery.Status.NONE,
                                0,
                                "no webhook configured",
                                Optional.empty()));
        return new MonitoringReport(
                MODEL,
                START.plus(Duration.ofDays(windows)),
                Range.all(),
                WindowSpec.parse("1d"),
                drift,
                dists,
                Optional.of(performance),
                Optional.of(outliers),
                Optional.empty(),
                Optional.of(new MonitoringReport.Latency(1.5, 12.25)),
                List.of(alert),
                List.of(new Note(Part.QUALITY, "quality skipped: " + text)));
    }

    private static ColumnDrift drift(String column, boolean drifted) {
        double score = drifted ? 0.35 : 0.02;
        return new ColumnDrift(
                column,
                ColumnKind.NUMERIC,
                DriftMethod.WASSERSTEIN,
                score,
                0.1,
                drifted,
                OptionalDouble.empty(),
                score,
                1000,
                690,
                40);
    }

    private static Map<String, Double> metrics(double auc, double accuracy) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", auc);
        m.put("accuracy", accuracy);
        return m;
    }
}
