package dev.slipway.serve.core;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs a freshly loaded model a few times before it answers requests, so that the first requests do
 * not pay for lazy initialisation and JIT compilation. The rows are zeros, with text columns
 * missing; a model that refuses them is still served (its answers to real rows decide).
 */
final class Warmup {

    private static final int ROUNDS = 200;

    private Warmup() {}

    static void run(Predictor predictor) {
        Frame one = rows(predictor, 1);
        Frame some = rows(predictor, 32);
        for (int i = 0; i < ROUNDS; i++) {
            try {
                predictor.predict(i % 10 == 0 ? some : one);
            } catch (InvalidInputException e) {
                return;
            }
        }
    }

    private static Frame rows(Predictor predictor, int rows) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec s : predictor.signature().inputs()) {
            int n = rows * s.width();
            columns.add(
                    switch (s.dtype()) {
                        case FP64 ->
                                new DoubleColumn(s.name(), s.width(), new double[n], new BitSet());
                        case FP32 ->
                                new FloatColumn(s.name(), s.width(), new float[n], new BitSet());
                        case INT64 ->
                                new LongColumn(s.name(), s.width(), new long[n], new BitSet());
                        case BOOL ->
                                new BoolColumn(s.name(), s.width(), new boolean[n], new BitSet());
                        case STRING -> {
                            String[] v = new String[n];
                            java.util.Arrays.fill(v, "");
                            BitSet nulls = new BitSet();
                            nulls.set(0, rows);
                            yield new StringColumn(s.name(), s.width(), v, nulls);
                        }
                    });
        }
        return new Frame(rows, columns);
    }
}
