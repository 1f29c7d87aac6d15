package dev.slipway.monitor.report;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.outlier.OutlierOptions;
import dev.slipway.monitor.window.WindowSpec;
import java.util.Objects;

/**
 * What a monitoring report covers: a model's prediction log over a range, compared with a
 * reference, cut into windows. Immutable; start from {@link #of(String)} and change one setting at
 * a time with the {@code with...} methods.
 *
 * @param model the model whose prediction log is reported on
 * @param reference what the log is compared with (default: the model's training data)
 * @param range the rows of the log reported on (default: all)
 * @param window how the log is cut for the series over time (default: {@code 1d})
 * @param drift drift methods, thresholds and the dataset drift share (default: Evidently's choice)
 * @param outliers how rows are scored as outliers (default: outside the reference's 1% to 99%)
 */
public record ReportRequest(
        String model,
        ReferenceData reference,
        Range range,
        WindowSpec window,
        DriftOptions drift,
        OutlierOptions outliers) {

    /** The default window: one day. */
    public static final String DEFAULT_WINDOW = "1d";

    public ReportRequest {
        Objects.requireNonNull(model, "model");
        if (!ModelRef.NAME.matcher(model).matches()) {
            throw InvalidInputException.of(
                    "--model",
                    "'%s' is not a model name (letters, digits, '.', '_' or '-'); give the name of a registered model, e.g. adult-income"
                            .formatted(model));
        }
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(outliers, "outliers");
    }

    /** The report of {@code model}'s whole log against its training data, by day. */
    public static ReportRequest of(String model) {
        return new ReportRequest(
                model,
                new ReferenceData.Training(),
                Range.all(),
                WindowSpec.parse(DEFAULT_WINDOW),
                DriftOptions.defaults(),
                OutlierOptions.defaults());
    }

    /** This request with another reference. */
    public ReportRequest withReference(ReferenceData r) {
        return new ReportRequest(model, r, range, window, drift, outliers);
    }

    /** This request over another range of the log. */
    public ReportRequest withRange(Range r) {
        return new ReportRequest(model, reference, r, window, drift, outliers);
    }

    /** This request with other windows. */
    public ReportRequest withWindow(WindowSpec w) {
        return new ReportRequest(model, reference, range, w, drift, outliers);
    }

    /** This request with other drift options. */
    public ReportRequest withDrift(DriftOptions d) {
        return new ReportRequest(model, reference, range, window, d, outliers);
    }

    /** This request with other outlier options. */
    public ReportRequest withOutliers(OutlierOptions o) {
        return new ReportRequest(model, reference, range, window, drift, o);
    }
}
