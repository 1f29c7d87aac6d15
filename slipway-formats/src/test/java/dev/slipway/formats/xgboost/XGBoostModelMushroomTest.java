package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mushroom model from treelite's tests (XGBoost < 1.0 binary, binary:logistic), converted to
 * JSON by XGBoost4J, against the margins and probabilities published with it.
 */
class XGBoostModelMushroomTest {

    private static final int FEATURES = Agaricus.FEATURES;

    @TempDir static Path temp;

    private static XGBoostModel model;
    private static float[] rows;
    private static int rowCount;

    @BeforeAll
    static void convertAndRead() throws Exception {
        XGBoost4J.quiet();
        Booster booster = XGBoost.loadModel(Agaricus.DIR.resolve("mushroom.model").toString());
        try {
            model = XGBoostModel.read(XGBoost4J.save(booster, temp, "mushroom.json"));
        } finally {
            booster.dispose();
        }
        Agaricus test = Agaricus.read();
        rows = test.rows();
        rowCount = test.rowCount();
    }

    private static double[] expected(String file) throws IOException {
        return Agaricus.published(file);
    }

    @Test
    void read_legacyModelSavedAsJson_describesTheModel() {
        assertThat(model.objective()).isEqualTo(XGBoostObjective.BINARY_LOGISTIC);
        assertThat(model.numFeatures()).isEqualTo(FEATURES);
        assertThat(model.marginWidth()).isEqualTo(1);
        assertThat(model.predictionWidth()).isEqualTo(1);
    }

    @Test
    void predictMargins_allTestRows_matchPublishedMargins() throws IOException {
        double[] expected = expected("agaricus.test.margin");
        assertThat(expected).hasSize(rowCount);
        float[] margins = new float[rowCount];
        model.predictMargins(rows, rowCount, margins);
        for (int r = 0; r < rowCount; r++) {
            assertThat((double) margins[r]).as("row %d", r).isCloseTo(expected[r], within(1e-6));
        }
    }

    @Test
    void predict_allTestRows_matchPublishedProbabilities() throws IOException {
        double[] expected = expected("agaricus.test.prob");
        assertThat(expected).hasSize(rowCount);
        float[] probabilities = new float[rowCount];
        model.predict(rows, rowCount, probabilities);
        for (int r = 0; r < rowCount; r++) {
            assertThat((double) probabilities[r])
                    .as("row %d", r)
                    .isCloseTo(expected[r], within(1e-6));
        }
    }

    @Test
    void predict_singleRow_equalsBatch() {
        float[] batch = new float[rowCount];
        model.predict(rows, rowCount, batch);
        for (int r = 0; r < rowCount; r += 97) {
            float[] row = Arrays.copyOfRange(rows, r * FEATURES, (r + 1) * FEATURES);
            assertThat(model.predict(row)).containsExactly(batch[r]);
        }
    }
}
