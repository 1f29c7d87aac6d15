package dev.slipway.formats.xgboost;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.testkit.conformance.PredictorConformance;
import org.junit.jupiter.api.BeforeAll;

/**
 * The predictor contract for the legacy binary mushroom model, a classifier whose rows are mostly
 * missing values. Every load goes through XGBoost4J, so the memory test also shows that its native
 * booster is released.
 */
class XGBoostMushroomConformanceTest extends PredictorConformance {

    private static Agaricus test;
    private static byte[] model;

    @BeforeAll
    static void read() throws Exception {
        XGBoost4J.quiet();
        test = Agaricus.read();
        model = Agaricus.model();
    }

    @Override
    protected Predictor open() {
        return new XGBoostFormat().load(model, "mushroom.model", LoadOptions.defaults());
    }

    @Override
    protected Frame input(int rows, long seed) {
        return Frames.of(
                Frames.sample(test.rows(), Agaricus.FEATURES, rows, seed),
                Frames.defaultNames(Agaricus.FEATURES));
    }

    @Override
    protected double tolerance() {
        return 0;
    }
}
