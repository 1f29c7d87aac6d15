package dev.slipway.monitor.report;

import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.DriftColumn;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.report.MonitoringReport.Latency;
import dev.slipway.monitor.report.MonitoringReport.Note;
import dev.slipway.monitor.report.MonitoringReport.Part;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds monitoring reports. Stateless. */
public final class Reports {

    /** The most alert notifications a report lists. */
    public static final int ALERT_LIMIT = 100;

    private Reports() {}

    /**
     * The monitoring report of {@code request.model()}'s prediction log over {@code
     * request.range()}: drift against the reference overall and per window, each drift column's
     * distributions, realized performance when the model has labels, outliers, data quality,
     * latency and the alert history since the start of the range. Drift is the core of the report:
     * its errors are thrown; a failing optional part becomes a {@link Note}.
     *
     * @param counts where the per-column distributions come from, e.g. {@link ValueCounts#inHome}
     * @param clock tells {@link MonitoringReport#generatedAt()}
     * @throws NotFoundException when the model or its log is unknown
     * @throws dev.slipway.api.InvalidInputException when the log and the reference share no input
     *     column or a source cannot be read
     */
    public static MonitoringReport build(
            Monitor monitor,
            ValueCounts counts,
            AlertHistory alerts,
            ReportRequest request,
            Clock clock) {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        String model = request.model();
        ReferenceData reference = request.reference();
        CurrentData current = new CurrentData.Log(model, request.range());
        List<Note> notes = new ArrayList<>();

        DriftReport drift =
                monitor.drift(
                        new DriftRequest(
                                Optional.of(model),
                                reference,
                                current,
                                List.of(),
                                request.drift(),
                                Optional.of(request.window())));
        drift.predictionNote().ifPresent(n -> notes.add(new Note(Part.DRIFT, n)));

        List<DriftColumn> columns =
                drift.data().columns().stream()
                        .map(c -> DriftColumn.of(c.column(), c.kind()))
                        .toList();
        List<ColumnDistribution> distributions =
                optional(
                                Part.DISTRIBUTIONS,
                                notes,
                                () -> counts.counts(model, reference, current, columns))
                        .map(l -> l.stream().map(Binning::of).toList())
                        .orElse(List.of());

        Optional<PerformanceReport> performance = performance(monitor, request, current, notes);

        Optional<OutlierSummary> outliers =
                optional(
                        Part.OUTLIERS,
                        notes,
                        () ->
                                monitor.outliers(
                                        Optional.of(model),
                                        reference,
                                        current,
                                        request.outliers()));

        Optional<QualityReport> quality =
                optional(
                                Part.QUALITY,
                                notes,
                                () -> monitor.quality(Optional.of(model), reference, current))
                        .flatMap(q -> q);
        if (quality.isEmpty() && notes.stream().noneMatch(n -> n.part() == Part.QUALITY)) {
            notes.add(
                    new Note(
                            Part.QUALITY,
                            "data quality is checked against a dataset version; the reference here is not one (%s)"
                                    .formatted(drift.reference())));
        }

        Optional<Latency> latency =
                optional(Part.LATENCY, notes, () -> monitor.latencyMillis(current))
                        .flatMap(l -> l)
                        .map(l -> new Latency(l[0], l[1]));
        if (latency.isEmpty() && notes.stream().noneMatch(n -> n.part() == Part.LATENCY)) {
            notes.add(new Note(Part.LATENCY, "the log holds no request latencies"));
        }

        List<AlertRecord> history =
                optional(
                                Part.ALERTS,
                                notes,
                                () ->
                                        alerts.query(
                                                Optional.of(model),
                                                request.range().from(),
                                                ALERT_LIMIT))
                        .orElse(List.of());

        return new MonitoringReport(
                model,
                now,
                request.range(),
                request.window(),
                drift,
                distributions,
                performance,
                outliers,
                quality,
                latency,
                history,
                notes);
    }

    private static Optional<PerformanceReport> performance(
            Monitor monitor, ReportRequest request, CurrentData current, List<Note> notes) {
        String model = request.model();
        Optional<Long> labels = optional(Part.PERFORMANCE, notes, () -> monitor.labelCount(model));
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        if (labels.get() == 0) {
            notes.add(
                    new Note(
                            Part.PERFORMANCE,
                            ("model %s has no labels yet, so its realized performance is unknown. Add the true outcomes,"
                                            + " keyed by %s: slipway monitor labels FILE --model %s (a CSV, Parquet or JSON-lines file"
                                            + " with columns %s and %s), or POST /api/v1/models/%s/labels")
                                    .formatted(
                                            model,
                                            LabelOptions.REQUEST_ID,
                                            model,
                                            LabelOptions.REQUEST_ID,
                                            LabelOptions.LABEL,
                                            model)));
            return Optional.empty();
        }
        Optional<PerformanceReport> r =
                optional(
                        Part.PERFORMANCE,
                        notes,
                        () ->
                                monitor.performance(
                                        model, current, request.window(), LabelOptions.REQUEST_ID));
        if (r.isPresent() && r.get().labelled() == 0) {
            notes.add(
                    new Note(
                            Part.PERFORMANCE,
                            "none of the %d labels of model %s matches a prediction in this range"
                                    .formatted(labels.get(), model)));
        }
        return r;
    }

    /** The value of {@code part}, or empty with a note when it fails. */
    private static <T> Optional<T> optional(Part part, List<Note> notes, Supplier<T> compute) {
        try {
            return Optional.of(compute.get());
        } catch (SlipwayException e) {
            notes.add(new Note(part, e.getMessage()));
            return Optional.empty();
        }
    }
}
