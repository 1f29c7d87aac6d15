package dev.slipway.formats.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Universal Binary JSON, the format of XGBoost's {@code model.ubj} files, into the node tree
 * that {@link XGBoostJsonReader} reads. Big-endian numbers, keys without a string marker, and the
 * typed and counted containers ({@code [$d#L...}) that XGBoost writes for its arrays.
 *
 * <p>Every length and count is checked against the bytes left before it is used, so a truncated or
 * damaged file is refused with the byte offset of the problem instead of being read out of bounds.
 */
final class UbjsonReader {

    /** Deeper nesting than any XGBoost model has; a guard against damaged files. */
    private static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] bytes;
    private final String source;
    private int at;

    private UbjsonReader(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /** Parses a whole UBJSON document; {@code source} names it in error messages. */
    static JsonNode read(byte[] bytes, String source) {
        UbjsonReader reader = new UbjsonReader(bytes, source);
        JsonNode root = reader.value(reader.marker(), 0);
        if (reader.at != bytes.length) {
            throw reader.damaged(
                    "the document ends at byte %d but the file has %d bytes"
                            .formatted(reader.at, bytes.length));
        }
        return root;
    }

    private JsonNode value(byte marker, int depth) {
        if (depth > MAX_DEPTH) {
            throw damaged("containers are nested more than %d deep".formatted(MAX_DEPTH));
        }
        return switch (marker) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case 'S' -> NODES.textNode(string());
            case 'C' -> NODES.textNode(String.valueOf((char) bigEndian(1)));
            case 'T' -> NODES.booleanNode(true);
            case 'F' -> NODES.booleanNode(false);
            case 'Z' -> NODES.nullNode();
            case 'i', 'U', 'I', 'l' -> NODES.numberNode((int) integer(marker));
            case 'L' -> NODES.numberNode(integer(marker));
            case 'd' -> NODES.numberNode(Float.intBitsToFloat((int) bigEndian(4)));
            case 'D' -> NODES.numberNode(Double.longBitsToDouble(bigEndian(8)));
            default -> throw damaged("unknown type marker '%s'".formatted(printable(marker)));
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode node = NODES.objectNode();
        if (peek() == '#') {
            at++;
            long count = count(1);
            for (long i = 0; i < count; i++) {
                String key = key();
                node.set(key, value(marker(), depth + 1));
            }
            return node;
        }
        while (peek() != '}') {
            String key = key();
            node.set(key, value(marker(), depth + 1));
        }
        at++;
        return node;
    }

    private ArrayNode array(int depth) {
        ArrayNode node = NODES.arrayNode();
        byte type = 0;
        if (peek() == '$') {
            at++;
            type = marker();
            if (peek() != '#') {
                throw damaged("a typed array has no count");
            }
        }
        if (peek() == '#') {
            at++;
            long count = count(type == 0 ? 1 : width(type));
            for (long i = 0; i < count; i++) {
                node.add(value(type == 0 ? marker() : type, depth + 1));
            }
            return node;
        }
        while (peek() != ']') {
            node.add(value(marker(), depth + 1));
        }
        at++;
        return node;
    }

    /** A container's count, checked against the bytes left at {@code minBytes} per element. */
    private long count(int minBytes) {
        long count = integer(marker());
        if (count < 0 || count > (long) (bytes.length - at) / minBytes) {
            throw damaged(
                    "a container claims %d elements but only %d bytes are left"
                            .formatted(count, bytes.length - at));
        }
        return count;
    }

    /** The smallest encoding of one element of a typed array. */
    private int width(byte type) {
        return switch (type) {
            case 'i', 'U', 'C' -> 1;
            case 'I' -> 2;
            case 'l', 'd' -> 4;
            case 'L', 'D' -> 8;
            case 'T', 'F', 'Z' -> throw damaged("a typed array of constants is not supported");
            default -> 1;
        };
    }

    private String key() {
        return text(integer(marker()));
    }

    private String string() {
        return text(integer(marker()));
    }

    private String text(long length) {
        if (length < 0 || length > bytes.length - at) {
            throw damaged(
                    "a string of %d bytes is announced but %d bytes are left"
                            .formatted(length, bytes.length - at));
        }
        String s = new String(bytes, at, (int) length, StandardCharsets.UTF_8);
        at += (int) length;
        return s;
    }

    private long integer(byte marker) {
        return switch (marker) {
            case 'i' -> (byte) bigEndian(1);
            case 'U' -> bigEndian(1);
            case 'I' -> (short) bigEndian(2);
            case 'l' -> (int) bigEndian(4);
            case 'L' -> bigEndian(8);
            default ->
                    throw damaged(
                            "expected an integer type marker, got '%s'"
                                    .formatted(printable(marker)));
        };
    }

    private long bigEndian(int size) {
        if (size > bytes.length - at) {
            throw truncated();
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 8) | (bytes[at++] & 0xff);
        }
        return v;
    }

    /** The next marker, skipping no-op markers. */
    private byte marker() {
        byte b;
        do {
            if (at >= bytes.length) {
                throw truncated();
            }
            b = bytes[at++];
        } while (b == 'N');
        return b;
    }

    private byte peek() {
        if (at >= bytes.length) {
            throw truncated();
        }
        return bytes[at];
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : "0x%02x".formatted(b & 0xff);
    }

    private InvalidInputException truncated() {
        return damaged("the file ends in the middle of a value");
    }

    private InvalidInputException damaged(String problem) {
        return InvalidInputException.of(
                source,
                ("XGBoost model %s is not valid UBJSON at byte %d: %s. The file is truncated or"
                                + " damaged; save the model again with save_model(\"model.ubj\")")
                        .formatted(source, at, problem));
    }
}
