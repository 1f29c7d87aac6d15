package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.perf.LabelOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body of {@code POST /api/v1/models/{m}/labels}: either a JSON list of label objects, or an
 * object {@code {"labels": [...], "key_column": "request_id", "label_column": "label"}} naming the
 * columns. Values are text, numbers or booleans; rows are numbered from 1 in messages.
 *
 * @param rows the label rows, each a map from column to value (null for a JSON null)
 * @param options the key and label columns
 */
record MonitoringLabels(List<Map<String, Object>> rows, LabelOptions options) {

    private static final String SOURCE = "labels";
    private static final Set<String> FIELDS = Set.of("labels", "key_column", "label_column");
    private static final String EXAMPLE =
            "[{\"request_id\": \"42\", \"label\": \">50K\"}] or {\"labels\": [...], \"key_column\": \"request_id\", \"label_column\": \"label\"}";

    /**
     * Reads the request body.
     *
     * @throws InvalidInputException naming the field or row number that is wrong
     */
    static MonitoringLabels of(JsonNode body) {
        LabelOptions options = LabelOptions.defaults();
        JsonNode list = body;
        if (body.isObject()) {
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                String name = field.getKey();
                if (!FIELDS.contains(name)) {
                    throw InvalidInputException.of(
                            name,
                            "unknown field '%s' in the labels request; it takes %s"
                                    .formatted(name, new TreeSet<>(FIELDS)));
                }
            }
            list = body.get("labels");
            if (list == null) {
                throw InvalidInputException.of(
                        SOURCE, "the request has no \"labels\" list; send " + EXAMPLE);
            }
            options = options.withKeyColumn(column(body, "key_column", options.keyColumn()));
            options = options.withLabelColumn(column(body, "label_column", options.labelColumn()));
        }
        if (!list.isArray()) {
            throw InvalidInputException.of(
                    SOURCE,
                    "the labels are a JSON %s, not a list; send %s".formatted(kind(list), EXAMPLE));
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        int line = 0;
        for (JsonNode row : list) {
            line++;
            rows.add(row(row, line));
        }
        return new MonitoringLabels(rows, options);
    }

    private static String column(JsonNode body, String field, String otherwise) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw InvalidInputException.of(
                    field, "%s must be a column name such as \"%s\"".formatted(field, otherwise));
        }
        return n.asText();
    }

    private static Map<String, Object> row(JsonNode row, int line) {
        if (!row.isObject()) {
            throw InvalidInputException.of(
                    SOURCE,
                    "labels: label %d is a JSON %s, not an object; send each label as {\"request_id\": \"42\", \"label\": \">50K\"}"
                            .formatted(line, kind(row)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : row.properties()) {
            JsonNode v = f.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isTextual()) {
                value = v.asText();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isNumber()) {
                value = v.numberValue();
            } else {
                throw InvalidInputException.of(
                        f.getKey(),
                        "labels: label %d: '%s' is a JSON %s; give text, a number or a boolean"
                                .formatted(line, f.getKey(), kind(v)));
            }
            out.put(f.getKey(), value);
        }
        return out;
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
