package dev.slipway.data;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Collects one column of a chunk, value by value, from {@link BatchCells#convert converted} values.
 * Setting a row again overwrites it, missing mark included. A missing value is a null row of a
 * table column (NaN too in floating-point columns); in a wider column only floating-point positions
 * can be missing, as NaN.
 */
final class BatchColumn {

    private final String name;
    private final DType dtype;
    private final int width;
    private final BitSet nulls = new BitSet();
    private double[] doubles;
    private float[] floats;
    private long[] longs;
    private boolean[] flags;
    private String[] strings;

    BatchColumn(String name, DType dtype, int width, int capacity) {
        this.name = name;
        this.dtype = dtype;
        this.width = width;
        int n = Math.multiplyExact(capacity, width);
        switch (dtype) {
            case FP64 -> doubles = new double[n];
            case FP32 -> floats = new float[n];
            case INT64 -> longs = new long[n];
            case BOOL -> flags = new boolean[n];
            case STRING -> strings = new String[n];
        }
    }

    /** Sets position {@code pos} of row {@code row}; {@code v} is null when missing. */
    void set(int row, int pos, Object v) {
        int at = row * width + pos;
        boolean missing = v == null || (v instanceof Double d && d.isNaN());
        if (width == 1) {
            nulls.set(row, missing);
        }
        switch (dtype) {
            case FP64 -> doubles[at] = missing ? Double.NaN : (Double) v;
            case FP32 -> floats[at] = missing ? Float.NaN : ((Double) v).floatValue();
            case INT64 -> longs[at] = missing ? 0 : (Long) v;
            case BOOL -> flags[at] = !missing && (Boolean) v;
            case STRING -> strings[at] = missing ? "" : (String) v;
        }
    }

    /** The column of the first {@code rows} rows set. */
    Column build(int rows) {
        int n = rows * width;
        BitSet mask = nulls.get(0, rows);
        return switch (dtype) {
            case FP64 -> new DoubleColumn(name, width, Arrays.copyOf(doubles, n), mask);
            case FP32 -> new FloatColumn(name, width, Arrays.copyOf(floats, n), mask);
            case INT64 -> new LongColumn(name, width, Arrays.copyOf(longs, n), mask);
            case BOOL -> new BoolColumn(name, width, Arrays.copyOf(flags, n), mask);
            case STRING -> new StringColumn(name, width, Arrays.copyOf(strings, n), mask);
        };
    }
}
