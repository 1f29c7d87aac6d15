package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;

/** Open Inference Protocol request bodies built from frames, for tests. */
final class OipBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private OipBodies() {}

    /** One input per column: FP64 numbers, BYTES text, shape [n]. */
    static ObjectNode perColumn(Frame frame) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("parameters").put("content_type", "pd");
        ArrayNode inputs = root.putArray("inputs");
        for (Column c : frame.columns()) {
            ObjectNode t = inputs.addObject();
            t.put("name", c.name());
            t.putArray("shape").add(frame.rows());
            ArrayNode data = t.putArray("data");
            switch (c) {
                case DoubleColumn d -> {
                    t.put("datatype", "FP64");
                    for (double v : d.values()) {
                        data.add(v);
                    }
                }
                case StringColumn s -> {
                    t.put("datatype", "BYTES");
                    for (int i = 0; i < s.rows(); i++) {
                        if (s.isNull(i)) {
                            data.addNull();
                        } else {
                            data.add(s.get(i));
                        }
                    }
                }
                default -> throw new IllegalArgumentException(c.toString());
            }
        }
        return root;
    }
}
