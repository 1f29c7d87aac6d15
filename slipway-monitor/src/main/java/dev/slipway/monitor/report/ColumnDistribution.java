package dev.slipway.monitor.report;

import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.ColumnKind;
import java.util.List;
import java.util.Objects;

/**
 * One column's values in the reference and the current data, as a few bins for a chart: equal-width
 * ranges of numbers (one bin per value when there are few), or the most frequent categories with
 * the rest together. Missing values are not counted. Immutable.
 *
 * @param column the column
 * @param kind numbers or categories
 * @param nRef the reference values counted
 * @param nCur the current values counted
 * @param bins the bins, in value order for numbers and most frequent first for categories
 */
public record ColumnDistribution(
        String column, ColumnKind kind, long nRef, long nCur, List<Bin> bins) {

    public ColumnDistribution {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        bins = List.copyOf(bins);
    }

    /**
     * The distribution of {@code counts} as a chart shows it: numbers in at most 20 equal-width
     * bins with the same edges for both sides (one bin per value when there are few), categories
     * most frequent on either side first, at most 12 (the rest together as one).
     */
    public static ColumnDistribution of(ColumnCounts counts) {
        return Binning.of(counts);
    }

    /** The share of the reference values in {@code bin} (0 when there are none). */
    public double referenceShare(Bin bin) {
        return nRef == 0 ? 0 : (double) bin.reference() / nRef;
    }

    /** The share of the current values in {@code bin} (0 when there are none). */
    public double currentShare(Bin bin) {
        return nCur == 0 ? 0 : (double) bin.current() / nCur;
    }

    /**
     * One bin.
     *
     * @param label what it holds, e.g. {@code [20, 25)}, {@code Private} or {@code 12 other values}
     * @param reference the reference values in it
     * @param current the current values in it
     */
    public record Bin(String label, long reference, long current) {
        public Bin {
            Objects.requireNonNull(label, "label");
            if (reference < 0 || current < 0) {
                throw new IllegalArgumentException(
                        "bin '%s' has %d reference and %d current values"
                                .formatted(label, reference, current));
            }
        }
    }
}
