package dev.slipway.formats.onnx;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One output of an ONNX model and how its value becomes a frame column. */
sealed interface OnnxOutput {

    /** The column the signature shows. */
    ColumnSpec spec();

    /**
     * The column for this output's value from a run over {@code rows} rows.
     *
     * @throws IllegalStateException when the model returned a value of another shape than it
     *     declares
     */
    Column read(OnnxValue value, int rows) throws OrtException;

    /** A column of this output with no rows. */
    default Column empty() {
        String name = spec().name();
        int width = spec().width();
        return switch (spec().dtype()) {
            case BOOL -> new BoolColumn(name, width, new boolean[0], new BitSet());
            case INT64 -> new LongColumn(name, width, new long[0], new BitSet());
            case FP32 -> new FloatColumn(name, width, new float[0], new BitSet());
            case FP64 -> new DoubleColumn(name, width, new double[0], new BitSet());
            case STRING -> new StringColumn(name, width, new String[0], new BitSet());
        };
    }

    /** A tensor output of shape {@code [N]} or {@code [N, width]}. */
    record Tensor(ColumnSpec spec, ElementType type) implements OnnxOutput {

        public Tensor {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public Column read(OnnxValue value, int rows) throws OrtException {
            if (!(value instanceof OnnxTensor tensor)) {
                throw unexpected(value);
            }
            long count = tensor.getInfo().getNumElements();
            int n = rows * spec.width();
            if (count != n) {
                throw new IllegalStateException(
                        "output '%s' has %d values for %d rows; its declared width is %d"
                                .formatted(spec.name(), count, rows, spec.width()));
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

        private IllegalStateException unexpected(OnnxValue value) {
            return new IllegalStateException(
                    "output '%s' should be a tensor but the model returned a %s"
                            .formatted(spec.name(), value.getType()));
        }
    }

    /**
     * A sequence of maps from class to probability, one map per row (the {@code ZipMap} output of
     * scikit-learn classifiers converted by skl2onnx), read as {@code FP32} columns of one position
     * per class, in the model's class order.
     *
     * @param keys the class keys as the maps hold them ({@link Long}s or {@link String}s)
     */
    record ClassMap(ColumnSpec spec, List<Object> keys) implements OnnxOutput {

        public ClassMap {
            Objects.requireNonNull(spec, "spec");
            keys = List.copyOf(keys);
            if (spec.dtype() != DType.FP32 || spec.width() != keys.size()) {
                throw new IllegalArgumentException(
                        "a class map output is FP32 with one position per class, got " + spec);
            }
        }

        @Override
        public Column read(OnnxValue value, int rows) throws OrtException {
            if (!(value instanceof OnnxSequence sequence)) {
                throw new IllegalStateException(
                        "output '%s' should be a sequence of maps but the model returned a %s"
                                .formatted(spec.name(), value.getType()));
            }
            List<? extends OnnxValue> maps = sequence.getValue();
            try {
                if (maps.size() != rows) {
                    throw new IllegalStateException(
                            "output '%s' has %d maps for %d rows"
                                    .formatted(spec.name(), maps.size(), rows));
                }
                int k = keys.size();
                float[] values = new float[rows * k];
                for (int r = 0; r < rows; r++) {
                    Map<?, ?> probabilities = ((OnnxMap) maps.get(r)).getValue();
                    for (int i = 0; i < k; i++) {
                        values[r * k + i] =
                                probabilities.get(keys.get(i)) instanceof Float p ? p : Float.NaN;
                    }
                }
                return new FloatColumn(spec.name(), k, values, new BitSet());
            } finally {
                maps.forEach(OnnxValue::close);
            }
        }
    }
}
