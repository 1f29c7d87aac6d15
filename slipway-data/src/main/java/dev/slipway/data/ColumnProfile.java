package dev.slipway.data;

import dev.slipway.api.data.Category;
import dev.slipway.api.data.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The statistics of one column of a dataset version. Immutable.
 *
 * <p>Which parts are present follows from the type: numeric and integer columns have a {@link
 * NumericSummary} and a {@link Histogram} of their finite values; timestamp columns have a {@link
 * TimeSummary} and a histogram over epoch seconds (UTC); categorical, boolean ({@code "true"} and
 * {@code "false"}) and text columns have their most frequent values in {@code top}. A column
 * without a non-null value (or, for numbers, without a finite value) has no histogram.
 *
 * @param name the column name
 * @param type the column's logical type
 * @param count how many values are not null (NaN and infinities count as values)
 * @param nulls how many values are null
 * @param distinct how many distinct non-null values there are, exactly (NaN counts as one value)
 * @param numeric the numeric statistics, for numeric and integer columns with a value
 * @param time the time range, for timestamp columns with a value
 * @param top for categorical, boolean and text columns, the 10 most frequent values, most frequent
 *     first, ties in order of value; otherwise empty
 * @param histogram the histogram, for numeric, integer and timestamp columns; its counts add up to
 *     {@code count} minus the non-finite values (DuckDB's infinite timestamps, which are also left
 *     out of the time range, are not counted apart)
 */
public record ColumnProfile(
        String name,
        LogicalType type,
        long count,
        long nulls,
        long distinct,
        Optional<NumericSummary> numeric,
        Optional<TimeSummary> time,
        List<Category> top,
        Optional<Histogram> histogram) {
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(numeric, "numeric");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(histogram, "histogram");
        top = List.copyOf(top);
        if (count < 0 || nulls < 0 || distinct < 0 || distinct > count) {
            throw new IllegalArgumentException(
                    "column '%s': counts must be >= 0 and distinct <= count, got count %d, nulls %d, distinct %d"
                            .formatted(name, count, nulls, distinct));
        }
        boolean numbers =
                switch (type) {
                    case NUMERIC, INTEGER -> true;
                    case TIMESTAMP, CATEGORICAL, BOOLEAN, TEXT -> false;
                };
        boolean times = type == LogicalType.TIMESTAMP;
        List<String> misplaced = new ArrayList<>();
        if (numeric.isPresent() && !numbers) {
            misplaced.add("a numeric summary");
        }
        if (time.isPresent() && !times) {
            misplaced.add("a time summary");
        }
        if (histogram.isPresent() && !numbers && !times) {
            misplaced.add("a histogram");
        }
        if (!top.isEmpty() && (numbers || times)) {
            misplaced.add("top values");
        }
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(
                    "column '%s' of type %s cannot have %s"
                            .formatted(name, type.label(), String.join(" or ", misplaced)));
        }
        long finite = count - numeric.map(NumericSummary::nonFinite).orElse(0L);
        long total = histogram.map(Histogram::total).orElse(finite);
        if (times ? total > count : total != finite) {
            throw new IllegalArgumentException(
                    "column '%s': histogram counts add up to %d, expected %d (the finite values)"
                            .formatted(name, total, finite));
        }
    }
}
