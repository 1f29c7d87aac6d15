package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where the input columns' names come from: the options, else the model file, else f0, f1, ... */
class XGBoostFormatFeatureNamesTest {

    private static final List<String> IRIS =
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final XGBoostFormat FORMAT = new XGBoostFormat();

    private static byte[] unnamed;
    private static byte[] named;

    @BeforeAll
    static void train() throws Exception {
        XGBoost4J.quiet();
        SharedTable iris = SharedTable.read("iris.csv", new int[] {0, 1, 2, 3}, 4, 1f);
        Map<String, Object> params =
                Map.of("objective", "multi:softprob", "num_class", 3, "max_depth", 3);
        Booster booster = XGBoost4J.train(iris.rows(), iris.columns(), iris.labels(), params, 5);
        try {
            unnamed = booster.toByteArray("json");
            booster.setFeatureNames(IRIS.toArray(String[]::new));
            named = booster.toByteArray("ubj");
        } finally {
            booster.dispose();
        }
    }

    private static List<String> inputs(Predictor predictor) {
        return predictor.signature().inputs().stream().map(ColumnSpec::name).toList();
    }

    @Test
    void load_noNamesAnywhere_namesFeaturesAsXGBoostDoes() {
        try (Predictor p = FORMAT.load(unnamed, "iris.json", LoadOptions.defaults())) {
            assertThat(inputs(p)).containsExactly("f0", "f1", "f2", "f3");
            assertThat(p.signature().inputs())
                    .allSatisfy(s -> assertThat(s.dtype()).isEqualTo(DType.FP32));
        }
    }

    @Test
    void load_modelWithFeatureNames_usesThem() {
        try (Predictor p = FORMAT.load(named, "iris.ubj", LoadOptions.defaults())) {
            assertThat(inputs(p)).containsExactlyElementsOf(IRIS);
        }
    }

    @Test
    void load_givenNames_replaceTheModelsOwn() {
        List<String> given = List.of("a", "b", "c", "d");
        try (Predictor p = FORMAT.load(named, "iris.ubj", new LoadOptions(given))) {
            assertThat(inputs(p)).containsExactlyElementsOf(given);
        }
    }

    @Test
    void load_wrongNumberOfNames_refusesWithBothCounts() {
        LoadOptions three = new LoadOptions(List.of("a", "b", "c"));
        assertThatThrownBy(() -> FORMAT.load(unnamed, "iris.json", three))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("iris.json has 4 features, but 3 feature names were given");
    }

    @Test
    void load_repeatedName_refusesNamingIt() {
        LoadOptions repeated = new LoadOptions(List.of("a", "b", "a", "d"));
        assertThatThrownBy(() -> FORMAT.load(unnamed, "iris.json", repeated))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("feature name 'a' twice");
    }
}
