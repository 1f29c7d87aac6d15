package dev.slipway.formats.xgboost;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Row-major float32 matrices as frames of FP32 columns, and back. */
final class Frames {

    private Frames() {}

    /** XGBoost's default feature names {@code f0, f1, ...}. */
    static List<String> defaultNames(int columns) {
        return IntStream.range(0, columns).mapToObj(i -> "f" + i).toList();
    }

    /** One FP32 column per feature; NaN stays NaN. */
    static Frame of(float[] rows, List<String> names) {
        int width = names.size();
        int n = rows.length / width;
        List<Column> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            float[] v = new float[n];
            for (int r = 0; r < n; r++) {
                v[r] = rows[r * width + j];
            }
            columns.add(new FloatColumn(names.get(j), 1, v, new BitSet()));
        }
        return new Frame(n, columns);
    }

    /** {@code n} rows drawn with replacement from {@code rows}, with {@code seed}. */
    static float[] sample(float[] rows, int width, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int available = rows.length / width;
        float[] out = new float[n * width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows, random.nextInt(available) * width, out, r * width, width);
        }
        return out;
    }

    /** The values of a width-{@code k} FP32 output column at position {@code index} of each row. */
    static float[] position(Frame frame, String column, int index) {
        FloatColumn c = (FloatColumn) frame.column(column);
        float[] out = new float[c.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = c.get(r, index);
        }
        return out;
    }
}
