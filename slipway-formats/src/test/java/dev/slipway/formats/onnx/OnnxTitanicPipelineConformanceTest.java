package dev.slipway.formats.onnx;

import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.testkit.conformance.PredictorConformance;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The predictor contract, on the skl2onnx Titanic pipeline: one column per input, strings and
 * floats, with missing ages.
 */
class OnnxTitanicPipelineConformanceTest extends PredictorConformance {

    private static final String[] CLASSES = {"1", "2", "3"};
    private static final String[] SEXES = {"male", "female"};
    private static final String[] PORTS = {"S", "C", "Q", "missing"};

    @Override
    protected Predictor open() {
        return OnnxFixtures.load(OnnxFixtures.TITANIC_MODEL);
    }

    @Override
    protected Frame input(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] pclass = new String[rows];
        String[] sex = new String[rows];
        float[] age = new float[rows];
        BitSet noAge = new BitSet();
        float[] fare = new float[rows];
        String[] embarked = new String[rows];
        for (int r = 0; r < rows; r++) {
            pclass[r] = CLASSES[random.nextInt(CLASSES.length)];
            sex[r] = SEXES[random.nextInt(SEXES.length)];
            age[r] = 0.5f + (float) random.nextDouble() * 79.5f;
            if (random.nextInt(5) == 0) {
                noAge.set(r);
                age[r] = Float.NaN;
            }
            fare[r] = (float) random.nextDouble() * 512f;
            embarked[r] = PORTS[random.nextInt(PORTS.length)];
        }
        return Frame.of(
                StringColumn.of("pclass", pclass),
                StringColumn.of("sex", sex),
                new FloatColumn("age", 1, age, noAge),
                FloatColumn.of("fare", fare),
                StringColumn.of("embarked", embarked));
    }
}
