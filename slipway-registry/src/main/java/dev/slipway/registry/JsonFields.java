package dev.slipway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Strict reading of one JSON object: every accessor checks that the field is there with the right
 * type, and fails through {@code error} with the field's path otherwise.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final Function<String, RuntimeException> error;

    JsonFields(JsonNode node, String path, Function<String, RuntimeException> error) {
        this.node = node;
        this.path = path;
        this.error = error;
        if (!node.isObject()) {
            throw fail(path.isEmpty() ? "the document is not a JSON object" : "not a JSON object");
        }
    }

    RuntimeException fail(String message) {
        return error.apply(path.isEmpty() ? message : "'" + path + "': " + message);
    }

    boolean isNull(String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    String text(String field) {
        JsonNode n = node.path(field);
        if (!n.isTextual()) {
            throw failAt(field, n.isMissingNode() ? "missing" : "must be a string");
        }
        return n.asText();
    }

    long integer(String field) {
        JsonNode n = node.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw failAt(field, n.isMissingNode() ? "missing" : "must be an integer");
        }
        return n.asLong();
    }

    double number(String field) {
        JsonNode n = node.path(field);
        if (!n.isNumber()) {
            throw failAt(field, n.isMissingNode() ? "missing" : "must be a number");
        }
        return n.asDouble();
    }

    int smallInteger(String field) {
        long v = integer(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw failAt(field, "is out of range: " + v);
        }
        return (int) v;
    }

    JsonFields object(String field) {
        JsonNode n = node.path(field);
        if (n.isMissingNode()) {
            throw failAt(field, "missing");
        }
        return new JsonFields(n, join(field), error);
    }

    List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            out.add(new JsonFields(array.get(i), join(field) + "[" + i + "]", error));
        }
        return out;
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        JsonNode array = array(field);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw failAt(field + "[" + i + "]", "must be a string");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    Map<String, String> stringMap(String field) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : mapNode(field).properties()) {
            if (!e.getValue().isTextual()) {
                throw failAt(field + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    Map<String, Double> numberMap(String field) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : mapNode(field).properties()) {
            if (!e.getValue().isNumber()) {
                throw failAt(field + "." + e.getKey(), "must be a number");
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private JsonNode mapNode(String field) {
        JsonNode n = node.path(field);
        if (!n.isObject()) {
            throw failAt(field, n.isMissingNode() ? "missing" : "must be a JSON object");
        }
        return n;
    }

    private JsonNode array(String field) {
        JsonNode n = node.path(field);
        if (!n.isArray()) {
            throw failAt(field, n.isMissingNode() ? "missing" : "must be a JSON array");
        }
        return n;
    }

    private RuntimeException failAt(String field, String message) {
        return error.apply("'" + join(field) + "': " + message);
    }

    private String join(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
