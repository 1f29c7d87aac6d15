package dev.slipway.formats.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest real ONNX model: one input {@code x} passed by an {@code Identity} node to
 * one output {@code y}, of a chosen element type and shape, for the types no shared model has.
 */
final class IdentityModel {

    static final int FLOAT = 1;
    static final int UINT8 = 2;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int STRING = 8;
    static final int BOOL = 9;
    static final int DOUBLE = 11;

    /** A dimension of unknown size. */
    static final long DYNAMIC = -1;

    private IdentityModel() {}

    /**
     * The bytes of the model; {@code shape} lists the dimensions, {@link #DYNAMIC} for a named one.
     */
    static byte[] of(int elementType, long... shape) {
        return of(elementType, shape, shape);
    }

    /** The bytes of a model whose input and output declare different shapes. */
    static byte[] of(int elementType, long[] inputShape, long[] outputShape) {
        byte[] inputType = type(elementType, inputShape);
        byte[] outputType = type(elementType, outputShape);
        Message node =
                new Message()
                        .string(1, "x")
                        .string(2, "y")
                        .string(3, "identity")
                        .string(4, "Identity");
        Message graph =
                new Message()
                        .message(1, node)
                        .string(2, "identity")
                        .message(11, new Message().string(1, "x").bytes(2, inputType))
                        .message(12, new Message().string(1, "y").bytes(2, outputType));
        return new Message()
                .varint(1, 8)
                .string(2, "slipway-test")
                .message(7, graph)
                .message(8, new Message().string(1, "").varint(2, 17))
                .toByteArray();
    }

    private static byte[] type(int elementType, long... shape) {
        Message dims = new Message();
        for (long d : shape) {
            dims.message(
                    1, d == DYNAMIC ? new Message().string(2, "N") : new Message().varint(1, d));
        }
        Message tensor = new Message().varint(1, elementType).message(2, dims);
        return new Message().message(1, tensor).toByteArray();
    }

    /** A protocol buffers message being written. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            write((long) field << 3);
            write(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toByteArray());
        }

        Message bytes(int field, byte[] value) {
            write((long) field << 3 | 2);
            write(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void write(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
