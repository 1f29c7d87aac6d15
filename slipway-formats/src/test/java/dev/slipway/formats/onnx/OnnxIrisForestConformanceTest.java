package dev.slipway.formats.onnx;

import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.testkit.conformance.PredictorConformance;
import java.util.BitSet;
import java.util.SplittableRandom;

/** The predictor contract, on the skl2onnx random forest for iris (one 2-D float input). */
class OnnxIrisForestConformanceTest extends PredictorConformance {

    /** The smallest and largest value of each iris feature, widened a little. */
    private static final float[] LOW = {4f, 1.8f, 0.8f, 0f};

    private static final float[] HIGH = {8.2f, 4.6f, 7.2f, 2.7f};

    @Override
    protected Predictor open() {
        return OnnxFixtures.load(OnnxFixtures.IRIS_MODEL);
    }

    /**
     * The features and, first, a row id the model does not take: the suite's extra-columns test
     * builds its extra text column from the first column's values, which needs a table column.
     */
    @Override
    protected Frame input(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * 4];
        for (int i = 0; i < values.length; i++) {
            int f = i % 4;
            values[i] = LOW[f] + (float) random.nextDouble() * (HIGH[f] - LOW[f]);
        }
        long[] ids = new long[rows];
        for (int r = 0; r < rows; r++) {
            ids[r] = r;
        }
        return Frame.of(
                LongColumn.of("row_id", ids),
                new FloatColumn("float_input", 4, values, new BitSet()));
    }
}
