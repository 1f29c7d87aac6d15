package dev.slipway.formats.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One input of an ONNX model and how a frame column becomes its tensor: numbers convert to the
 * model's float, double or integer type, and a missing row becomes NaN (floats) or the empty string
 * (strings).
 *
 * @param spec the column the signature shows
 * @param type the tensor's element type
 * @param rank 1 for a {@code [N]} tensor, 2 for {@code [N, width]}
 */
record OnnxInput(ColumnSpec spec, ElementType type, int rank) {

    OnnxInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
        if (rank != 1 && rank != 2) {
            throw new IllegalArgumentException("rank must be 1 or 2, got " + rank);
        }
    }

    /** The tensor for this input from {@code frame}; the caller closes it. */
    OnnxTensor tensor(OrtEnvironment env, Frame frame, String source) throws OrtException {
        String name = spec.name();
        Optional<Column> found = frame.find(name);
        if (found.isEmpty()) {
            throw error(
                    source,
                    "ONNX model '%s' needs column '%s' (%s); the batch has %s. Send a column named '%s'"
                            .formatted(source, name, expected(), frame.names(), name));
        }
        Column column = found.get();
        if (column.width() != spec.width()) {
            throw error(
                    source,
                    "column '%s' has %d values per row but ONNX model '%s' takes %s"
                            .formatted(name, column.width(), source, expected()));
        }
        long[] shape =
                rank == 1 ? new long[] {frame.rows()} : new long[] {frame.rows(), spec.width()};
        return switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, floats(column, source), shape);
            case DOUBLE -> OnnxTensor.createTensor(env, doubles(column, source), shape);
            case INT64 -> OnnxTensor.createTensor(env, longs(column, source), shape);
            case INT32 -> OnnxTensor.createTensor(env, ints(column, source), shape);
            case BOOL ->
                    OnnxTensor.createTensor(env, bools(column, source), shape, OnnxJavaType.BOOL);
            case STRING -> OnnxTensor.createTensor(env, strings(column, source), shape);
        };
    }

    private FloatBuffer floats(Column column, String source) {
        int n = column.rows() * column.width();
        FloatBuffer out = direct(n * Float.BYTES).asFloatBuffer();
        switch (column) {
            case FloatColumn c -> out.put(c.values());
            case DoubleColumn c -> {
                for (double v : c.values()) {
                    out.put((float) v);
                }
            }
            case LongColumn c -> {
                for (long v : c.values()) {
                    out.put((float) v);
                }
            }
            case BoolColumn c -> {
                for (boolean v : c.values()) {
                    out.put(v ? 1f : 0f);
                }
            }
            case StringColumn c ->
                    throw wrongType(c, source, "numbers (FP32, FP64, INT64 or BOOL)");
        }
        BitSet nulls = column.nulls();
        int w = column.width();
        for (int r = nulls.nextSetBit(0); r >= 0; r = nulls.nextSetBit(r + 1)) {
            for (int i = r * w; i < (r + 1) * w; i++) {
                out.put(i, Float.NaN);
            }
        }
        return out.rewind();
    }

    private DoubleBuffer doubles(Column column, String source) {
        int n = column.rows() * column.width();
        DoubleBuffer out = direct(n * Double.BYTES).asDoubleBuffer();
        switch (column) {
            case FloatColumn c -> {
                for (float v : c.values()) {
                    out.put(v);
                }
            }
            case DoubleColumn c -> out.put(c.values());
            case LongColumn c -> {
                for (long v : c.values()) {
                    out.put(v);
                }
            }
            case BoolColumn c -> {
                for (boolean v : c.values()) {
                    out.put(v ? 1d : 0d);
                }
            }
            case StringColumn c ->
                    throw wrongType(c, source, "numbers (FP32, FP64, INT64 or BOOL)");
        }
        BitSet nulls = column.nulls();
        int w = column.width();
        for (int r = nulls.nextSetBit(0); r >= 0; r = nulls.nextSetBit(r + 1)) {
            for (int i = r * w; i < (r + 1) * w; i++) {
                out.put(i, Double.NaN);
            }
        }
        return out.rewind();
    }

    private LongBuffer longs(Column column, String source) {
        requireNoMissingRow(column, source);
        LongBuffer out = direct(column.rows() * column.width() * Long.BYTES).asLongBuffer();
        switch (column) {
            case LongColumn c -> out.put(c.values());
            case BoolColumn c -> {
                for (boolean v : c.values()) {
                    out.put(v ? 1L : 0L);
                }
            }
            case FloatColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
            case DoubleColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
            case StringColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
        }
        return out.rewind();
    }

    private IntBuffer ints(Column column, String source) {
        requireNoMissingRow(column, source);
        IntBuffer out = direct(column.rows() * column.width() * Integer.BYTES).asIntBuffer();
        switch (column) {
            case LongColumn c -> {
                long[] values = c.values();
                for (int i = 0; i < values.length; i++) {
                    long v = values[i];
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw error(
                                source,
                                "column '%s' holds %d in row %d, but ONNX model '%s' takes 32-bit integers there (from %d to %d)"
                                        .formatted(
                                                c.name(),
                                                v,
                                                i / c.width(),
                                                source,
                                                Integer.MIN_VALUE,
                                                Integer.MAX_VALUE));
                    }
                    out.put((int) v);
                }
            }
            case BoolColumn c -> {
                for (boolean v : c.values()) {
                    out.put(v ? 1 : 0);
                }
            }
            case FloatColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
            case DoubleColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
            case StringColumn c -> throw wrongType(c, source, "integers (INT64 or BOOL)");
        }
        return out.rewind();
    }

    private ByteBuffer bools(Column column, String source) {
        requireNoMissingRow(column, source);
        if (!(column instanceof BoolColumn c)) {
            throw wrongType(column, source, "booleans (BOOL)");
        }
        ByteBuffer out = direct(c.values().length);
        for (boolean v : c.values()) {
            out.put((byte) (v ? 1 : 0));
        }
        return out.rewind();
    }

    private String[] strings(Column column, String source) {
        if (!(column instanceof StringColumn c)) {
            throw wrongType(column, source, "strings (BYTES)");
        }
        return c.values();
    }

    private void requireNoMissingRow(Column column, String source) {
        if (column.hasNulls()) {
            throw error(
                    source,
                    "column '%s' has a missing value in row %d, but ONNX model '%s' takes %s there, which has no missing value; fill the row before predicting"
                            .formatted(
                                    column.name(),
                                    column.nulls().nextSetBit(0),
                                    source,
                                    type.name().toLowerCase(Locale.ROOT)));
        }
    }

    private InvalidInputException wrongType(Column column, String source, String accepted) {
        return error(
                source,
                "column '%s' is %s but ONNX model '%s' takes %s; send %s"
                        .formatted(
                                column.name(),
                                column.dtype().protocolName(),
                                source,
                                expected(),
                                accepted));
    }

    private String expected() {
        String width = spec.width() == 1 ? "one value per row" : spec.width() + " values per row";
        return "%s, %s".formatted(spec.dtype().protocolName(), width);
    }

    private InvalidInputException error(String source, String message) {
        return InvalidInputException.at(source, 0, Optional.of(spec.name()), message, null);
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
}
