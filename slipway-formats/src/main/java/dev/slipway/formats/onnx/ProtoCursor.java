package dev.slipway.formats.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one protocol buffers message in order, without a schema: enough to look at an
 * ONNX {@code ModelProto} without a protobuf library. Not thread-safe.
 */
final class ProtoCursor {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    /** The bytes do not hold a well-formed message. */
    static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final boolean endReached;

        MalformedException(String message, boolean endReached) {
            super(message);
            this.endReached = endReached;
        }

        /** Whether the message ran past the end of the bytes (rather than holding a bad value). */
        boolean endReached() {
            return endReached;
        }
    }

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int pos;
    private int tag;

    ProtoCursor(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.start = from;
        this.pos = from;
        this.end = to;
    }

    /** The whole buffer this cursor reads from. */
    byte[] bytes() {
        return bytes;
    }

    /** The offset of this message's first byte in the whole buffer. */
    int start() {
        return start;
    }

    /** The offset just past this message's last byte in the whole buffer. */
    int end() {
        return end;
    }

    /** Whether another field follows. */
    boolean hasNext() {
        return pos < end;
    }

    /** Reads the next field's key; returns its field number. */
    int next() {
        long key = varint();
        if (key >>> 3 == 0 || key > Integer.MAX_VALUE) {
            throw new MalformedException(
                    "invalid field key %d at byte %d".formatted(key, pos), false);
        }
        tag = (int) key;
        return tag >>> 3;
    }

    /** The wire type of the field {@link #next()} read. */
    int wireType() {
        return tag & 7;
    }

    /** The byte offset of the next unread byte. */
    int position() {
        return pos;
    }

    /** Reads a varint value. */
    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new MalformedException("a number runs past the end at byte " + pos, true);
            }
            byte b = bytes[pos++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new MalformedException("a number longer than 10 bytes ends at byte " + pos, false);
    }

    /** Reads a length-delimited field as a cursor over its bytes. */
    ProtoCursor message() {
        int length = length();
        ProtoCursor inner = new ProtoCursor(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    /** Reads a length-delimited field as UTF-8 text. */
    String string() {
        int length = length();
        String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /** Skips the value of the field {@link #next()} read. */
    void skip() {
        switch (wireType()) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LEN -> advance(length());
            case FIXED32 -> advance(4);
            default ->
                    throw new MalformedException(
                            "unsupported wire type %d at byte %d".formatted(wireType(), pos),
                            false);
        }
    }

    private int length() {
        long length = varint();
        if (length > end - pos) {
            throw new MalformedException(
                    "a field of %d bytes at byte %d runs past the end (%d)"
                            .formatted(length, pos, end),
                    true);
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > end - pos) {
            throw new MalformedException(
                    "a field of %d bytes at byte %d runs past the end (%d)"
                            .formatted(count, pos, end),
                    true);
        }
        pos += count;
    }
}
