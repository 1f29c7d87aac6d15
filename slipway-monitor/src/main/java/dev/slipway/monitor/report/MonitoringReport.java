package dev.slipway.monitor.report;

import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.window.WindowSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's monitoring report: everything the monitor knows about a range of its prediction log,
 * computed at one instant. Immutable. Built by {@link Reports#build}; written by {@link ReportJson}
 * and {@link ReportHtml}.
 *
 * @param model the model
 * @param generatedAt when the report was computed
 * @param range the rows of the log reported on
 * @param window how the log was cut for the series over time
 * @param drift the drift of the inputs (and outputs) against the reference, overall and per window
 * @param distributions per drift column, in the drift report's order, its values in the reference
 *     and in the log as bins (numbers) or categories; a column whose counts could not be made is
 *     left out with a note
 * @param performance the realized performance from the model's labels; empty when it has none (then
 *     a {@link Part#PERFORMANCE} note says how to add them) or it failed
 * @param outliers the outlier scores of the log's rows against the reference; empty when they
 *     failed
 * @param quality the data quality against the reference dataset version; empty when the reference
 *     is not a dataset version or the check failed
 * @param latency the latency of the answered requests; empty when the log has none
 * @param alerts the alert notifications for the model since the start of the range, newest first,
 *     at most {@value Reports#ALERT_LIMIT}
 * @param notes why a part is missing or partial, in words; a failing optional part is a note, not a
 *     failure of the report
 */
public record MonitoringReport(
        String model,
        Instant generatedAt,
        Range range,
        WindowSpec window,
        DriftReport drift,
        List<ColumnDistribution> distributions,
        Optional<PerformanceReport> performance,
        Optional<OutlierSummary> outliers,
        Optional<QualityReport> quality,
        Optional<Latency> latency,
        List<AlertRecord> alerts,
        List<Note> notes) {

    public MonitoringReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(drift, "drift");
        distributions = List.copyOf(distributions);
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(outliers, "outliers");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(latency, "latency");
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
    }

    /** The notes about {@code part}, in order. */
    public List<String> notes(Part part) {
        return notes.stream().filter(n -> n.part() == part).map(Note::message).toList();
    }

    /**
     * The latency of answered requests, in milliseconds.
     *
     * @param p50Millis the median
     * @param p99Millis the 99th percentile
     */
    public record Latency(double p50Millis, double p99Millis) {}

    /**
     * Why a part of the report is missing or partial.
     *
     * @param part the part
     * @param message what happened and, where it helps, what to do
     */
    public record Note(Part part, String message) {
        public Note {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The parts of a report, for notes. */
    public enum Part {
        /** Drift, overall and per window. */
        DRIFT,
        /** Per-column distributions. */
        DISTRIBUTIONS,
        /** Realized performance. */
        PERFORMANCE,
        /** Outlier scores. */
        OUTLIERS,
        /** Data quality. */
        QUALITY,
        /** Latency. */
        LATENCY,
        /** Alert history. */
        ALERTS;

        /** The lower-case name used in JSON, e.g. {@code performance}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
