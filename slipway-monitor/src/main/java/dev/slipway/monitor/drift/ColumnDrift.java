package dev.slipway.monitor.drift;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The drift verdict for one column.
 *
 * @param column the column's name
 * @param kind whether it was compared as numbers or labels
 * @param method the method that decided
 * @param score the method's score: the p-value for p-value tests, else the distance
 * @param threshold the threshold the score was compared with
 * @param drifted the verdict ({@link DriftMethod#drifted})
 * @param pValue the p-value, for p-value tests only
 * @param effectSize how large the difference is, whatever the sample size: KS D, Cramér's V for
 *     chi-square, |Cohen's h| for the Z-test ({@link DriftMethod#effectSizeName()}); for distances,
 *     the distance itself
 * @param nRef reference values compared (missing values left out)
 * @param nCur current values compared (missing values left out)
 * @param nUnique distinct values of reference and current together
 */
public record ColumnDrift(
        String column,
        ColumnKind kind,
        DriftMethod method,
        double score,
        double threshold,
        boolean drifted,
        OptionalDouble pValue,
        double effectSize,
        long nRef,
        long nCur,
        int nUnique) {
    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pValue, "pValue");
        if (pValue.isPresent() != method.isPValue()) {
            throw new IllegalArgumentException(
                    "column '%s': %s %s a p-value"
                            .formatted(
                                    column,
                                    method.label(),
                                    method.isPValue() ? "needs" : "does not have"));
        }
    }
}
