package dev.slipway.monitor;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Observations;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.quality.ColumnQuality;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.window.WindowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the {@link Observations} the alert rules are checked against, from one window of a model's
 * prediction log: the one place where the CLI ({@code slipway monitor check}) and the server's
 * scheduled checks turn the log into numbers, so that both fire on the same values.
 *
 * <p>Over the log rows whose time is in {@code [window.start, window.end)} it observes:
 *
 * <ul>
 *   <li>the dataset drift share and each input column's drift verdict against the reference, with
 *       the default methods and thresholds; a column's score is its effect size ({@link
 *       ColumnDrift#effectSize()}), higher meaning more drift;
 *   <li>the realized metrics and the labelled rows behind them, when the model has labels;
 *   <li>each input's null rate: from the data quality check when the reference is a dataset version
 *       (the training data included), else counted in the log;
 *   <li>the p99 latency of the logged requests;
 *   <li>the error rate the caller gives (the server counts errors; the log holds only answers).
 * </ul>
 *
 * A window with no logged rows (or a model with no log yet) observes nothing but the given error
 * rate, so that rules say "no data". When the window's rows cannot be compared with the reference
 * (an input with no value at all in the window), drift is computed without the inputs that have no
 * value, or not observed when that is not possible either; the null rates still show the gap. Wrong
 * references (an unknown dataset, an unreadable file, a model Slipway did not train when the
 * training data is the reference) are errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class Observe {

    private Observe() {}

    /**
     * What the rules need for {@code model} in {@code window}.
     *
     * @param reference what the window's inputs are compared with ({@link ReferenceData.Training}
     *     for the model's training data)
     * @param errorRate the share of requests answered with an error in the window, when known
     * @throws InvalidInputException when the reference cannot be read or does not fit the log, or
     *     the labels do not fit the model
     * @throws dev.slipway.api.NotFoundException when the model or the reference dataset is unknown
     * @throws StoreException when the log cannot be read
     */
    public static Observations observe(
            Monitor monitor,
            String model,
            AlertWindow window,
            ReferenceData reference,
            OptionalDouble errorRate) {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(errorRate, "errorRate");
        Observations.Builder b = Observations.builder(model, window);
        errorRate.ifPresent(b::errorRate);
        CurrentData current =
                new CurrentData.Log(model, Range.between(window.start(), window.end()));
        Monitor.RowCounts scan = monitor.rowCounts(current);
        if (scan.rows() == 0) {
            return b.build();
        }

        Map<String, Double> nullRates = nullRates(monitor, model, reference, current, scan);
        nullRates.forEach(b::nullRate);
        drift(monitor, model, reference, current, nullRates)
                .ifPresent(
                        d -> {
                            b.datasetDriftShare(d.data().share());
                            for (ColumnDrift c : d.data().columns()) {
                                b.columnDrift(c.column(), c.drifted(), c.effectSize());
                            }
                        });
        if (monitor.labelCount(model) > 0) {
            PerformanceReport p =
                    monitor.performance(
                            model,
                            current,
                            new WindowSpec.Span(WindowSpec.Span.MAX),
                            PredictionLogs.REQUEST_ID);
            p.metrics().forEach((name, value) -> b.metric(name, value, p.labelled()));
        }
        monitor.latencyMillis(current)
                .filter(l -> Double.isFinite(l[1]) && l[1] >= 0)
                .ifPresent(l -> b.latencyP99Millis(l[1]));
        return b.build();
    }

    /** Each input's null rate in the window. */
    private static Map<String, Double> nullRates(
            Monitor monitor,
            String model,
            ReferenceData reference,
            CurrentData current,
            Monitor.RowCounts scan) {
        Optional<QualityReport> quality = monitor.quality(Optional.of(model), reference, current);
        Map<String, Double> rates = new LinkedHashMap<>();
        if (quality.isPresent()) {
            for (ColumnQuality c : quality.get().columns()) {
                rates.put(c.column(), c.nullRate());
            }
        } else {
            rates.putAll(scan.inputNullRates());
        }
        return rates;
    }

    /**
     * The drift of the window's inputs; when an input has no value in the window, the drift of the
     * others, or empty when that cannot be computed either.
     */
    private static Optional<DriftReport> drift(
            Monitor monitor,
            String model,
            ReferenceData reference,
            CurrentData current,
            Map<String, Double> nullRates) {
        try {
            return Optional.of(monitor.drift(request(model, reference, current, List.of())));
        } catch (InvalidInputException e) {
            if (!e.source().equals("current")) {
                throw e;
            }
        }
        List<String> withValues = new ArrayList<>();
        nullRates.forEach(
                (column, rate) -> {
                    if (rate < 1) {
                        withValues.add(column);
                    }
                });
        if (withValues.isEmpty() || withValues.size() == nullRates.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(monitor.drift(request(model, reference, current, withValues)));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static DriftRequest request(
            String model, ReferenceData reference, CurrentData current, List<String> columns) {
        return new DriftRequest(
                Optional.of(model),
                reference,
                current,
                columns,
                DriftOptions.defaults(),
                Optional.empty());
    }
}
