package dev.slipway.api.model;

import java.util.BitSet;
import java.util.Objects;

/** A column of {@code float} values ({@link DType#FP32}); see {@link Column}. */
public record FloatColumn(String name, int width, float[] values, BitSet nulls) implements Column {

    public FloatColumn {
        Objects.requireNonNull(values, "values");
        Column.checkShape(name, width, values.length, nulls);
    }

    /** A table column (width 1) with no missing rows. */
    public static FloatColumn of(String name, float... values) {
        return new FloatColumn(name, 1, values, new BitSet());
    }

    @Override
    public DType dtype() {
        return DType.FP32;
    }

    @Override
    public int rows() {
        return values.length / width;
    }

    /** The value of a table column at {@code row}. */
    public float get(int row) {
        return values[row * width];
    }

    /** The value at position {@code index} of row {@code row}. */
    public float get(int row, int index) {
        return values[row * width + index];
    }

    @Override
    public FloatColumn renamed(String newName) {
        return new FloatColumn(newName, width, values, nulls);
    }
}
