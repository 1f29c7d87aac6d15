package dev.slipway.monitor.alert;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What was measured for one model in one window, as the alert rules need it. Every measure is
 * optional: a rule whose measure is missing does not fire and reports "no data".
 *
 * <p>Immutable. Build one with {@link #builder(String, AlertWindow)}; the drift and performance
 * code fill in what they computed.
 *
 * @param model the model the numbers are about, 1 to 128 characters
 * @param window the window they cover
 * @param datasetDriftShare the share of columns that drifted, 0 to 1
 * @param columnDrift each column's drift verdict and score, by column name
 * @param metrics realized metrics from labelled predictions, by metric name (e.g. {@code auc})
 * @param nullRates each column's share of null values, 0 to 1, by column name
 * @param errorRate the share of requests answered with an error, 0 to 1
 * @param latencyP99Millis the 99th percentile of request latency in milliseconds
 */
public record Observations(
        String model,
        AlertWindow window,
        OptionalDouble datasetDriftShare,
        Map<String, DriftVerdict> columnDrift,
        Map<String, RealizedMetric> metrics,
        Map<String, Double> nullRates,
        OptionalDouble errorRate,
        OptionalDouble latencyP99Millis) {

    /**
     * @throws IllegalArgumentException when a share is outside 0..1, a latency is negative or a
     *     number is not finite
     */
    public Observations {
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || model.length() > 128) {
            throw new IllegalArgumentException(
                    "a model name is 1 to 128 characters, not '%s'".formatted(model));
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(datasetDriftShare, "datasetDriftShare");
        Objects.requireNonNull(errorRate, "errorRate");
        Objects.requireNonNull(latencyP99Millis, "latencyP99Millis");
        datasetDriftShare.ifPresent(v -> requireShare(v, "dataset drift share"));
        errorRate.ifPresent(v -> requireShare(v, "error rate"));
        latencyP99Millis.ifPresent(
                v -> {
                    if (!Double.isFinite(v) || v < 0) {
                        throw new IllegalArgumentException(
                                "the p99 latency must be a finite number of milliseconds, 0 or more, not "
                                        + v);
                    }
                });
        columnDrift = sorted(columnDrift, "columnDrift");
        metrics = sorted(metrics, "metrics");
        nullRates = sorted(nullRates, "nullRates");
        nullRates.forEach((column, rate) -> requireShare(rate, "null rate of column " + column));
    }

    /** An empty set of observations for {@code model} in {@code window}, to fill in. */
    public static Builder builder(String model, AlertWindow window) {
        return new Builder(model, window);
    }

    /** The drift verdict and score of {@code column}, if measured. */
    public Optional<DriftVerdict> columnDrift(String column) {
        return Optional.ofNullable(columnDrift.get(column));
    }

    /** The realized metric {@code name}, if measured. */
    public Optional<RealizedMetric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** The null rate of {@code column}, if measured. */
    public OptionalDouble nullRate(String column) {
        Double rate = nullRates.get(column);
        return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
    }

    /**
     * A column's drift result.
     *
     * @param drifted whether the column's drift test found drift
     * @param score how far the column moved, higher meaning more drift, finite: give the drift
     *     code's effect size ({@code dev.slipway.monitor.drift.ColumnDrift#effectSize}: the
     *     distance for distance methods, KS D, Cramér's V or |Cohen's h| for tests), never a
     *     p-value, which falls as drift grows
     */
    public record DriftVerdict(boolean drifted, double score) {
        public DriftVerdict {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("a drift score must be finite, not " + score);
            }
        }
    }

    /**
     * A metric computed from the window's labelled predictions.
     *
     * @param value the metric's value; NaN when it could not be computed (e.g. AUC with one class),
     *     which rules treat as no data
     * @param labelledRows how many labelled rows it was computed from, 0 or more
     */
    public record RealizedMetric(double value, long labelledRows) {
        public RealizedMetric {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("a realized metric must not be infinite");
            }
            if (labelledRows < 0) {
                throw new IllegalArgumentException(
                        "the labelled row count must be 0 or more, not " + labelledRows);
            }
        }
    }

    /** Fills in an {@link Observations}; not thread-safe. */
    public static final class Builder {
        private final String model;
        private final AlertWindow window;
        private OptionalDouble datasetDriftShare = OptionalDouble.empty();
        private final Map<String, DriftVerdict> columnDrift = new TreeMap<>();
        private final Map<String, RealizedMetric> metrics = new TreeMap<>();
        private final Map<String, Double> nullRates = new TreeMap<>();
        private OptionalDouble errorRate = OptionalDouble.empty();
        private OptionalDouble latencyP99Millis = OptionalDouble.empty();

        private Builder(String model, AlertWindow window) {
            this.model = Objects.requireNonNull(model, "model");
            this.window = Objects.requireNonNull(window, "window");
        }

        /** Sets the share of drifted columns, 0 to 1. */
        public Builder datasetDriftShare(double share) {
            datasetDriftShare = OptionalDouble.of(share);
            return this;
        }

        /** Sets a column's drift verdict and score. */
        public Builder columnDrift(String column, boolean drifted, double score) {
            columnDrift.put(
                    Objects.requireNonNull(column, "column"), new DriftVerdict(drifted, score));
            return this;
        }

        /** Sets a realized metric and the number of labelled rows behind it. */
        public Builder metric(String name, double value, long labelledRows) {
            metrics.put(
                    Objects.requireNonNull(name, "name"), new RealizedMetric(value, labelledRows));
            return this;
        }

        /** Sets a column's null rate, 0 to 1. */
        public Builder nullRate(String column, double rate) {
            nullRates.put(Objects.requireNonNull(column, "column"), rate);
            return this;
        }

        /** Sets the share of requests answered with an error, 0 to 1. */
        public Builder errorRate(double rate) {
            errorRate = OptionalDouble.of(rate);
            return this;
        }

        /** Sets the 99th percentile of request latency, in milliseconds. */
        public Builder latencyP99Millis(double millis) {
            latencyP99Millis = OptionalDouble.of(millis);
            return this;
        }

        /**
         * The observations.
         *
         * @throws IllegalArgumentException as the {@link Observations} constructor
         */
        public Observations build() {
            return new Observations(
                    model,
                    window,
                    datasetDriftShare,
                    columnDrift,
                    metrics,
                    nullRates,
                    errorRate,
                    latencyP99Millis);
        }
    }

    private static void requireShare(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "the %s must be between 0 and 1, not %s".formatted(what, value));
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        map.forEach(
                (k, v) -> {
                    Objects.requireNonNull(k, "a key of " + name);
                    Objects.requireNonNull(v, name + " of " + k);
                });
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
