package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.testkit.conformance.PredictorConformance;
import java.util.BitSet;
import java.util.SplittableRandom;

/** The predictor contract, on the treelite example model with categorical splits. */
class LightGbmToyModelConformanceTest extends PredictorConformance {

    @Override
    protected Predictor open() {
        return new LightGbmFormat()
                .load(ToyModel.bytes(), "toy_categorical_model.txt", LoadOptions.defaults());
    }

    /**
     * Category codes as LightGBM takes them: doubles for the first feature (NaN missing, and now
     * and then a code the model never saw), integers for the second (null rows missing).
     */
    @Override
    protected Frame input(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] first = new double[rows];
        long[] second = new long[rows];
        BitSet missing = new BitSet();
        for (int r = 0; r < rows; r++) {
            int draw = random.nextInt(20);
            first[r] = draw == 0 ? Double.NaN : draw == 1 ? 7 : random.nextInt(3);
            second[r] = random.nextInt(5);
            if (random.nextInt(20) == 0) {
                missing.set(r);
            }
        }
        return Frame.of(
                new DoubleColumn("Column_0", 1, first, new BitSet()),
                new LongColumn("Column_1", 1, second, missing));
    }

    /** LightGBM computes a row the same way alone or in a batch. */
    @Override
    protected double tolerance() {
        return 0;
    }
}
