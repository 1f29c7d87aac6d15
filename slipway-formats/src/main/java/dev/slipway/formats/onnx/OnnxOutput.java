package dev.slipway.formats.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * One output of an ONNX model and how the tensor it is read from becomes a frame column.
 *
 * @param spec the column the signature shows
 * @param type the tensor's element type
 * @param fetch the graph output to read: the output itself, or for a ZipMap output the {@code [N,
 *     classes]} probability tensor the ZipMap reads
 */
record OnnxOutput(ColumnSpec spec, ElementType type, String fetch) {

    OnnxOutput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fetch, "fetch");
        if (type.dtype() != spec.dtype()) {
            throw new IllegalArgumentException(
                    "output '%s' of %s cannot be read from %s".formatted(spec.name(), spec, type));
        }
    }

    /**
     * The column for this output from the value of {@link #fetch()} after a run over {@code rows}
     * rows.
     *
     * @throws IllegalStateException when the model returned a value of another kind or size than it
     *     declares
     */
    Column read(OnnxValue value, int rows) throws OrtException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalStateException(
                    "output '%s' should be a tensor but the model returned a %s"
                            .formatted(fetch, value.getType()));
        }
        long count = tensor.getInfo().getNumElements();
        int n = rows * spec.width();
        if (count != n) {
            throw new IllegalStateException(
                    "output '%s' has %d values for %d rows; %d per row were expected"
                            .formatted(fetch, count, rows, spec.width()));
        }
        String name = spec.name();
        int width = spec.width();
        return switch (type) {
            case FLOAT -> {
                float[] values = new float[n];
                tensor.getFloatBuffer().get(values);
                yield new FloatColumn(name, width, values, new BitSet());
            }
            case DOUBLE -> {
                double[] values = new double[n];
                tensor.getDoubleBuffer().get(values);
                yield new DoubleColumn(name, width, values, new BitSet());
            }
            case INT64 -> {
                long[] values = new long[n];
                tensor.getLongBuffer().get(values);
                yield new LongColumn(name, width, values, new BitSet());
            }
            case INT32 -> {
                IntBuffer buffer = tensor.getIntBuffer();
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = buffer.get(i);
                }
                yield new LongColumn(name, width, values, new BitSet());
            }
            case BOOL -> {
                ByteBuffer buffer = tensor.getByteBuffer();
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = buffer.get(i) != 0;
                }
                yield new BoolColumn(name, width, values, new BitSet());
            }
            case STRING -> {
                Object array = tensor.getValue();
                String[] values =
                        array instanceof String[][] matrix
                                ? Arrays.stream(matrix)
                                        .flatMap(Arrays::stream)
                                        .toArray(String[]::new)
                                : (String[]) array;
                yield new StringColumn(name, width, values, new BitSet());
            }
        };
    }

    /** A column of this output with no rows. */
    Column empty() {
        String name = spec.name();
        int width = spec.width();
        return switch (spec.dtype()) {
            case BOOL -> new BoolColumn(name, width, new boolean[0], new BitSet());
            case INT64 -> new LongColumn(name, width, new long[0], new BitSet());
            case FP32 -> new FloatColumn(name, width, new float[0], new BitSet());
            case FP64 -> new DoubleColumn(name, width, new double[0], new BitSet());
            case STRING -> new StringColumn(name, width, new String[0], new BitSet());
        };
    }
}
