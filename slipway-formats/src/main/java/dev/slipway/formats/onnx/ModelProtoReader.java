package dev.slipway.formats.onnx;

import dev.slipway.formats.onnx.ProtoCursor.MalformedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks into the bytes of an ONNX {@code ModelProto} for what ONNX Runtime's session does not
 * report: whether a file starts like a model, and the {@code ZipMap} nodes that turn class
 * probabilities into maps.
 */
final class ModelProtoReader {

    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_STRINGS = 9;
    private static final long MAX_IR_VERSION = 63;

    private ModelProtoReader() {}

    /**
     * Where a model's graph is and what it holds.
     *
     * @param keyStart the offset of the graph field's key in the model
     * @param start the offset of the graph message's first byte
     * @param end the offset just past the graph message
     * @param outputs the names of the graph's outputs
     * @param zipMaps the ZipMap nodes that write a graph output
     */
    record ModelGraph(
            int keyStart, int start, int end, List<String> outputs, List<ZipMap> zipMaps) {

        ModelGraph {
            outputs = List.copyOf(outputs);
            zipMaps = List.copyOf(zipMaps);
        }
    }

    /**
     * A {@code ZipMap} node that writes a graph output (directly or through {@code Identity}
     * nodes).
     *
     * @param output the graph output holding the maps
     * @param probabilities the float tensor {@code [N, classes]} the node reads
     * @param keys the class keys in the model's order: {@link Long}s or {@link String}s
     */
    record ZipMap(String output, String probabilities, List<Object> keys) {

        ZipMap {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Whether {@code head} starts like a serialized {@code ModelProto}: an {@code ir_version} field
     * first, then only fields a model has, each with its wire type, as far as the head reaches.
     */
    static boolean looksLikeModel(byte[] head) {
        ProtoCursor cursor = new ProtoCursor(head, 0, head.length);
        try {
            if (!cursor.hasNext()
                    || cursor.next() != MODEL_IR_VERSION
                    || cursor.wireType() != ProtoCursor.VARINT) {
                return false;
            }
            long irVersion = cursor.varint();
            if (irVersion < 1 || irVersion > MAX_IR_VERSION) {
                return false;
            }
            while (cursor.hasNext()) {
                int field = cursor.next();
                if (expectedWireType(field) != cursor.wireType()) {
                    return false;
                }
                cursor.skip();
            }
            return true;
        } catch (MalformedException e) {
            // A head cut in the middle of a field is still a model's head; a bad value is not.
            return e.endReached() && cursor.position() > 2;
        }
    }

    /** The wire type of a {@code ModelProto} field, or -1 for a field a model does not have. */
    private static int expectedWireType(int field) {
        return switch (field) {
            case 1, 5 -> ProtoCursor.VARINT; // ir_version, model_version
            case 2, 3, 4, 6, 7, 8, 14, 20, 25, 26 -> ProtoCursor.LEN;
            default -> -1;
        };
    }

    /**
     * Reads the model's graph: its outputs and ZipMap nodes; empty when the model has no graph or
     * more than one graph field.
     *
     * @throws MalformedException when the bytes are not a well-formed message
     */
    static Optional<ModelGraph> readGraph(byte[] model) {
        ProtoCursor top = new ProtoCursor(model, 0, model.length);
        int keyStart = -1;
        ProtoCursor graph = null;
        int graphs = 0;
        while (top.hasNext()) {
            int key = top.position();
            if (top.next() == MODEL_GRAPH && top.wireType() == ProtoCursor.LEN) {
                keyStart = key;
                graph = top.message();
                graphs++;
            } else {
                top.skip();
            }
        }
        if (graphs != 1) {
            return Optional.empty();
        }
        List<String> outputs = new ArrayList<>();
        Map<String, Node> producers = new HashMap<>();
        ProtoCursor fields = new ProtoCursor(model, graph.start(), graph.end());
        while (fields.hasNext()) {
            int field = fields.next();
            if (field == GRAPH_NODE && fields.wireType() == ProtoCursor.LEN) {
                Node node = Node.read(fields.message());
                node.outputs().forEach(o -> producers.put(o, node));
            } else if (field == GRAPH_OUTPUT && fields.wireType() == ProtoCursor.LEN) {
                outputs.add(valueName(fields.message()));
            } else {
                fields.skip();
            }
        }
        List<ZipMap> zipMaps = new ArrayList<>();
        for (String output : outputs) {
            zipMapOf(output, producers).ifPresent(zipMaps::add);
        }
        return Optional.of(new ModelGraph(keyStart, graph.start(), graph.end(), outputs, zipMaps));
    }

    private static String valueName(ProtoCursor valueInfo) {
        String name = "";
        while (valueInfo.hasNext()) {
            if (valueInfo.next() == VALUE_INFO_NAME && valueInfo.wireType() == ProtoCursor.LEN) {
                name = valueInfo.string();
            } else {
                valueInfo.skip();
            }
        }
        return name;
    }

    private static Optional<ZipMap> zipMapOf(String output, Map<String, Node> producers) {
        Node node = producers.get(output);
        for (int hops = 0; node != null && hops <= producers.size(); hops++) {
            if (node.opType().equals("ZipMap") && !node.inputs().isEmpty()) {
                String probabilities = node.inputs().getFirst();
                return node.classKeys().map(keys -> new ZipMap(output, probabilities, keys));
            }
            if (!node.opType().equals("Identity") || node.inputs().isEmpty()) {
                return Optional.empty();
            }
            node = producers.get(node.inputs().getFirst());
        }
        return Optional.empty();
    }

    /** The parts of a {@code NodeProto} this reader needs; attributes are read on demand. */
    private record Node(
            String opType,
            List<String> inputs,
            List<String> outputs,
            List<ProtoCursor> attributes) {

        static Node read(ProtoCursor cursor) {
            String opType = "";
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            List<ProtoCursor> attributes = new ArrayList<>();
            while (cursor.hasNext()) {
                int field = cursor.next();
                if (cursor.wireType() != ProtoCursor.LEN) {
                    cursor.skip();
                    continue;
                }
                switch (field) {
                    case NODE_INPUT -> inputs.add(cursor.string());
                    case NODE_OUTPUT -> outputs.add(cursor.string());
                    case NODE_OP_TYPE -> opType = cursor.string();
                    case NODE_ATTRIBUTE -> attributes.add(cursor.message());
                    default -> cursor.skip();
                }
            }
            return new Node(opType, inputs, outputs, attributes);
        }

        /**
         * The {@code classlabels_int64s} or {@code classlabels_strings} attribute of a ZipMap, when
         * it has classes.
         */
        Optional<List<Object>> classKeys() {
            for (ProtoCursor stored : attributes) {
                ProtoCursor attribute =
                        new ProtoCursor(stored.bytes(), stored.start(), stored.end());
                String name = "";
                List<Object> keys = new ArrayList<>();
                while (attribute.hasNext()) {
                    int field = attribute.next();
                    if (field == ATTRIBUTE_NAME && attribute.wireType() == ProtoCursor.LEN) {
                        name = attribute.string();
                    } else if (field == ATTRIBUTE_INTS) {
                        readInts(attribute, keys);
                    } else if (field == ATTRIBUTE_STRINGS
                            && attribute.wireType() == ProtoCursor.LEN) {
                        keys.add(attribute.string());
                    } else {
                        attribute.skip();
                    }
                }
                boolean labels =
                        name.equals("classlabels_int64s") || name.equals("classlabels_strings");
                if (labels && !keys.isEmpty()) {
                    return Optional.of(List.copyOf(keys));
                }
            }
            return Optional.empty();
        }

        private static void readInts(ProtoCursor attribute, List<Object> keys) {
            if (attribute.wireType() == ProtoCursor.LEN) {
                ProtoCursor packed = attribute.message();
                while (packed.hasNext()) {
                    keys.add(packed.varint());
                }
            } else if (attribute.wireType() == ProtoCursor.VARINT) {
                keys.add(attribute.varint());
            } else {
                attribute.skip();
            }
        }
    }
}
