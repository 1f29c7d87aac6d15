package dev.slipway.api.model;

import java.util.BitSet;
import java.util.Objects;

/** A column of {@code long} values ({@link DType#INT64}); see {@link Column}. */
public record LongColumn(String name, int width, long[] values, BitSet nulls) implements Column {

    public LongColumn {
        Objects.requireNonNull(values, "values");
        Column.checkShape(name, width, values.length, nulls);
    }

    /** A table column (width 1) with no missing rows. */
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, 1, values, new BitSet());
    }

    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public int rows() {
        return values.length / width;
    }

    /** The value of a table column at {@code row}. */
    public long get(int row) {
        return values[row * width];
    }

    /** The value at position {@code index} of row {@code row}. */
    public long get(int row, int index) {
        return values[row * width + index];
    }

    @Override
    public LongColumn renamed(String newName) {
        return new LongColumn(newName, width, values, nulls);
    }
}
