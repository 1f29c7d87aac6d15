package dev.slipway.formats.xgboost;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.testkit.conformance.PredictorConformance;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;

/**
 * The predictor contract for a regression model trained here by XGBoost4J on California housing,
 * whose total_bedrooms column has missing values, saved as UBJSON and loaded with feature names.
 */
class XGBoostHousingConformanceTest extends PredictorConformance {

    private static final List<String> NAMES =
            List.of(
                    "longitude",
                    "latitude",
                    "housing_median_age",
                    "total_rooms",
                    "total_bedrooms",
                    "population",
                    "households",
                    "median_income");

    private static SharedTable housing;
    private static byte[] model;

    @BeforeAll
    static void train() throws Exception {
        XGBoost4J.quiet();
        housing =
                SharedTable.read(
                        "california_housing.csv", IntStream.range(0, 8).toArray(), 8, 100_000f);
        Booster booster =
                XGBoost4J.train(
                        housing.rows(),
                        housing.columns(),
                        housing.labels(),
                        Map.of("objective", "reg:squarederror", "max_depth", 6, "eta", 0.3),
                        50);
        try {
            model = booster.toByteArray("ubj");
        } finally {
            booster.dispose();
        }
    }

    @Override
    protected Predictor open() {
        return new XGBoostFormat().load(model, "housing.ubj", new LoadOptions(NAMES));
    }

    @Override
    protected Frame input(int rows, long seed) {
        return Frames.of(Frames.sample(housing.rows(), housing.columns(), rows, seed), NAMES);
    }

    @Override
    protected double tolerance() {
        return 0;
    }
}
