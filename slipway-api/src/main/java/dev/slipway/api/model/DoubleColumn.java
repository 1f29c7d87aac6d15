package dev.slipway.api.model;

import java.util.BitSet;
import java.util.Objects;

/** A column of {@code double} values ({@link DType#FP64}); see {@link Column}. */
public record DoubleColumn(String name, int width, double[] values, BitSet nulls)
        implements Column {

    public DoubleColumn {
        Objects.requireNonNull(values, "values");
        Column.checkShape(name, width, values.length, nulls);
    }

    /** A table column (width 1) with no missing rows. */
    public static DoubleColumn of(String name, double... values) {
        return new DoubleColumn(name, 1, values, new BitSet());
    }

    @Override
    public DType dtype() {
        return DType.FP64;
    }

    @Override
    public int rows() {
        return values.length / width;
    }

    /** The value of a table column at {@code row}. */
    public double get(int row) {
        return values[row * width];
    }

    /** The value at position {@code index} of row {@code row}. */
    public double get(int row, int index) {
        return values[row * width + index];
    }

    @Override
    public DoubleColumn renamed(String newName) {
        return new DoubleColumn(newName, width, values, nulls);
    }
}
