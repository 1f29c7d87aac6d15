package dev.slipway.formats.onnx;

import dev.slipway.formats.onnx.ModelProtoReader.ModelGraph;
import dev.slipway.formats.onnx.ModelProtoReader.ZipMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Makes the probability tensor a {@code ZipMap} node reads a graph output of its own, so that class
 * probabilities are fetched as one {@code [N, classes]} float tensor instead of one map per row
 * (several times faster to read from Java for large batches). The ZipMap output stays in the graph;
 * the model computes the same values.
 */
final class ProbabilityOutputs {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_ELEM_TYPE = 1;
    private static final int TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int FLOAT = 1;

    private ProbabilityOutputs() {}

    /**
     * The model with a graph output for the probabilities of every ZipMap in {@code graph} that is
     * not an output already; the same bytes when there is none to add.
     */
    static byte[] expose(byte[] model, ModelGraph graph) {
        Set<String> added = new LinkedHashSet<>();
        ByteArrayOutputStream outputs = new ByteArrayOutputStream();
        for (ZipMap zipMap : graph.zipMaps()) {
            String name = zipMap.probabilities();
            if (!graph.outputs().contains(name) && added.add(name)) {
                byte[] valueInfo = valueInfo(name, zipMap.keys().size());
                writeKey(outputs, GRAPH_OUTPUT);
                writeBytes(outputs, valueInfo);
            }
        }
        if (added.isEmpty()) {
            return model;
        }
        byte[] extra = outputs.toByteArray();
        int graphLength = graph.end() - graph.start() + extra.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + extra.length + 8);
        out.write(model, 0, graph.keyStart());
        writeKey(out, MODEL_GRAPH);
        writeVarint(out, graphLength);
        out.write(model, graph.start(), graph.end() - graph.start());
        out.writeBytes(extra);
        out.write(model, graph.end(), model.length - graph.end());
        return out.toByteArray();
    }

    /** A {@code ValueInfoProto} for a float tensor of shape {@code [?, classes]}. */
    private static byte[] valueInfo(String name, int classes) {
        ByteArrayOutputStream batchDim = new ByteArrayOutputStream();
        ByteArrayOutputStream classDim = new ByteArrayOutputStream();
        writeKey(classDim, DIM_VALUE, ProtoCursor.VARINT);
        writeVarint(classDim, classes);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        writeKey(shape, SHAPE_DIM);
        writeBytes(shape, batchDim.toByteArray());
        writeKey(shape, SHAPE_DIM);
        writeBytes(shape, classDim.toByteArray());
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        writeKey(tensor, TENSOR_ELEM_TYPE, ProtoCursor.VARINT);
        writeVarint(tensor, FLOAT);
        writeKey(tensor, TENSOR_SHAPE);
        writeBytes(tensor, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        writeKey(type, TYPE_TENSOR);
        writeBytes(type, tensor.toByteArray());
        ByteArrayOutputStream valueInfo = new ByteArrayOutputStream();
        writeKey(valueInfo, VALUE_INFO_NAME);
        writeBytes(valueInfo, name.getBytes(StandardCharsets.UTF_8));
        writeKey(valueInfo, VALUE_INFO_TYPE);
        writeBytes(valueInfo, type.toByteArray());
        return valueInfo.toByteArray();
    }

    private static void writeKey(ByteArrayOutputStream out, int field) {
        writeKey(out, field, ProtoCursor.LEN);
    }

    private static void writeKey(ByteArrayOutputStream out, int field, int wireType) {
        writeVarint(out, (long) field << 3 | wireType);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
