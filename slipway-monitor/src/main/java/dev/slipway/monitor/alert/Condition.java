package dev.slipway.monitor.alert;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What makes an alert rule fire: one of a closed set of checks on a window's {@link Observations}.
 *
 * <p>Immutable. Each kind has a name in the rules file ({@link #kind()}) and a description in words
 * ({@link #describe()}), used in messages and in the history.
 */
public sealed interface Condition {

    /** The kind's name in the rules file, e.g. {@code dataset_drift}. */
    String kind();

    /** The condition in words, e.g. {@code metric auc below 0.8}. */
    String describe();

    /**
     * Fires when the share of drifted columns is at least {@code shareAtLeast}.
     *
     * @param shareAtLeast between 0 and 1
     */
    record DatasetDrift(double shareAtLeast) implements Condition {
        public DatasetDrift {
            requireBetween(shareAtLeast, 0, 1, "share_at_least");
        }

        @Override
        public String kind() {
            return "dataset_drift";
        }

        @Override
        public String describe() {
            return "dataset drift share at least " + Numbers.format(shareAtLeast);
        }
    }

    /**
     * Fires when a column's drift test says it drifted, or, when {@code scoreAtLeast} is given,
     * when its drift score (higher meaning more drift: the effect size or distance, see {@link
     * Observations.DriftVerdict}) is at least that.
     *
     * @param column the column's name
     * @param scoreAtLeast the bound on the drift score; empty to go by the drift verdict
     */
    record ColumnDrift(String column, OptionalDouble scoreAtLeast) implements Condition {
        public ColumnDrift {
            requireName(column, "column");
            Objects.requireNonNull(scoreAtLeast, "scoreAtLeast");
            scoreAtLeast.ifPresent(s -> requireFinite(s, "score_at_least"));
        }

        @Override
        public String kind() {
            return "column_drift";
        }

        @Override
        public String describe() {
            return scoreAtLeast.isPresent()
                    ? "column %s drift score at least %s"
                            .formatted(column, Numbers.format(scoreAtLeast.getAsDouble()))
                    : "column %s drifted".formatted(column);
        }
    }

    /**
     * Fires when a realized metric (from labelled predictions) crosses a bound: falls below it for
     * a score such as {@code auc} or {@code accuracy}, rises above it for an error such as {@code
     * rmse}.
     *
     * @param metric the metric's name as the performance code reports it, e.g. {@code auc}
     * @param direction whether the rule fires below or above the bound
     * @param bound the bound, strict: a value equal to it does not fire
     * @param minLabelledRows fewer labelled rows than this in the window count as no data; at least
     *     1
     */
    record MetricBound(String metric, Direction direction, double bound, long minLabelledRows)
            implements Condition {
        public MetricBound {
            requireName(metric, "metric");
            Objects.requireNonNull(direction, "direction");
            requireFinite(bound, direction.label());
            if (minLabelledRows < 1) {
                throw new IllegalArgumentException(
                        "min_labelled_rows must be at least 1, not " + minLabelledRows);
            }
        }

        @Override
        public String kind() {
            return "metric";
        }

        @Override
        public String describe() {
            return "metric %s %s %s".formatted(metric, direction.label(), Numbers.format(bound));
        }

        /** Which side of the bound fires. */
        public enum Direction {
            /** Fires when the metric is below the bound: for scores, where higher is better. */
            BELOW,
            /** Fires when the metric is above the bound: for errors, where lower is better. */
            ABOVE;

            /** The field name in the rules file: {@code below} or {@code above}. */
            public String label() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * Fires when the share of null values in a column is above {@code above}.
     *
     * @param column the column's name
     * @param above between 0 and 1, strict
     */
    record NullRate(String column, double above) implements Condition {
        public NullRate {
            requireName(column, "column");
            requireBetween(above, 0, 1, "above");
        }

        @Override
        public String kind() {
            return "null_rate";
        }

        @Override
        public String describe() {
            return "column %s null rate above %s".formatted(column, Numbers.format(above));
        }
    }

    /**
     * Fires when the share of requests answered with an error is above {@code above}.
     *
     * @param above between 0 and 1, strict
     */
    record ErrorRate(double above) implements Condition {
        public ErrorRate {
            requireBetween(above, 0, 1, "above");
        }

        @Override
        public String kind() {
            return "error_rate";
        }

        @Override
        public String describe() {
            return "error rate above " + Numbers.format(above);
        }
    }

    /**
     * Fires when the 99th percentile of request latency is above {@code aboveMillis}.
     *
     * @param aboveMillis milliseconds, positive, strict
     */
    record LatencyP99(double aboveMillis) implements Condition {
        public LatencyP99 {
            requireFinite(aboveMillis, "above_ms");
            if (aboveMillis <= 0) {
                throw new IllegalArgumentException(
                        "above_ms must be positive, not " + Numbers.format(aboveMillis));
            }
        }

        @Override
        public String kind() {
            return "latency_p99";
        }

        @Override
        public String describe() {
            return "p99 latency above %s ms".formatted(Numbers.format(aboveMillis));
        }
    }

    private static void requireName(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static void requireFinite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, not " + value);
        }
    }

    private static void requireBetween(double value, double min, double max, String field) {
        requireFinite(value, field);
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "%s must be between %s and %s, not %s"
                            .formatted(
                                    field,
                                    Numbers.format(min),
                                    Numbers.format(max),
                                    Numbers.format(value)));
        }
    }
}
