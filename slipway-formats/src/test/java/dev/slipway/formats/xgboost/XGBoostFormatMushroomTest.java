package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The legacy binary mushroom model loaded by the format, against the values published with it. */
class XGBoostFormatMushroomTest {

    private static final XGBoostFormat FORMAT = new XGBoostFormat();

    private static Agaricus test;
    private static Frame input;

    @BeforeAll
    static void readTestSet() throws Exception {
        XGBoost4J.quiet();
        test = Agaricus.read();
        input = Frames.of(test.rows(), Frames.defaultNames(Agaricus.FEATURES));
    }

    @Test
    void load_legacyBinary_matchesPublishedProbabilities() throws Exception {
        double[] expected = Agaricus.published("agaricus.test.prob");
        assertThat(expected).hasSize(test.rowCount());
        try (Predictor predictor =
                FORMAT.load(Agaricus.model(), "mushroom.model", LoadOptions.defaults())) {
            Frame output = predictor.predict(input);
            float[] p = Frames.position(output, "probabilities", 1);
            float[] q = Frames.position(output, "probabilities", 0);
            LongColumn label = (LongColumn) output.column("label");
            for (int r = 0; r < test.rowCount(); r++) {
                assertThat((double) p[r]).as("row %d", r).isCloseTo(expected[r], within(1e-6));
                assertThat(q[r]).as("row %d", r).isEqualTo(1f - p[r]);
                assertThat(label.get(r)).as("row %d", r).isEqualTo(expected[r] > 0.5 ? 1 : 0);
            }
        }
    }

    @Test
    void parse_legacyBinary_matchesPublishedMargins() throws Exception {
        double[] expected = Agaricus.published("agaricus.test.margin");
        XGBoostModel model = XGBoostFormat.parse(Agaricus.model(), "mushroom.model");
        float[] margins = new float[test.rowCount()];
        model.predictMargins(test.rows(), test.rowCount(), margins);
        for (int r = 0; r < test.rowCount(); r++) {
            assertThat((double) margins[r]).as("row %d", r).isCloseTo(expected[r], within(1e-6));
        }
    }

    @Test
    void load_binarySavedByCurrentXGBoost_predictsAsTheOriginal() throws Exception {
        Booster booster = XGBoost.loadModel(Agaricus.model());
        byte[] resaved;
        try {
            resaved = booster.toByteArray("deprecated");
        } finally {
            booster.dispose();
        }
        assertThat(new String(resaved, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("binf");
        try (Predictor original = FORMAT.load(Agaricus.model(), "a", LoadOptions.defaults());
                Predictor current = FORMAT.load(resaved, "b", LoadOptions.defaults())) {
            float[] expected = Frames.position(original.predict(input), "probabilities", 1);
            assertThat(Frames.position(current.predict(input), "probabilities", 1))
                    .containsExactly(expected);
        }
    }

    @Test
    void load_legacyBinary_hasDefaultFeatureNamesAndClassifierOutputs() throws Exception {
        try (Predictor predictor =
                FORMAT.load(Agaricus.model(), "mushroom.model", LoadOptions.defaults())) {
            assertThat(predictor.signature().inputs()).hasSize(Agaricus.FEATURES);
            assertThat(predictor.signature().inputs().get(126).name()).isEqualTo("f126");
            assertThat(predictor.signature().outputs())
                    .extracting(s -> s.name() + ":" + s.dtype() + ":" + s.width() + s.labels())
                    .containsExactly("label:INT64:1[]", "probabilities:FP32:2[0, 1]");
        }
    }
}
