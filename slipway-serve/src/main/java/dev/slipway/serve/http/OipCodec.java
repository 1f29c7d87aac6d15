package dev.slipway.serve.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
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
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Open Inference Protocol JSON: inference requests to frames, and inferences to responses.
 *
 * <p>Tabular requests come as one input per column ({@code shape [n]} or {@code [n, 1]}, BYTES for
 * text), or as one 2-D numeric input {@code [n, k]} whose columns are the model's k numeric inputs
 * in order. {@code data} may be flat or nested, row-major; its element count must equal the product
 * of {@code shape}.
 */
final class OipCodec {

    private final Json json;

    OipCodec(Json json) {
        this.json = json;
    }

    OipRequest decode(JsonNode root, Optional<Signature> signature) {
        if (!root.isObject()) {
            throw bad("request", "the request must be a JSON object with an \"inputs\" array");
        }
        Optional<String> id = Optional.empty();
        JsonNode idNode = root.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual()) {
                throw bad("id", "\"id\" must be a string");
            }
            id = Optional.of(idNode.asText());
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw bad("inputs", "the request needs a non-empty \"inputs\" array of tensors");
        }
        List<Column> columns = new ArrayList<>(inputs.size());
        int rows = -1;
        for (JsonNode t : inputs) {
            Column c = tensor(t);
            if (rows >= 0 && c.rows() != rows) {
                throw bad(
                        c.name(),
                        "input '%s' has %d rows but the first input has %d; every input needs the same first dimension"
                                .formatted(c.name(), c.rows(), rows));
            }
            rows = c.rows();
            columns.add(c);
        }
        Frame frame = new Frame(rows, columns);
        if (signature.isPresent()) {
            frame = Tabular.splitMatrix(frame, signature.get());
        }
        return new OipRequest(id, frame, outputs(root.get("outputs")));
    }

    private static List<String> outputs(JsonNode outputs) {
        if (outputs == null || outputs.isNull()) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw bad("outputs", "\"outputs\" must be an array of {\"name\": ...} objects");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode o : outputs) {
            JsonNode name = o.get("name");
            if (name == null || !name.isTextual()) {
                throw bad("outputs", "every entry of \"outputs\" needs a \"name\"");
            }
            names.add(name.asText());
        }
        return names;
    }

    private static Column tensor(JsonNode t) {
        if (!t.isObject()) {
            throw bad(
                    "inputs", "every input must be an object with name, shape, datatype and data");
        }
        String name = text(t, "name", "input");
        String datatype = text(t, "datatype", name);
        JsonNode shapeNode = t.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.isEmpty()) {
            throw bad(
                    name,
                    "input '%s' needs a \"shape\" such as [rows] or [rows, width]".formatted(name));
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw bad(
                        name,
                        "input '%s' has shape %s; dimensions must be whole numbers of 0 or more"
                                .formatted(name, shapeNode));
            }
            shape[i] = d.asLong();
            count = Math.multiplyExact(count, shape[i]);
        }
        if (count > Integer.MAX_VALUE) {
            throw bad(name, "input '%s' is too large (%d elements)".formatted(name, count));
        }
        JsonNode data = t.get("data");
        if (data == null) {
            throw bad(name, "input '%s' has no \"data\"".formatted(name));
        }
        List<JsonNode> flat = new ArrayList<>((int) count);
        flatten(data, flat, name);
        if (flat.size() != count) {
            throw bad(
                    name,
                    "input '%s' has shape %s, which holds %d elements, but its data has %d"
                            .formatted(name, shapeNode, count, flat.size()));
        }
        int rows = (int) shape[0];
        int width = rows == 0 ? 1 : (int) (count / rows);
        if (shape.length > 2 && width == 0) {
            width = 1;
        }
        return column(name, datatype, rows, Math.max(1, width), flat);
    }

    private static void flatten(JsonNode data, List<JsonNode> out, String name) {
        if (data.isArray()) {
            for (JsonNode d : data) {
                flatten(d, out, name);
            }
        } else {
            out.add(data);
        }
    }

    private static Column column(
            String name, String datatype, int rows, int width, List<JsonNode> data) {
        int n = data.size();
        BitSet nulls = new BitSet();
        switch (datatype) {
            case "BOOL" -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = data.get(i);
                    if (d.isNull()) {
                        nulls.set(i / width);
                    } else if (d.isBoolean()) {
                        v[i] = d.booleanValue();
                    } else {
                        throw element(name, datatype, i, d);
                    }
                }
                return new BoolColumn(name, width, v, nulls);
            }
            case "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64" -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = data.get(i);
                    if (d.isNull()) {
                        nulls.set(i / width);
                    } else if (d.isIntegralNumber() && d.canConvertToLong()) {
                        v[i] = d.longValue();
                    } else {
                        throw element(name, datatype, i, d);
                    }
                }
                return new LongColumn(name, width, v, nulls);
            }
            case "FP16", "FP32", "BF16" -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = data.get(i);
                    if (d.isNull()) {
                        v[i] = Float.NaN;
                    } else if (d.isNumber()) {
                        v[i] = d.floatValue();
                    } else {
                        throw element(name, datatype, i, d);
                    }
                }
                return new FloatColumn(name, width, v, nulls);
            }
            case "FP64" -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = data.get(i);
                    if (d.isNull()) {
                        v[i] = Double.NaN;
                    } else if (d.isNumber()) {
                        v[i] = d.doubleValue();
                    } else {
                        throw element(name, datatype, i, d);
                    }
                }
                return new DoubleColumn(name, width, v, nulls);
            }
            case "BYTES" -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    JsonNode d = data.get(i);
                    if (d.isNull()) {
                        nulls.set(i / width);
                        v[i] = "";
                    } else if (d.isTextual()) {
                        v[i] = d.textValue();
                    } else {
                        throw element(name, datatype, i, d);
                    }
                }
                return new StringColumn(name, width, v, nulls);
            }
            default ->
                    throw bad(
                            name,
                            "input '%s' has datatype '%s'; use one of BOOL, INT8..INT64, UINT8..UINT64, FP16, FP32, FP64, BYTES"
                                    .formatted(name, datatype));
        }
    }

    private static InvalidInputException element(String name, String datatype, int i, JsonNode d) {
        return bad(
                name,
                "input '%s' is %s but element %d is %s; send %s"
                        .formatted(
                                name,
                                datatype,
                                i,
                                d.isTextual()
                                        ? "the text \"" + abbreviate(d.textValue()) + "\""
                                        : d.getNodeType()
                                                .toString()
                                                .toLowerCase(java.util.Locale.ROOT),
                                datatype.equals("BYTES")
                                        ? "strings"
                                        : datatype.equals("BOOL") ? "true or false" : "numbers"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String text(JsonNode t, String field, String where) {
        JsonNode n = t.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw bad(where, "input '%s' needs a \"%s\" string".formatted(where, field));
        }
        return n.asText();
    }

    static InvalidInputException bad(String where, String message) {
        return InvalidInputException.of(where, message);
    }

    /** The response body: the outputs asked for, in the model's order. */
    byte[] encode(Inference r, Optional<String> id, List<String> wanted) {
        List<ColumnSpec> specs = r.signature().outputs();
        for (String w : wanted) {
            if (r.signature().findOutput(w).isEmpty()) {
                throw bad(
                        "outputs",
                        "model %s has no output '%s'; it has %s"
                                .formatted(
                                        r.model(),
                                        w,
                                        specs.stream().map(ColumnSpec::name).toList()));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.mapper().getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("model_name", r.model());
            g.writeStringField("model_version", Integer.toString(r.version()));
            if (id.isPresent()) {
                g.writeStringField("id", id.get());
            }
            g.writeArrayFieldStart("outputs");
            for (Column c : r.outputs().columns()) {
                if (!wanted.isEmpty() && !wanted.contains(c.name())) {
                    continue;
                }
                writeTensor(g, c, r.outputs().rows());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void writeTensor(JsonGenerator g, Column c, int rows) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("datatype", c.dtype().protocolName());
        g.writeArrayFieldStart("shape");
        g.writeNumber(rows);
        if (c.width() > 1) {
            g.writeNumber(c.width());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("data");
        int w = c.width();
        int n = rows * w;
        switch (c) {
            case DoubleColumn d -> {
                for (int i = 0; i < n; i++) {
                    writeDouble(g, d.values()[i], d.isNull(i / w));
                }
            }
            case FloatColumn f -> {
                for (int i = 0; i < n; i++) {
                    float v = f.values()[i];
                    if (f.isNull(i / w) || Float.isNaN(v)) {
                        g.writeNull();
                    } else {
                        g.writeNumber(v);
                    }
                }
            }
            case LongColumn l -> {
                for (int i = 0; i < n; i++) {
                    if (l.isNull(i / w)) {
                        g.writeNull();
                    } else {
                        g.writeNumber(l.values()[i]);
                    }
                }
            }
            case BoolColumn b -> {
                for (int i = 0; i < n; i++) {
                    if (b.isNull(i / w)) {
                        g.writeNull();
                    } else {
                        g.writeBoolean(b.values()[i]);
                    }
                }
            }
            case StringColumn s -> {
                for (int i = 0; i < n; i++) {
                    if (s.isNull(i / w)) {
                        g.writeNull();
                    } else {
                        g.writeString(s.values()[i]);
                    }
                }
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeDouble(JsonGenerator g, double v, boolean isNull) throws IOException {
        if (isNull || Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    /** Tensor metadata of a column spec, for model metadata. */
    static void writeMeta(JsonGenerator g, ColumnSpec s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("datatype", s.dtype().protocolName());
        g.writeArrayFieldStart("shape");
        g.writeNumber(-1);
        if (s.width() > 1) {
            g.writeNumber(s.width());
        }
        g.writeEndArray();
        if (!s.labels().isEmpty()) {
            g.writeObjectFieldStart("parameters");
            g.writeArrayFieldStart("labels");
            for (String l : s.labels()) {
                g.writeString(l);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static boolean numeric(DType t) {
        return t != DType.STRING;
    }
}
