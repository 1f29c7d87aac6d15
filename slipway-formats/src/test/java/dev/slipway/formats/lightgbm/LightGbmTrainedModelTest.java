package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Models trained here by LightGBM (through lightgbm4j) on real datasets, saved as text, loaded by
 * the format: its predictions must be LightGBM's own for the same rows, missing values included.
 */
class LightGbmTrainedModelTest {

    private static final double TOLERANCE = 1e-9;

    private static final List<String> CANCER =
            List.of(
                    "mean_radius",
                    "mean_texture",
                    "mean_perimeter",
                    "mean_area",
                    "mean_smoothness",
                    "mean_concavity",
                    "worst_radius",
                    "worst_texture",
                    "worst_concave_points",
                    "worst_symmetry");

    private static final List<String> IRIS =
            List.of(
                    "sepal_length_(cm)",
                    "sepal_width_(cm)",
                    "petal_length_(cm)",
                    "petal_width_(cm)");

    private static final List<String> HOUSING =
            List.of(
                    "longitude",
                    "latitude",
                    "housing_median_age",
                    "total_rooms",
                    "total_bedrooms",
                    "population",
                    "households",
                    "median_income",
                    "ocean_proximity");

    private static final List<String> DIABETES =
            List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    private final LightGbmFormat format = new LightGbmFormat();

    private Predictor load(LightGbm4j model) {
        return format.load(
                model.text().getBytes(StandardCharsets.UTF_8), "trained", LoadOptions.defaults());
    }

    @Test
    void predict_binaryBreastCancerWithMissingValues_equalsLightGbm() throws Exception {
        CsvTable table = CsvTable.read("breast_cancer.csv").withMissing(CANCER, 0.1, 11);
        LightGbm4j model =
                LightGbm4j.trainAndPredict(table, CANCER, "target", "", "objective=binary", 60);
        try (Predictor predictor = load(model)) {
            Frame out = predictor.predict(table.frame(CANCER));
            DoubleColumn probabilities = (DoubleColumn) out.column(Signature.PROBABILITIES);
            LongColumn labels = (LongColumn) out.column(Signature.LABEL);
            for (int r = 0; r < table.rows(); r++) {
                double p = model.predictions()[r];
                assertThat(probabilities.get(r, 1)).as("row %d", r).isCloseTo(p, within(TOLERANCE));
                assertThat(probabilities.get(r, 0)).isCloseTo(1 - p, within(TOLERANCE));
                assertThat(labels.get(r)).isEqualTo(p > 0.5 ? 1 : 0);
            }
        }
    }

    @Test
    void signature_binaryModel_labelAndTwoProbabilities() throws Exception {
        CsvTable table = CsvTable.read("breast_cancer.csv");
        LightGbm4j model =
                LightGbm4j.trainAndPredict(table, CANCER, "target", "", "objective=binary", 5);
        try (Predictor predictor = load(model)) {
            assertThat(predictor.signature().inputs())
                    .containsExactlyElementsOf(
                            CANCER.stream().map(n -> ColumnSpec.scalar(n, DType.FP64)).toList());
            assertThat(predictor.signature().outputs())
                    .containsExactly(
                            ColumnSpec.scalar(Signature.LABEL, DType.INT64),
                            new ColumnSpec(
                                    Signature.PROBABILITIES, DType.FP64, 2, List.of("0", "1")));
        }
    }

    @Test
    void predict_multiclassIris_equalsLightGbm() throws Exception {
        CsvTable table = CsvTable.read("iris.csv");
        LightGbm4j model = LightGbm4j.trainMulticlass(table, IRIS, "target", 3, 30);
        try (Predictor predictor = load(model)) {
            assertThat(predictor.signature().outputs())
                    .containsExactly(
                            ColumnSpec.scalar(Signature.LABEL, DType.INT64),
                            new ColumnSpec(
                                    Signature.PROBABILITIES,
                                    DType.FP64,
                                    3,
                                    List.of("0", "1", "2")));
            Frame out = predictor.predict(table.frame(IRIS));
            DoubleColumn probabilities = (DoubleColumn) out.column(Signature.PROBABILITIES);
            LongColumn labels = (LongColumn) out.column(Signature.LABEL);
            for (int r = 0; r < table.rows(); r++) {
                double[] expected = new double[3];
                for (int c = 0; c < 3; c++) {
                    expected[c] = model.predictions()[r * 3 + c];
                    assertThat(probabilities.get(r, c))
                            .as("row %d class %d", r, c)
                            .isCloseTo(expected[c], within(TOLERANCE));
                }
                assertThat(labels.get(r)).isEqualTo(argmax(expected));
            }
        }
    }

    @Test
    void predict_regressionWithCategoricalAndMissingValues_equalsLightGbm() throws Exception {
        CsvTable table = CsvTable.read("california_housing.csv");
        assertThat(table.column("total_bedrooms"))
                .as("the dataset's own gaps")
                .contains(Double.NaN);
        LightGbm4j model =
                LightGbm4j.trainAndPredict(
                        table,
                        HOUSING,
                        "median_house_value",
                        "categorical_feature=8",
                        "objective=regression",
                        40);
        try (Predictor predictor = load(model)) {
            assertThat(((LightGbmPredictor) predictor).isCategorical(8)).isTrue();
            assertThat(((LightGbmPredictor) predictor).isCategorical(0)).isFalse();
            DoubleColumn out =
                    (DoubleColumn)
                            predictor.predict(table.frame(HOUSING)).column(Signature.PREDICTION);
            for (int r = 0; r < table.rows(); r++) {
                assertThat(out.get(r))
                        .as("row %d", r)
                        .isCloseTo(model.predictions()[r], within(TOLERANCE));
            }
        }
    }

    @Test
    void predict_poissonDiabetes_givesLightGbmsMeanNotItsLog() throws Exception {
        CsvTable table = CsvTable.read("diabetes.csv").withMissing(DIABETES, 0.05, 3);
        LightGbm4j model =
                LightGbm4j.trainAndPredict(table, DIABETES, "target", "", "objective=poisson", 40);
        try (Predictor predictor = load(model)) {
            DoubleColumn out =
                    (DoubleColumn)
                            predictor.predict(table.frame(DIABETES)).column(Signature.PREDICTION);
            for (int r = 0; r < table.rows(); r++) {
                assertThat(out.get(r))
                        .as("row %d", r)
                        .isCloseTo(model.predictions()[r], within(TOLERANCE))
                        .isGreaterThan(10);
            }
        }
    }

    @Test
    void predict_linearTrees_equalsLightGbm() throws Exception {
        CsvTable table = CsvTable.read("diabetes.csv").withMissing(DIABETES, 0.05, 4);
        LightGbm4j model =
                LightGbm4j.trainAndPredict(
                        table,
                        DIABETES,
                        "target",
                        "linear_tree=true",
                        "objective=regression linear_tree=true",
                        20);
        assertThat(model.text()).contains("is_linear=1");
        try (Predictor predictor = load(model)) {
            DoubleColumn out =
                    (DoubleColumn)
                            predictor.predict(table.frame(DIABETES)).column(Signature.PREDICTION);
            for (int r = 0; r < table.rows(); r++) {
                assertThat(out.get(r))
                        .as("row %d", r)
                        .isCloseTo(model.predictions()[r], within(TOLERANCE));
            }
        }
    }

    @Test
    void predict_rowsOneByOne_equalTheBatch() throws Exception {
        CsvTable table = CsvTable.read("breast_cancer.csv").withMissing(CANCER, 0.1, 5);
        LightGbm4j model =
                LightGbm4j.trainAndPredict(table, CANCER, "target", "", "objective=binary", 30);
        try (Predictor predictor = load(model)) {
            Frame all = table.frame(CANCER);
            DoubleColumn batch =
                    (DoubleColumn) predictor.predict(all).column(Signature.PROBABILITIES);
            for (int r = 0; r < table.rows(); r++) {
                Frame one = Rows.slice(all, r, r + 1);
                DoubleColumn single =
                        (DoubleColumn) predictor.predict(one).column(Signature.PROBABILITIES);
                assertThat(single.get(0, 1)).as("row %d", r).isEqualTo(batch.get(r, 1));
            }
        }
    }

    private static int argmax(double[] values) {
        return IntStream.range(0, values.length)
                .reduce((a, b) -> values[b] > values[a] ? b : a)
                .orElseThrow();
    }
}
