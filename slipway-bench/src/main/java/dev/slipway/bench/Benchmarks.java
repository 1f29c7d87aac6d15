package dev.slipway.bench;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Helpers shared by the benchmarks. */
final class Benchmarks {

    private Benchmarks() {}

    /** Rows {@code from} to {@code from + count} of {@code frame}, wrapping around its end. */
    static Frame rows(Frame frame, int from, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = (from + i) % frame.rows();
        }
        List<Column> columns = frame.columns().stream().map(c -> take(c, rows)).toList();
        return new Frame(count, columns);
    }

    private static Column take(Column c, int[] rows) {
        BitSet nulls = new BitSet();
        for (int i = 0; i < rows.length; i++) {
            if (c.isNull(rows[i])) {
                nulls.set(i);
            }
        }
        return switch (c) {
            case DoubleColumn d ->
                    new DoubleColumn(
                            c.name(), 1, Arrays.stream(rows).mapToDouble(d::get).toArray(), nulls);
            case LongColumn l ->
                    new LongColumn(
                            c.name(), 1, Arrays.stream(rows).mapToLong(l::get).toArray(), nulls);
            case StringColumn s ->
                    new StringColumn(
                            c.name(),
                            1,
                            Arrays.stream(rows).mapToObj(s::get).toArray(String[]::new),
                            nulls);
            case FloatColumn f -> {
                float[] v = new float[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = f.get(rows[i]);
                }
                yield new FloatColumn(c.name(), 1, v, nulls);
            }
            case BoolColumn b -> {
                boolean[] v = new boolean[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = b.get(rows[i]);
                }
                yield new BoolColumn(c.name(), 1, v, nulls);
            }
        };
    }
}
