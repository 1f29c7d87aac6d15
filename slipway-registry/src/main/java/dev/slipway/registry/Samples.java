package dev.slipway.registry;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Synthetic input rows for checking that a model runs. */
final class Samples {

    private Samples() {}

    /** One row with every input of {@code signature}: 0 for numbers, the empty string for text. */
    static Frame oneRow(Signature signature) {
        List<Column> columns = signature.inputs().stream().map(Samples::zeros).toList();
        return new Frame(1, columns);
    }

    private static Column zeros(ColumnSpec c) {
        int w = c.width();
        return switch (c.dtype()) {
            case BOOL -> new BoolColumn(c.name(), w, new boolean[w], new BitSet());
            case INT64 -> new LongColumn(c.name(), w, new long[w], new BitSet());
            case FP32 -> new FloatColumn(c.name(), w, new float[w], new BitSet());
            case FP64 -> new DoubleColumn(c.name(), w, new double[w], new BitSet());
            case STRING -> {
                String[] values = new String[w];
                Arrays.fill(values, "");
                yield new StringColumn(c.name(), w, values, new BitSet());
            }
        };
    }
}
