package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which method and threshold decide each column's drift, and what share of drifted columns makes
 * the dataset drift. Immutable; built with {@link #builder()}.
 *
 * <p>A method or threshold given for a column wins over one given for its kind, which wins over one
 * given for all columns; without any, the column gets {@linkplain Drift#defaultMethod the default
 * method} and the method's {@linkplain DriftMethod#defaultThreshold default threshold}. Method and
 * threshold are resolved separately, as in Evidently.
 */
public final class DriftOptions {

    /** Evidently's default: the dataset drifts when at least half of its columns drift. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    private static final DriftOptions DEFAULTS = builder().build();

    private final Optional<DriftMethod> method;
    private final OptionalDouble threshold;
    private final Map<ColumnKind, DriftMethod> kindMethods;
    private final Map<ColumnKind, Double> kindThresholds;
    private final Map<String, DriftMethod> columnMethods;
    private final Map<String, Double> columnThresholds;
    private final double driftShare;

    private DriftOptions(Builder b) {
        this.method = b.method;
        this.threshold = b.threshold;
        this.kindMethods = Map.copyOf(b.kindMethods);
        this.kindThresholds = Map.copyOf(b.kindThresholds);
        this.columnMethods = Map.copyOf(b.columnMethods);
        this.columnThresholds = Map.copyOf(b.columnThresholds);
        this.driftShare = b.driftShare;
    }

    /** No overrides; dataset drift share 0.5. */
    public static DriftOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with no overrides and drift share 0.5. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The method chosen for {@code column} of {@code kind}, if any: column, then kind, then all.
     */
    public Optional<DriftMethod> methodFor(String column, ColumnKind kind) {
        DriftMethod m = columnMethods.get(column);
        if (m == null) {
            m = kindMethods.get(kind);
        }
        return m != null ? Optional.of(m) : method;
    }

    /**
     * The threshold chosen for {@code column} of {@code kind}, if any: column, then kind, then all.
     */
    public OptionalDouble thresholdFor(String column, ColumnKind kind) {
        Double t = columnThresholds.get(column);
        if (t == null) {
            t = kindThresholds.get(kind);
        }
        return t != null ? OptionalDouble.of(t) : threshold;
    }

    /** The share of drifted columns at or above which the dataset drifts, in [0, 1]. */
    public double driftShare() {
        return driftShare;
    }

    @Override
    public String toString() {
        return "DriftOptions[method=%s, threshold=%s, kindMethods=%s, kindThresholds=%s, columnMethods=%s, columnThresholds=%s, driftShare=%s]"
                .formatted(
                        method,
                        threshold,
                        kindMethods,
                        kindThresholds,
                        columnMethods,
                        columnThresholds,
                        driftShare);
    }

    /** Collects overrides; a later call for the same target replaces the earlier one. */
    public static final class Builder {
        private Optional<DriftMethod> method = Optional.empty();
        private OptionalDouble threshold = OptionalDouble.empty();
        private final Map<ColumnKind, DriftMethod> kindMethods = new EnumMap<>(ColumnKind.class);
        private final Map<ColumnKind, Double> kindThresholds = new EnumMap<>(ColumnKind.class);
        private final Map<String, DriftMethod> columnMethods = new LinkedHashMap<>();
        private final Map<String, Double> columnThresholds = new LinkedHashMap<>();
        private double driftShare = DEFAULT_DRIFT_SHARE;

        private Builder() {}

        /** The method for all columns without a column or kind override. */
        public Builder method(DriftMethod m) {
            this.method = Optional.of(Objects.requireNonNull(m, "method"));
            return this;
        }

        /** The method for columns of {@code kind} without a column override. */
        public Builder method(ColumnKind kind, DriftMethod m) {
            kindMethods.put(
                    Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(m, "method"));
            return this;
        }

        /** The method for {@code column}. */
        public Builder method(String column, DriftMethod m) {
            columnMethods.put(
                    Objects.requireNonNull(column, "column"), Objects.requireNonNull(m, "method"));
            return this;
        }

        /** The threshold for all columns without a column or kind override. */
        public Builder threshold(double t) {
            this.threshold = OptionalDouble.of(check(t, "all columns"));
            return this;
        }

        /** The threshold for columns of {@code kind} without a column override. */
        public Builder threshold(ColumnKind kind, double t) {
            kindThresholds.put(
                    Objects.requireNonNull(kind, "kind"), check(t, kind.label() + " columns"));
            return this;
        }

        /** The threshold for {@code column}. */
        public Builder threshold(String column, double t) {
            columnThresholds.put(
                    Objects.requireNonNull(column, "column"), check(t, "column '" + column + "'"));
            return this;
        }

        /**
         * The share of drifted columns at or above which the dataset drifts, in [0, 1].
         *
         * @throws InvalidInputException when {@code share} is outside [0, 1]
         */
        public Builder driftShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw InvalidInputException.of(
                        "drift options",
                        "the dataset drift share must be between 0 and 1 (a share of columns), got "
                                + share);
            }
            this.driftShare = share;
            return this;
        }

        /** The options collected so far. */
        public DriftOptions build() {
            return new DriftOptions(this);
        }

        private static double check(double t, String target) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw InvalidInputException.of(
                        "drift options",
                        "the drift threshold for %s must be a finite number >= 0, got %s"
                                .formatted(target, t));
            }
            return t;
        }
    }
}
