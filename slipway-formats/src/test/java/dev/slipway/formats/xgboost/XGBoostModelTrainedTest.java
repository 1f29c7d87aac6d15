package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models trained here by XGBoost4J on shared datasets, against XGBoost4J's own predictions. */
class XGBoostModelTrainedTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir Path temp;

    private static SharedTable housing;
    private static SharedTable iris;

    @BeforeAll
    static void readData() throws Exception {
        XGBoost4J.quiet();
        // The eight numeric columns; the target in units of 100,000 dollars, as scikit-learn
        // publishes it. About a tenth of the values become missing.
        housing =
                SharedTable.read(
                                "california_housing.csv",
                                new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                                8,
                                100_000f)
                        .withMissing(0.1, 42);
        iris = SharedTable.read("iris.csv", new int[] {0, 1, 2, 3}, 4, 1f);
    }

    private static Map<String, Object> params(String objective) {
        return Map.of("objective", objective, "max_depth", 4, "eta", 0.3);
    }

    /** Asserts that our margins and predictions equal XGBoost4J's on every row. */
    private void assertSameAsXGBoost(Booster booster, SharedTable data, XGBoostModel model)
            throws Exception {
        int n = data.rowCount();
        float[][] margins = XGBoost4J.predict(booster, data.rows(), data.columns(), true);
        float[][] predictions = XGBoost4J.predict(booster, data.rows(), data.columns(), false);
        float[] ourMargins = new float[n * model.marginWidth()];
        float[] ours = new float[n * model.predictionWidth()];
        model.predictMargins(data.rows(), n, ourMargins);
        model.predict(data.rows(), n, ours);
        for (int r = 0; r < n; r++) {
            assertThat(margins[r]).hasSize(model.marginWidth());
            assertThat(predictions[r]).hasSize(model.predictionWidth());
            for (int k = 0; k < model.marginWidth(); k++) {
                assertThat(ourMargins[r * model.marginWidth() + k])
                        .as("margin %d of row %d", k, r)
                        .isCloseTo(margins[r][k], within((float) TOLERANCE));
            }
            for (int k = 0; k < model.predictionWidth(); k++) {
                assertThat(ours[r * model.predictionWidth() + k])
                        .as("prediction %d of row %d", k, r)
                        .isCloseTo(predictions[r][k], within((float) TOLERANCE));
            }
        }
    }

    @Test
    void predict_squaredErrorWithMissingValues_equalsXGBoost() throws Exception {
        Booster booster =
                XGBoost4J.train(
                        housing.rows(),
                        housing.columns(),
                        housing.labels(),
                        params("reg:squarederror"),
                        50);
        try {
            XGBoostModel model = XGBoostModel.read(XGBoost4J.save(booster, temp, "housing.json"));
            assertThat(model.objective()).isEqualTo(XGBoostObjective.REG_SQUAREDERROR);
            assertThat(model.numTrees()).isEqualTo(50);
            assertSameAsXGBoost(booster, housing, model);
        } finally {
            booster.dispose();
        }
    }

    @Test
    void predict_softprob_equalsXGBoost() throws Exception {
        Map<String, Object> params =
                Map.of("objective", "multi:softprob", "num_class", 3, "max_depth", 4, "eta", 0.3);
        Booster booster = XGBoost4J.train(iris.rows(), iris.columns(), iris.labels(), params, 50);
        try {
            XGBoostModel model = XGBoostModel.read(XGBoost4J.save(booster, temp, "iris.json"));
            assertThat(model.objective()).isEqualTo(XGBoostObjective.MULTI_SOFTPROB);
            assertThat(model.numTrees()).isEqualTo(150);
            assertThat(model.predictionWidth()).isEqualTo(3);
            assertSameAsXGBoost(booster, iris, model);
        } finally {
            booster.dispose();
        }
    }

    @Test
    void predict_softmax_equalsXGBoostClasses() throws Exception {
        Map<String, Object> params =
                Map.of("objective", "multi:softmax", "num_class", 3, "max_depth", 4, "eta", 0.3);
        SharedTable data = iris.withMissing(0.2, 3);
        Booster booster = XGBoost4J.train(data.rows(), data.columns(), data.labels(), params, 50);
        try {
            XGBoostModel model = XGBoostModel.read(XGBoost4J.save(booster, temp, "iris.json"));
            assertThat(model.predictionWidth()).isEqualTo(1);
            assertSameAsXGBoost(booster, data, model);
        } finally {
            booster.dispose();
        }
    }

    @Test
    void predictMargins_poisson_equalsXGBoost() throws Exception {
        SharedTable bikes =
                SharedTable.read(
                        "bike_sharing_hourly.csv",
                        new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13},
                        14,
                        1f);
        Booster booster =
                XGBoost4J.train(
                        bikes.rows(), bikes.columns(), bikes.labels(), params("count:poisson"), 30);
        try {
            XGBoostModel model = XGBoostModel.read(XGBoost4J.save(booster, temp, "bikes.json"));
            float[][] expected = XGBoost4J.predict(booster, bikes.rows(), bikes.columns(), true);
            float[] margins = new float[bikes.rowCount()];
            model.predictMargins(bikes.rows(), bikes.rowCount(), margins);
            for (int r = 0; r < margins.length; r++) {
                assertThat(margins[r]).as("row %d", r).isEqualTo(expected[r][0]);
            }
        } finally {
            booster.dispose();
        }
    }
}
