package dev.slipway.serve.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.core.Inference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's JSON scoring format: request bodies to frames of the model's inputs, and inferences to
 * {@code {"predictions": ...}}.
 *
 * <p>A request body holds exactly one of {@code dataframe_split} (pandas' split orientation),
 * {@code dataframe_records} (a list of row objects), {@code instances} (a list of rows: objects,
 * lists in the model's input order, or single values for a one-input model) or {@code inputs} (a
 * dict of columns, or a list like {@code instances}), and optionally {@code params}.
 */
final class MlflowCodec {

    /** The keys that carry the rows; a request has exactly one. */
    static final List<String> FORMATS =
            List.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private static final String ONE_OF =
            "send a JSON object with exactly one of \"dataframe_split\", \"dataframe_records\","
                    + " \"instances\" or \"inputs\" (and optionally \"params\")";

    private final Json json;

    MlflowCodec(Json json) {
        this.json = json;
    }

    /** The rows of {@code root} as the inputs of {@code model}, in the types of its signature. */
    Frame decode(JsonNode root, String model, Signature signature) {
        if (!root.isObject()) {
            throw bad("request", "the body is a JSON %s; %s".formatted(kind(root), ONE_OF));
        }
        String format = "";
        JsonNode value = root;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            if (FORMATS.contains(key)) {
                if (!format.isEmpty()) {
                    throw bad(
                            "request",
                            "the request has both \"%s\" and \"%s\"; %s"
                                    .formatted(format, key, ONE_OF));
                }
                format = key;
                value = e.getValue();
            } else if (!key.equals("params")) {
                throw bad(
                        "request",
                        "the request has the unknown key \"%s\"; %s"
                                .formatted(MlflowColumn.abbreviate(key), ONE_OF));
            }
        }
        return switch (format) {
            case "dataframe_split" -> split(value, model, signature);
            case "dataframe_records" -> rows(value, model, signature, format, false);
            case "instances" -> rows(value, model, signature, format, true);
            case "inputs" ->
                    value.isObject()
                            ? columns(value, model, signature)
                            : rows(value, model, signature, format, true);
            default -> throw bad("request", "the request names no input format; " + ONE_OF);
        };
    }

    private static Frame split(JsonNode v, String model, Signature signature) {
        String f = "dataframe_split";
        if (!v.isObject()) {
            throw bad(
                    f,
                    "\"%s\" is a JSON %s; send {\"columns\": [...], \"data\": [[...], ...]}"
                            .formatted(f, kind(v)));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!List.of("columns", "data", "index").contains(e.getKey())) {
                throw bad(
                        f,
                        "\"%s\" has the unknown key \"%s\"; it takes \"columns\", \"data\" and optionally \"index\""
                                .formatted(f, MlflowColumn.abbreviate(e.getKey())));
            }
        }
        JsonNode data = v.path("data");
        if (!data.isArray()) {
            throw bad(
                    f, "\"%s\" needs \"data\": a list of rows, each a list of values".formatted(f));
        }
        MlflowInputs in = inputs(model, signature, data.size(), f);
        JsonNode columns = v.path("columns");
        if (columns.isMissingNode() || columns.isNull()) {
            for (int r = 0; r < data.size(); r++) {
                positional(in, r, data.get(r), f + " row");
            }
            return in.build();
        }
        if (!columns.isArray()) {
            throw bad(f, "\"columns\" of \"%s\" must be a list of column names".formatted(f));
        }
        List<String> names = new ArrayList<>(columns.size());
        for (JsonNode c : columns) {
            if (!c.isTextual()) {
                throw bad(
                        f,
                        "\"columns\" of \"%s\" holds %s; column names are strings"
                                .formatted(f, MlflowColumn.abbreviate(c.toString())));
            }
            names.add(c.textValue());
        }
        List<Optional<MlflowInputs.Slot>> slots = in.header(names, "\"columns\"");
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            if (!row.isArray() || row.size() != names.size()) {
                throw bad(
                        f,
                        "row %d of \"%s\" has %s but \"columns\" names %d; send one value per column"
                                .formatted(
                                        r,
                                        f,
                                        row.isArray()
                                                ? row.size() + " values"
                                                : "a JSON " + kind(row),
                                        names.size()));
            }
            for (int j = 0; j < names.size(); j++) {
                Optional<MlflowInputs.Slot> s = slots.get(j);
                if (s.isPresent()) {
                    s.get().column().json(r, s.get().pos(), row.get(j));
                }
            }
        }
        return in.build();
    }

    /** A list of rows: objects by column name, or (when {@code lists}) lists or single values. */
    private static Frame rows(
            JsonNode v, String model, Signature signature, String f, boolean lists) {
        if (!v.isArray()) {
            throw bad(
                    f,
                    "\"%s\" is a JSON %s; send a list of rows%s"
                            .formatted(
                                    f,
                                    kind(v),
                                    lists ? "" : ", each an object {\"column\": value, ...}"));
        }
        MlflowInputs in = inputs(model, signature, v.size(), f);
        for (int r = 0; r < v.size(); r++) {
            JsonNode row = v.get(r);
            if (row.isObject()) {
                for (Map.Entry<String, JsonNode> e : row.properties()) {
                    Optional<MlflowInputs.Slot> s = in.slot(e.getKey());
                    if (s.isPresent()) {
                        s.get().column().json(r, s.get().pos(), e.getValue());
                    }
                }
            } else if (!lists) {
                throw bad(
                        f,
                        "row %d of \"%s\" is a JSON %s; each row is an object {\"column\": value, ...}"
                                .formatted(r, f, kind(row)));
            } else if (row.isArray()) {
                positional(in, r, row, f + " row");
            } else if (in.inputs() == 1) {
                in.positional(0).column().json(r, -1, row);
            } else {
                throw bad(
                        f,
                        "row %d of \"%s\" is a single value but model %s takes %d inputs (%s); send objects {\"column\": value, ...} or lists in that order"
                                .formatted(r, f, model, in.inputs(), in.names()));
            }
        }
        return in.build();
    }

    /** A dict of columns, each a list with one value per row. */
    private static Frame columns(JsonNode v, String model, Signature signature) {
        int rows = -1;
        String first = "";
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode c = e.getValue();
            if (!c.isArray()) {
                throw bad(
                        e.getKey(),
                        "column '%s' of \"inputs\" is a JSON %s; send a list with one value per row"
                                .formatted(e.getKey(), kind(c)));
            }
            if (rows >= 0 && c.size() != rows) {
                throw bad(
                        e.getKey(),
                        "column '%s' of \"inputs\" has %d rows but column '%s' has %d; send the same number of rows in every column"
                                .formatted(e.getKey(), c.size(), first, rows));
            }
            if (rows < 0) {
                rows = c.size();
                first = e.getKey();
            }
        }
        MlflowInputs in = inputs(model, signature, Math.max(rows, 0), "inputs");
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            Optional<MlflowInputs.Slot> s = in.slot(e.getKey());
            if (s.isPresent()) {
                JsonNode c = e.getValue();
                for (int r = 0; r < c.size(); r++) {
                    s.get().column().json(r, s.get().pos(), c.get(r));
                }
            }
        }
        return in.build();
    }

    /** A row as a list: the model's inputs in order, or the row of its one wide input. */
    private static void positional(MlflowInputs in, int r, JsonNode row, String what) {
        if (!row.isArray()) {
            throw bad(
                    what,
                    "%s %d is a JSON %s; send a list of values in the model's input order (%s)"
                            .formatted(what, r, kind(row), in.names()));
        }
        if (in.oneWideInput()) {
            in.positional(0).column().json(r, -1, row);
            return;
        }
        if (row.size() != in.inputs()) {
            throw bad(
                    what,
                    "%s %d has %d values but model %s takes %d inputs, in this order: %s"
                            .formatted(what, r, row.size(), in.model(), in.inputs(), in.names()));
        }
        for (int j = 0; j < row.size(); j++) {
            in.positional(j).column().json(r, -1, row.get(j));
        }
    }

    private static MlflowInputs inputs(String model, Signature signature, int rows, String f) {
        if (rows == 0) {
            throw bad(f, "\"%s\" holds no rows; send at least one row".formatted(f));
        }
        return new MlflowInputs(model, signature, rows);
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
            case BINARY, POJO -> "value";
        };
    }

    static InvalidInputException bad(String where, String message) {
        return InvalidInputException.of(where, message);
    }

    /**
     * {@code {"predictions": [...]}}: a list of values when the model has one output of one value
     * per row, else a list of objects, one per row, with the outputs by name (lists for wide ones).
     */
    byte[] encode(Inference r) {
        Frame out = r.outputs();
        List<Column> columns = out.columns();
        int rows = out.rows();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows * 24 * columns.size());
        try (JsonGenerator g = json.mapper().getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeArrayFieldStart("predictions");
            if (columns.size() == 1 && columns.getFirst().width() == 1) {
                Column c = columns.getFirst();
                for (int i = 0; i < rows; i++) {
                    value(g, c, i, 0);
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    g.writeStartObject();
                    for (Column c : columns) {
                        g.writeFieldName(c.name());
                        if (c.width() == 1) {
                            value(g, c, i, 0);
                        } else {
                            g.writeStartArray();
                            for (int p = 0; p < c.width(); p++) {
                                value(g, c, i, p);
                            }
                            g.writeEndArray();
                        }
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void value(JsonGenerator g, Column c, int row, int pos) throws IOException {
        if (c.isNull(row)) {
            g.writeNull();
            return;
        }
        int i = row * c.width() + pos;
        switch (c) {
            case DoubleColumn d -> {
                double v = d.values()[i];
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            case FloatColumn f -> {
                float v = f.values()[i];
                if (Float.isFinite(v)) {
                    // The float's exact value, as the model computed it; clients read doubles.
                    g.writeNumber((double) v);
                } else {
                    g.writeNull();
                }
            }
            case LongColumn l -> g.writeNumber(l.values()[i]);
            case BoolColumn b -> g.writeBoolean(b.values()[i]);
            case StringColumn s -> g.writeString(s.values()[i]);
        }
    }
}
