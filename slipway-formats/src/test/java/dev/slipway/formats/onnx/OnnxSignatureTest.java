package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxSignatureTest {

    private static final List<String> IRIS_FEATURES =
            List.of("sepal length", "sepal width", "petal length", "petal width");

    @Test
    void signature_irisForest_takesFourFloatsPerRow() {
        try (Predictor forest = OnnxFixtures.load(OnnxFixtures.IRIS_MODEL)) {
            assertThat(forest.signature().inputs())
                    .containsExactly(new ColumnSpec("float_input", DType.FP32, 4, List.of()));
        }
    }

    @Test
    void signature_irisForest_returnsLabelAndZipMapProbabilitiesByClass() {
        try (Predictor forest = OnnxFixtures.load(OnnxFixtures.IRIS_MODEL)) {
            assertThat(forest.signature().outputs())
                    .containsExactly(
                            ColumnSpec.scalar("output_label", DType.INT64),
                            new ColumnSpec(
                                    "output_probability", DType.FP32, 3, List.of("0", "1", "2")));
        }
    }

    @Test
    void signature_featureNames_becomeLabelsOfTheInput() {
        byte[] model = OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL);

        try (Predictor forest =
                new OnnxFormat().load(model, "iris", new LoadOptions(IRIS_FEATURES))) {
            assertThat(forest.signature().inputs())
                    .containsExactly(new ColumnSpec("float_input", DType.FP32, 4, IRIS_FEATURES));
        }
    }

    @Test
    void load_featureNamesOfWrongCount_throwsNamingTheWidth() {
        byte[] model = OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL);
        LoadOptions three = new LoadOptions(IRIS_FEATURES.subList(0, 3));

        assertThatThrownBy(() -> new OnnxFormat().load(model, "iris", three))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3 feature names")
                .hasMessageContaining("'float_input' has 4 features");
    }

    @Test
    void signature_titanicPipeline_takesOneColumnPerInput() {
        try (Predictor pipeline = OnnxFixtures.load(OnnxFixtures.TITANIC_MODEL)) {
            assertThat(pipeline.signature().inputs())
                    .containsExactly(
                            ColumnSpec.scalar("pclass", DType.STRING),
                            ColumnSpec.scalar("sex", DType.STRING),
                            ColumnSpec.scalar("age", DType.FP32),
                            ColumnSpec.scalar("fare", DType.FP32),
                            ColumnSpec.scalar("embarked", DType.STRING));
        }
    }

    @Test
    void signature_titanicPipeline_returnsLabelAndTwoClassProbabilities() {
        try (Predictor pipeline = OnnxFixtures.load(OnnxFixtures.TITANIC_MODEL)) {
            assertThat(pipeline.signature().outputs())
                    .containsExactly(
                            ColumnSpec.scalar("output_label", DType.INT64),
                            new ColumnSpec("output_probability", DType.FP32, 2, List.of("0", "1")));
        }
    }

    @Test
    void load_featureNamesForModelWithSeveralInputs_throws() {
        byte[] model = OnnxFixtures.modelBytes(OnnxFixtures.TITANIC_MODEL);
        LoadOptions names = new LoadOptions(List.of("a", "b", "c", "d", "e"));

        assertThatThrownBy(() -> new OnnxFormat().load(model, "titanic", names))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("takes 5 inputs");
    }
}
