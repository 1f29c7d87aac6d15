package dev.slipway.api.model;

import java.util.BitSet;
import java.util.Objects;

/** A column of {@code boolean} values ({@link DType#BOOL}); see {@link Column}. */
public record BoolColumn(String name, int width, boolean[] values, BitSet nulls) implements Column {

    public BoolColumn {
        Objects.requireNonNull(values, "values");
        Column.checkShape(name, width, values.length, nulls);
    }

    /** A table column (width 1) with no missing rows. */
    public static BoolColumn of(String name, boolean... values) {
        return new BoolColumn(name, 1, values, new BitSet());
    }

    @Override
    public DType dtype() {
        return DType.BOOL;
    }

    @Override
    public int rows() {
        return values.length / width;
    }

    /** The value of a table column at {@code row}. */
    public boolean get(int row) {
        return values[row * width];
    }

    /** The value at position {@code index} of row {@code row}. */
    public boolean get(int row, int index) {
        return values[row * width + index];
    }

    @Override
    public BoolColumn renamed(String newName) {
        return new BoolColumn(newName, width, values, nulls);
    }
}
