package dev.slipway.serve.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Tensors in {@code raw_input_contents} / {@code raw_output_contents}: elements little-endian, one
 * after another; a BYTES element is a 4-byte little-endian length and that many bytes.
 */
final class RawTensors {

    private RawTensors() {}

    /** The column input {@code name} holds in {@code raw}. */
    static Column read(String name, WireType type, Shape shape, ByteString raw) {
        int n = shape.elements();
        int w = shape.width();
        ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (type == WireType.BYTES) {
            return new StringColumn(name, w, strings(name, shape, raw, b), new BitSet());
        }
        long needed = (long) n * type.size();
        if (b.remaining() != needed) {
            throw InvalidInputException.of(
                    name,
                    "input '%s' has %d bytes of raw contents but %s shape %s needs %d (%d bytes a value); send as many values as the product of the shape"
                            .formatted(name, b.remaining(), type, shape, needed, type.size()));
        }
        return switch (type) {
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.get() != 0;
                }
                yield new BoolColumn(name, w, v, new BitSet());
            }
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 ->
                    new LongColumn(name, w, longs(name, type, b, n), new BitSet());
            case FP16, BF16, FP32 -> new FloatColumn(name, w, floats(type, b, n), new BitSet());
            case FP64 -> {
                double[] v = new double[n];
                b.asDoubleBuffer().get(v);
                yield new DoubleColumn(name, w, v, new BitSet());
            }
            case BYTES -> throw new IllegalStateException("BYTES is read above");
        };
    }

    private static long[] longs(String name, WireType type, ByteBuffer b, int n) {
        long[] v = new long[n];
        if (type == WireType.INT64) {
            b.asLongBuffer().get(v);
            return v;
        }
        for (int i = 0; i < n; i++) {
            v[i] =
                    switch (type) {
                        case INT8 -> b.get();
                        case UINT8 -> b.get() & 0xFF;
                        case INT16 -> b.getShort();
                        case UINT16 -> b.getShort() & 0xFFFF;
                        case INT32 -> b.getInt();
                        case UINT32 -> Integer.toUnsignedLong(b.getInt());
                        case UINT64 -> TensorDecoder.unsigned64(name, b.getLong());
                        default -> throw new IllegalStateException(type + " is not an integer");
                    };
        }
        return v;
    }

    private static float[] floats(WireType type, ByteBuffer b, int n) {
        float[] v = new float[n];
        switch (type) {
            case FP32 -> b.asFloatBuffer().get(v);
            case FP16 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = Float.float16ToFloat(b.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    v[i] = Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                }
            }
            default -> throw new IllegalStateException(type + " is not a float");
        }
        return v;
    }

    private static String[] strings(String name, Shape shape, ByteString raw, ByteBuffer b) {
        int n = shape.elements();
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            if (b.remaining() < 4) {
                throw InvalidInputException.of(
                        name,
                        "input '%s' has raw contents for %d BYTES values but shape %s needs %d; each value is a 4-byte little-endian length and the bytes"
                                .formatted(name, i, shape, n));
            }
            int length = b.getInt();
            if (length < 0 || length > b.remaining()) {
                throw InvalidInputException.of(
                        name,
                        "input '%s' value %d says it has %d bytes but only %d remain; each BYTES value is a 4-byte little-endian length and the bytes"
                                .formatted(name, i, Integer.toUnsignedLong(length), b.remaining()));
            }
            int at = b.position();
            v[i] = TensorDecoder.utf8(name, raw.substring(at, at + length));
            b.position(at + length);
        }
        if (b.hasRemaining()) {
            throw InvalidInputException.of(
                    name,
                    "input '%s' has %d bytes of raw contents after its %d BYTES values (shape %s); send exactly as many values as the product of the shape"
                            .formatted(name, b.remaining(), n, shape));
        }
        return v;
    }

    /** {@code c} as raw output contents. */
    static ByteString write(Column c) {
        int n = c.rows() * c.width();
        return switch (c) {
            case BoolColumn x -> {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (x.values()[i] ? 1 : 0);
                }
                yield UnsafeByteOperations.unsafeWrap(out);
            }
            case LongColumn x -> {
                ByteBuffer out = buffer(n * 8L);
                out.asLongBuffer().put(x.values(), 0, n);
                yield UnsafeByteOperations.unsafeWrap(out.array());
            }
            case FloatColumn x -> {
                ByteBuffer out = buffer(n * 4L);
                out.asFloatBuffer().put(x.values(), 0, n);
                yield UnsafeByteOperations.unsafeWrap(out.array());
            }
            case DoubleColumn x -> {
                ByteBuffer out = buffer(n * 8L);
                out.asDoubleBuffer().put(x.values(), 0, n);
                yield UnsafeByteOperations.unsafeWrap(out.array());
            }
            case StringColumn x -> {
                byte[][] values = new byte[n][];
                long size = 0;
                for (int i = 0; i < n; i++) {
                    values[i] = x.values()[i].getBytes(StandardCharsets.UTF_8);
                    size += 4 + values[i].length;
                }
                ByteBuffer out = buffer(size);
                for (byte[] v : values) {
                    out.putInt(v.length).put(v);
                }
                yield UnsafeByteOperations.unsafeWrap(out.array());
            }
        };
    }

    private static ByteBuffer buffer(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(
                    "an output of %d bytes does not fit one message".formatted(size));
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
