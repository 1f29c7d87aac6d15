package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.BitSet;
import java.util.Objects;

/**
 * A column of strings ({@link DType#STRING}); see {@link Column}. The array holds no nulls: a
 * missing row is marked in {@link #nulls()} and holds the empty string.
 */
public record StringColumn(String name, int width, String[] values, BitSet nulls)
        implements Column {

    public StringColumn {
        Objects.requireNonNull(values, "values");
        Column.checkShape(name, width, values.length, nulls);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw InvalidInputException.of(
                        name,
                        "column '%s' holds null at position %d; mark missing rows in the null mask (StringColumn.ofNullable does this)"
                                .formatted(name, i));
            }
        }
    }

    /** A table column (width 1) with no missing rows. */
    public static StringColumn of(String name, String... values) {
        return new StringColumn(name, 1, values, new BitSet());
    }

    /** A table column (width 1) where a null element is a missing row; the array is copied. */
    public static StringColumn ofNullable(String name, String... values) {
        String[] copy = values.clone();
        BitSet nulls = new BitSet();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                nulls.set(i);
                copy[i] = "";
            }
        }
        return new StringColumn(name, 1, copy, nulls);
    }

    @Override
    public DType dtype() {
        return DType.STRING;
    }

    @Override
    public int rows() {
        return values.length / width;
    }

    /** The value of a table column at {@code row} (the empty string when the row is missing). */
    public String get(int row) {
        return values[row * width];
    }

    @Override
    public StringColumn renamed(String newName) {
        return new StringColumn(newName, width, values, nulls);
    }
}
