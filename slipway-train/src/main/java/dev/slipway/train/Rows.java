package dev.slipway.train;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.BitSet;
import java.util.List;

/** Row selection on frames. */
final class Rows {

    private Rows() {}

    /** The rows of {@code frame} at {@code positions}, in that order. */
    static Frame take(Frame frame, int[] positions) {
        List<Column> columns = frame.columns().stream().map(c -> take(c, positions)).toList();
        return new Frame(positions.length, columns);
    }

    /** The values of {@code labels} at {@code positions}. */
    static float[] take(float[] labels, int[] positions) {
        float[] out = new float[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = labels[positions[i]];
        }
        return out;
    }

    /** The positions of the rows whose label is not NaN. */
    static int[] labelled(float[] labels) {
        int n = 0;
        for (float l : labels) {
            if (!Float.isNaN(l)) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int r = 0; r < labels.length; r++) {
            if (!Float.isNaN(labels[r])) {
                out[n++] = r;
            }
        }
        return out;
    }

    private static Column take(Column c, int[] rows) {
        int w = c.width();
        BitSet nulls = new BitSet();
        for (int i = 0; i < rows.length; i++) {
            if (c.isNull(rows[i])) {
                nulls.set(i);
            }
        }
        return switch (c) {
            case DoubleColumn d -> {
                double[] v = new double[rows.length * w];
                for (int i = 0; i < rows.length; i++) {
                    System.arraycopy(d.values(), rows[i] * w, v, i * w, w);
                }
                yield new DoubleColumn(c.name(), w, v, nulls);
            }
            case FloatColumn f -> {
                float[] v = new float[rows.length * w];
                for (int i = 0; i < rows.length; i++) {
                    System.arraycopy(f.values(), rows[i] * w, v, i * w, w);
                }
                yield new FloatColumn(c.name(), w, v, nulls);
            }
            case LongColumn l -> {
                long[] v = new long[rows.length * w];
                for (int i = 0; i < rows.length; i++) {
                    System.arraycopy(l.values(), rows[i] * w, v, i * w, w);
                }
                yield new LongColumn(c.name(), w, v, nulls);
            }
            case BoolColumn b -> {
                boolean[] v = new boolean[rows.length * w];
                for (int i = 0; i < rows.length; i++) {
                    System.arraycopy(b.values(), rows[i] * w, v, i * w, w);
                }
                yield new BoolColumn(c.name(), w, v, nulls);
            }
            case StringColumn s -> {
                String[] v = new String[rows.length * w];
                for (int i = 0; i < rows.length; i++) {
                    System.arraycopy(s.values(), rows[i] * w, v, i * w, w);
                }
                yield new StringColumn(c.name(), w, v, nulls);
            }
        };
    }
}
