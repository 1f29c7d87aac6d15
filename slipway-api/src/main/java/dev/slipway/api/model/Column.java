package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.BitSet;

/**
 * One named column of a {@link Frame}: {@link #rows()} rows of {@link #width()} values each, stored
 * row after row in one array, with a mask of missing rows.
 *
 * <p>A column of width 1 is a table column; a wider one is a 2-D tensor, such as a row of feature
 * values or a row of class probabilities. In floating-point columns NaN is also a missing value.
 * Columns wrap the arrays they are given without copying: do not change an array after building a
 * column on it.
 */
public sealed interface Column
        permits BoolColumn, LongColumn, FloatColumn, DoubleColumn, StringColumn {

    /** The column's name. */
    String name();

    /** The number of values in each row (1 for a table column). */
    int width();

    /** The element type. */
    DType dtype();

    /** The rows that are missing as a whole; never changed by readers. */
    BitSet nulls();

    /** The number of rows. */
    int rows();

    /** Whether row {@code row} is missing. */
    default boolean isNull(int row) {
        return nulls().get(row);
    }

    /** Whether any row is missing. */
    default boolean hasNulls() {
        return !nulls().isEmpty();
    }

    /** The same values under another name. */
    Column renamed(String newName);

    /** Checks the shared invariants; returns the number of rows. */
    static int checkShape(String name, int width, int length, BitSet nulls) {
        if (name == null || name.isEmpty()) {
            throw InvalidInputException.of("column", "a column needs a non-empty name");
        }
        if (width < 1) {
            throw InvalidInputException.of(
                    name,
                    "column '%s' has width %d; the width must be 1 or more".formatted(name, width));
        }
        if (length % width != 0) {
            throw InvalidInputException.of(
                    name,
                    "column '%s' holds %d values, which is not a whole number of rows of %d"
                            .formatted(name, length, width));
        }
        int rows = length / width;
        if (nulls == null || nulls.length() > rows) {
            throw InvalidInputException.of(
                    name,
                    "column '%s' marks row %d missing but has only %d rows"
                            .formatted(name, nulls == null ? -1 : nulls.length() - 1, rows));
        }
        return rows;
    }
}
