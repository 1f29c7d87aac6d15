package dev.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Request bodies of the serving benchmark built from frames, and frames read back from Open
 * Inference Protocol bodies, so that every side of the benchmark (wrk, the gRPC client, the
 * in-process model limit) sends the model exactly the same rows.
 */
final class Payloads {

    static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    /** An Open Inference Protocol REST body: one input per column, flat data, shape [rows(, w)]. */
    static String oip(Frame frame) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (Column c : frame.columns()) {
            ObjectNode t = inputs.addObject();
            t.put("name", c.name());
            t.put("datatype", c.dtype().protocolName());
            ArrayNode shape = t.putArray("shape").add(frame.rows());
            if (c.width() > 1) {
                shape.add(c.width());
            }
            ArrayNode data = t.putArray("data");
            for (int r = 0; r < frame.rows(); r++) {
                for (int k = 0; k < c.width(); k++) {
                    add(data, c, r, r * c.width() + k);
                }
            }
        }
        return root.toString();
    }

    /** An MLflow {@code /invocations} body in {@code dataframe_split} form (width-1 columns). */
    static String mlflow(Frame frame) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode split = root.putObject("dataframe_split");
        ArrayNode columns = split.putArray("columns");
        frame.columns().forEach(c -> columns.add(c.name()));
        ArrayNode data = split.putArray("data");
        for (int r = 0; r < frame.rows(); r++) {
            ArrayNode row = data.addArray();
            for (Column c : frame.columns()) {
                add(row, c, r, r);
            }
        }
        return root.toString();
    }

    private static void add(ArrayNode to, Column c, int row, int i) {
        if (c.isNull(row)) {
            to.addNull();
            return;
        }
        switch (c) {
            case DoubleColumn d -> to.add(d.values()[i]);
            case FloatColumn f -> to.add(f.values()[i]);
            case LongColumn l -> to.add(l.values()[i]);
            case BoolColumn b -> to.add(b.values()[i]);
            case StringColumn s -> to.add(s.values()[i]);
        }
    }

    /** The frame an Open Inference Protocol REST body written by {@link #oip} carries. */
    static Frame frame(Path oipBody) {
        try {
            JsonNode root = JSON.readTree(Files.readString(oipBody, StandardCharsets.UTF_8));
            List<Column> columns = new ArrayList<>();
            int rows = 0;
            for (JsonNode t : root.get("inputs")) {
                rows = t.get("shape").get(0).asInt();
                int width = t.get("shape").size() > 1 ? t.get("shape").get(1).asInt() : 1;
                columns.add(column(t, rows, width));
            }
            return new Frame(rows, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body " + oipBody, e);
        }
    }

    private static Column column(JsonNode t, int rows, int width) {
        String name = t.get("name").asText();
        JsonNode data = t.get("data");
        int n = rows * width;
        BitSet nulls = new BitSet();
        for (int i = 0; i < n; i++) {
            if (data.get(i).isNull()) {
                nulls.set(i / width);
            }
        }
        return switch (t.get("datatype").asText()) {
            case "FP64" -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).isNull() ? Double.NaN : data.get(i).asDouble();
                }
                yield new DoubleColumn(name, width, v, nulls);
            }
            case "FP32" -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).isNull() ? Float.NaN : (float) data.get(i).asDouble();
                }
                yield new FloatColumn(name, width, v, nulls);
            }
            case "INT64" -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).asLong();
                }
                yield new LongColumn(name, width, v, nulls);
            }
            case "BOOL" -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).asBoolean();
                }
                yield new BoolColumn(name, width, v, nulls);
            }
            case "BYTES" -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).isNull() ? "" : data.get(i).asText();
                }
                yield new StringColumn(name, width, v, nulls);
            }
            default ->
                    throw new IllegalArgumentException(
                            "input '%s' has datatype %s, which the benchmark does not send"
                                    .formatted(name, t.get("datatype").asText()));
        };
    }

    /** The same rows as an Open Inference Protocol gRPC request with typed contents. */
    static ModelInferRequest grpc(String model, Frame frame) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(model);
        for (Column c : frame.columns()) {
            var t =
                    request.addInputsBuilder()
                            .setName(c.name())
                            .setDatatype(c.dtype().protocolName())
                            .addShape(frame.rows());
            if (c.width() > 1) {
                t.addShape(c.width());
            }
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            switch (c) {
                case DoubleColumn d -> {
                    for (double v : d.values()) {
                        contents.addFp64Contents(v);
                    }
                }
                case FloatColumn f -> {
                    for (float v : f.values()) {
                        contents.addFp32Contents(v);
                    }
                }
                case LongColumn l -> {
                    for (long v : l.values()) {
                        contents.addInt64Contents(v);
                    }
                }
                case BoolColumn b -> {
                    for (boolean v : b.values()) {
                        contents.addBoolContents(v);
                    }
                }
                case StringColumn s -> {
                    for (String v : s.values()) {
                        contents.addBytesContents(ByteString.copyFrom(v, StandardCharsets.UTF_8));
                    }
                }
            }
            t.setContents(contents);
        }
        return request.build();
    }
}
