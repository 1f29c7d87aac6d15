package dev.slipway.formats.onnx;

import dev.slipway.formats.onnx.ProtoCursor.MalformedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks into the bytes of an ONNX {@code ModelProto} for what ONNX Runtime's session does not
 * report: whether a file starts like a model, and the class keys of a {@code ZipMap} output.
 */
final class ModelProtoReader {

    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
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
     * The class keys of the {@code ZipMap} node that produces the graph output {@code output}
     * (through {@code Identity} nodes, if any), in the model's class order: {@link Long}s for
     * integer classes, {@link String}s for named ones.
     *
     * @throws MalformedException when the bytes are not a well-formed model
     */
    static Optional<List<Object>> zipMapKeys(byte[] model, String output) {
        Map<String, Node> producers = new HashMap<>();
        ProtoCursor top = new ProtoCursor(model, 0, model.length);
        while (top.hasNext()) {
            if (top.next() == MODEL_GRAPH && top.wireType() == ProtoCursor.LEN) {
                ProtoCursor graph = top.message();
                while (graph.hasNext()) {
                    if (graph.next() == GRAPH_NODE && graph.wireType() == ProtoCursor.LEN) {
                        Node node = Node.read(graph.message());
                        node.outputs().forEach(o -> producers.put(o, node));
                    } else {
                        graph.skip();
                    }
                }
            } else {
                top.skip();
            }
        }
        Node node = producers.get(output);
        for (int hops = 0; node != null && hops < producers.size(); hops++) {
            if (node.opType().equals("ZipMap")) {
                return node.classKeys();
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

        /** The {@code classlabels_int64s} or {@code classlabels_strings} attribute of a ZipMap. */
        Optional<List<Object>> classKeys() {
            for (ProtoCursor attribute : attributes) {
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
                if (name.equals("classlabels_int64s") || name.equals("classlabels_strings")) {
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
