package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scikit-learn Titanic pipeline (imputation, scaling, one-hot encoding and logistic regression)
 * converted by skl2onnx, on the Kaggle Titanic training set.
 */
class OnnxTitanicPipelineTest {

    private static Predictor pipeline;
    private static OnnxFixtures.Titanic titanic;

    @BeforeAll
    static void load() throws IOException {
        pipeline = OnnxFixtures.load(OnnxFixtures.TITANIC_MODEL);
        titanic = OnnxFixtures.Titanic.read();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void predict_titanicDataset_oneLabelAndTwoProbabilitiesPerPassenger() {
        Frame output = pipeline.predict(titanic.features());

        assertThat(output.rows()).isEqualTo(891);
        assertThat(output.names()).containsExactly("output_label", "output_probability");
        assertThat(output.column("output_label").width()).isEqualTo(1);
        assertThat(output.column("output_probability").width()).isEqualTo(2);
    }

    @Test
    void predict_titanicDataset_probabilitiesSumToOne() {
        FloatColumn probabilities = probabilities(pipeline.predict(titanic.features()));

        for (int r = 0; r < probabilities.rows(); r++) {
            assertThat(probabilities.get(r, 0)).isBetween(0f, 1f);
            assertThat(probabilities.get(r, 0) + probabilities.get(r, 1))
                    .as("row %d", r)
                    .isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void predict_titanicDataset_labelIsMostProbableClass() {
        Frame output = pipeline.predict(titanic.features());
        LongColumn labels = (LongColumn) output.column("output_label");
        FloatColumn probabilities = probabilities(output);

        for (int r = 0; r < output.rows(); r++) {
            long argmax = probabilities.get(r, 1) > probabilities.get(r, 0) ? 1 : 0;
            assertThat(labels.get(r)).as("row %d", r).isEqualTo(argmax);
        }
    }

    @Test
    void predict_titanicDataset_accuracyAbove75Percent() {
        LongColumn labels =
                (LongColumn) pipeline.predict(titanic.features()).column("output_label");

        int correct = 0;
        for (int r = 0; r < labels.rows(); r++) {
            correct += labels.get(r) == titanic.survived()[r] ? 1 : 0;
        }
        assertThat(correct / (double) labels.rows()).isGreaterThan(0.75);
    }

    @Test
    void predict_missingAgeRow_sameAsNaNAge() {
        Frame features = titanic.features();
        FloatColumn age = (FloatColumn) features.column("age");
        float[] nanAges = age.values().clone();
        BitSet nulls = age.nulls();
        float[] maskedAges = age.values().clone();
        for (int r = nulls.nextSetBit(0); r >= 0; r = nulls.nextSetBit(r + 1)) {
            maskedAges[r] = 30f; // hidden by the null mask
        }
        Frame masked = replaced(features, new FloatColumn("age", 1, maskedAges, nulls));
        Frame nan = replaced(features, new FloatColumn("age", 1, nanAges, new BitSet()));

        assertThat(nulls.cardinality()).isEqualTo(177);
        assertThat(probabilities(pipeline.predict(masked)).values())
                .containsExactly(probabilities(pipeline.predict(nan)).values());
    }

    @Test
    void predict_missingStringRow_sameAsEmptyString() {
        Frame features = firstRows(titanic.features(), 4);
        Frame nulled =
                replaced(features, StringColumn.ofNullable("embarked", "S", null, "C", null));
        Frame empty = replaced(features, StringColumn.of("embarked", "S", "", "C", ""));

        assertThat(probabilities(pipeline.predict(nulled)).values())
                .containsExactly(probabilities(pipeline.predict(empty)).values());
    }

    private static FloatColumn probabilities(Frame output) {
        return (FloatColumn) output.column("output_probability");
    }

    private static Frame replaced(Frame frame, Column replacement) {
        List<Column> columns = new ArrayList<>();
        for (Column c : frame.columns()) {
            columns.add(c.name().equals(replacement.name()) ? replacement : c);
        }
        return new Frame(frame.rows(), columns);
    }

    private static Frame firstRows(Frame frame, int rows) {
        List<Column> columns = new ArrayList<>();
        for (Column c : frame.columns()) {
            columns.add(
                    switch (c) {
                        case StringColumn s ->
                                StringColumn.of(s.name(), Arrays.copyOf(s.values(), rows));
                        case FloatColumn f ->
                                new FloatColumn(
                                        f.name(),
                                        1,
                                        Arrays.copyOf(f.values(), rows),
                                        f.nulls().get(0, rows));
                        default -> throw new IllegalArgumentException(c.name());
                    });
        }
        return new Frame(rows, columns);
    }
}
