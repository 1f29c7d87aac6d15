package dev.slipway.serve.http;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns one 2-D numeric input into the model's columns: a request may send a matrix {@code [n, k]}
 * instead of k columns when the model takes k numeric columns, or name its one tensor input
 * differently.
 */
final class Tabular {

    private Tabular() {}

    static Frame splitMatrix(Frame frame, Signature signature) {
        if (frame.columns().size() != 1) {
            return frame;
        }
        Column only = frame.columns().getFirst();
        if (signature.findInput(only.name()).isPresent() || !only.dtype().isNumeric()) {
            return frame;
        }
        List<ColumnSpec> inputs = signature.inputs();
        if (inputs.size() == 1 && inputs.getFirst().width() == only.width()) {
            return new Frame(frame.rows(), List.of(only.renamed(inputs.getFirst().name())));
        }
        if (inputs.size() != only.width()
                || !inputs.stream().allMatch(s -> s.width() == 1 && s.dtype().isNumeric())) {
            return frame;
        }
        int rows = frame.rows();
        int k = only.width();
        List<Column> columns = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double[] v = new double[rows];
            BitSet nulls = new BitSet();
            for (int r = 0; r < rows; r++) {
                int i = r * k + j;
                v[r] =
                        switch (only) {
                            case DoubleColumn d -> d.values()[i];
                            case FloatColumn f -> f.values()[i];
                            case LongColumn l -> l.values()[i];
                            case dev.slipway.api.model.BoolColumn b -> b.values()[i] ? 1 : 0;
                            case dev.slipway.api.model.StringColumn s -> Double.NaN;
                        };
                if (only.isNull(r)) {
                    nulls.set(r);
                }
            }
            columns.add(new DoubleColumn(inputs.get(j).name(), 1, v, nulls));
        }
        return new Frame(rows, columns);
    }
}
