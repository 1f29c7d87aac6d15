package dev.slipway.monitor.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One map in a rules file, read field by field; every error names where it is (the file, the rule
 * by position and name) and the field's full path, e.g. {@code condition.below}.
 */
final class Fields {

    private final String source;
    private final String context;
    private final String prefix;
    private final JsonNode node;

    /**
     * @param context where the map is, for messages, e.g. {@code rules.yaml: rule #2 'auc-low'}
     * @param prefix the path of the map's fields, e.g. {@code condition.}; empty at the top
     */
    Fields(String source, String context, String prefix, JsonNode node) {
        this.source = source;
        this.context = context;
        this.prefix = prefix;
        this.node = node;
    }

    /**
     * The map {@code node} at {@code context}.
     *
     * @param what the map in words, for the error when it is not one, e.g. {@code "a rule"}
     * @param example an example of it
     */
    static Fields of(String source, String context, JsonNode node, String what, String example) {
        Fields f = new Fields(source, context, "", node);
        if (!node.isObject()) {
            throw f.error(
                    "%s must be a map, e.g. %s, not %s".formatted(what, example, shape(node)));
        }
        return f;
    }

    /** Refuses any field not in {@code accepted}, listing the accepted ones. */
    void allow(String... accepted) {
        List<String> names = List.of(accepted);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw error(
                        "unknown field '%s%s'; accepted fields here: %s"
                                .formatted(prefix, name, String.join(", ", names)));
            }
        }
    }

    boolean has(String name) {
        JsonNode n = node.get(name);
        return n != null && !n.isNull();
    }

    Optional<JsonNode> optional(String name) {
        return has(name) ? Optional.of(node.get(name)) : Optional.empty();
    }

    /** The map in field {@code name}, if present. */
    Optional<Fields> optionalMap(String name, String example) {
        return optional(name).map(n -> map(name, n, example));
    }

    /** The map in field {@code name}. */
    Fields requiredMap(String name, String example) {
        return map(name, required(name, example), example);
    }

    private Fields map(String name, JsonNode n, String example) {
        if (!n.isObject()) {
            throw error(
                    "field '%s%s' must be a map, e.g. %s, not %s"
                            .formatted(prefix, name, example, shape(n)));
        }
        return new Fields(source, context, prefix + name + ".", n);
    }

    String requiredText(String name, String example) {
        return text(name, required(name, example), example);
    }

    Optional<String> optionalText(String name, String example) {
        return optional(name).map(n -> text(name, n, example));
    }

    String text(String name, JsonNode n, String example) {
        if (!n.isTextual()) {
            throw error(
                    "field '%s%s' must be text, e.g. %s, not %s; quote it if it looks like a number or boolean"
                            .formatted(prefix, name, example, shape(n)));
        }
        return n.asText();
    }

    double requiredNumber(String name, String example) {
        return number(name, required(name, example), example);
    }

    double number(String name, JsonNode n, String example) {
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw error(
                    "field '%s%s' must be a number, e.g. %s, not %s"
                            .formatted(prefix, name, example, shape(n)));
        }
        return n.asDouble();
    }

    /** A number from 0 to 1. */
    double requiredShare(String name, String example) {
        double v = requiredNumber(name, example);
        if (v < 0 || v > 1) {
            throw error(
                    "field '%s%s' is %s; accepted values: 0 to 1, e.g. %s"
                            .formatted(prefix, name, Numbers.format(v), example));
        }
        return v;
    }

    int requiredInt(String name, String example) {
        return integer(
                name, required(name, example), Integer.MIN_VALUE, Integer.MAX_VALUE, example);
    }

    int integer(String name, JsonNode n, int min, int max, String example) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw error(
                    "field '%s%s' must be a whole number, e.g. %s, not %s"
                            .formatted(prefix, name, example, shape(n)));
        }
        int v = n.intValue();
        if (v < min || v > max) {
            throw error(
                    "field '%s%s' is %d; accepted values: %s"
                            .formatted(prefix, name, v, range(min, max)));
        }
        return v;
    }

    private static String range(int min, int max) {
        return max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
    }

    private JsonNode required(String name, String example) {
        if (!has(name)) {
            throw error("field '%s%s' is missing; e.g. %s".formatted(prefix, name, example));
        }
        return node.get(name);
    }

    /** Calls {@code action} with each field's name and text value; refuses other values. */
    void forEachText(java.util.function.BiConsumer<String, String> action) {
        node.properties()
                .forEach(
                        e ->
                                action.accept(
                                        e.getKey(),
                                        text(e.getKey(), e.getValue(), e.getKey() + ": \"...\"")));
    }

    /** The error for this map, prefixed with where it is. */
    InvalidInputException error(String message) {
        return InvalidInputException.of(source, context + ": " + message);
    }

    /** The path of field {@code name}, e.g. {@code condition.below}. */
    String path(String name) {
        return prefix + name;
    }

    static String shape(JsonNode n) {
        if (n.isTextual()) {
            return "the text '" + n.asText() + "'";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return "the boolean " + n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a map";
        }
        return "null";
    }
}
