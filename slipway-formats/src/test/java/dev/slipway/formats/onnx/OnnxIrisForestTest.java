package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import java.io.IOException;
import java.util.BitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scikit-learn random forest on iris, converted by skl2onnx (shared/models/SOURCES.md). */
class OnnxIrisForestTest {

    private static Predictor forest;
    private static OnnxFixtures.Iris iris;

    @BeforeAll
    static void load() throws IOException {
        forest = OnnxFixtures.load(OnnxFixtures.IRIS_MODEL);
        iris = OnnxFixtures.Iris.read();
    }

    @AfterAll
    static void close() {
        forest.close();
    }

    @Test
    void predict_publishedRows_labelsAreZeroAndOne() {
        float[] rows = {5.1f, 3.5f, 1.4f, 0.2f, 6.8f, 2.8f, 4.8f, 1.4f};
        Frame input = Frame.of(new FloatColumn("float_input", 4, rows, new BitSet()));

        Frame output = forest.predict(input);

        assertThat(((LongColumn) output.column("output_label")).values()).containsExactly(0, 1);
    }

    @Test
    void predict_irisDataset_probabilitiesAreDistributions() {
        FloatColumn probabilities = probabilities(forest.predict(iris.features()));

        for (int r = 0; r < probabilities.rows(); r++) {
            float sum = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(probabilities.get(r, k)).isBetween(0f, 1f);
                sum += probabilities.get(r, k);
            }
            assertThat(sum).as("row %d", r).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void predict_irisDataset_labelIsMostProbableClass() {
        Frame output = forest.predict(iris.features());
        LongColumn labels = (LongColumn) output.column("output_label");
        FloatColumn probabilities = probabilities(output);

        for (int r = 0; r < output.rows(); r++) {
            assertThat(labels.get(r)).as("row %d", r).isEqualTo(argmax(probabilities, r));
        }
    }

    @Test
    void predict_irisDataset_accuracyAbove95Percent() {
        LongColumn labels = (LongColumn) forest.predict(iris.features()).column("output_label");

        int correct = 0;
        for (int r = 0; r < labels.rows(); r++) {
            correct += labels.get(r) == iris.classes()[r] ? 1 : 0;
        }
        assertThat(correct / (double) labels.rows()).isGreaterThan(0.95);
    }

    @Test
    void predict_doubleFeatures_sameAsFloatFeatures() {
        FloatColumn floats = (FloatColumn) iris.features().column("float_input");
        double[] doubles = new double[floats.values().length];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = floats.values()[i];
        }
        Frame asDoubles = Frame.of(new DoubleColumn("float_input", 4, doubles, new BitSet()));

        assertThat(probabilities(forest.predict(asDoubles)).values())
                .containsExactly(probabilities(forest.predict(iris.features())).values());
    }

    private static FloatColumn probabilities(Frame output) {
        return (FloatColumn) output.column("output_probability");
    }

    private static int argmax(FloatColumn probabilities, int row) {
        int best = 0;
        for (int k = 1; k < probabilities.width(); k++) {
            if (probabilities.get(row, k) > probabilities.get(row, best)) {
                best = k;
            }
        }
        return best;
    }
}
