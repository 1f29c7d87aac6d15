package dev.slipway.train.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing the fields of an evaluation document. A reading failure is an {@link
 * IllegalArgumentException} naming the path of the field, which the codec reports as corrupt data.
 * NaN and infinities, which JSON numbers cannot hold, are the strings {@code "NaN"}, {@code
 * "Infinity"} and {@code "-Infinity"}.
 */
final class JsonReads {

    private JsonReads() {}

    interface Read<T> {
        T read(JsonNode node, String at);
    }

    static void putReal(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

    static <T> List<T> list(JsonNode n, String key, String at, Read<T> read) {
        return elements(field(n, key, at), path(at, key), read);
    }

    static <T> List<T> elements(JsonNode v, String at, Read<T> read) {
        if (!v.isArray()) {
            throw bad(at, "must be an array", v);
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(read.read(v.get(i), at + "[" + i + "]"));
        }
        return out;
    }

    static JsonNode object(JsonNode n, String key, String at) {
        JsonNode v = field(n, key, at);
        if (!v.isObject()) {
            throw bad(path(at, key), "must be an object", v);
        }
        return v;
    }

    static JsonNode field(JsonNode n, String key, String at) {
        if (!n.isObject()) {
            throw bad(at.isEmpty() ? "the document" : at, "must be an object", n);
        }
        JsonNode v = n.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path(at, key) + " is missing");
        }
        return v;
    }

    static String text(JsonNode n, String key, String at) {
        return text(field(n, key, at), path(at, key));
    }

    static String text(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw bad(at, "must be a string", v);
        }
        return v.textValue();
    }

    static long whole(JsonNode n, String key, String at) {
        return whole(field(n, key, at), path(at, key));
    }

    static long whole(JsonNode v, String at) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(at, "must be a whole number", v);
        }
        return v.longValue();
    }

    static double real(JsonNode n, String key, String at) {
        return real(field(n, key, at), path(at, key));
    }

    static double real(JsonNode v, String at) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return switch (v.isTextual() ? v.textValue() : "") {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(at, "must be a number, \"NaN\", \"Infinity\" or \"-Infinity\"", v);
        };
    }

    static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    static IllegalArgumentException bad(String at, String rule, Object found) {
        return new IllegalArgumentException("%s %s, got %s".formatted(at, rule, found));
    }
}
