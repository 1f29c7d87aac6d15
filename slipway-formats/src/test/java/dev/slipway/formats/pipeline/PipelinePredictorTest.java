package dev.slipway.formats.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A trained model behind its pipeline predicts what XGBoost predicts on the encoded rows. */
class PipelinePredictorTest {

    private static Titanic titanic;

    @BeforeAll
    static void train() {
        titanic = Titanic.load(UnseenCategoryPolicy.MISSING);
    }

    private static float[] survived(Frame out) {
        FloatColumn p = (FloatColumn) out.column(Signature.PROBABILITIES);
        float[] v = new float[out.rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.get(i, 1);
        }
        return v;
    }

    @Test
    void predict_everyPassenger_equalsXGBoost4JOnTheEncodedRows() throws Exception {
        try (Predictor p = titanic.predictor()) {
            float[] ours = survived(p.predict(titanic.records));

            assertThat(ours).containsExactly(titanic.xgboost4j(titanic.records));
        }
    }

    @Test
    void predict_oneRecordAtATime_equalsTheBatch() {
        try (Predictor p = titanic.predictor()) {
            float[] batch = survived(p.predict(titanic.records));
            for (int r = 0; r < titanic.records.rows(); r += 7) {
                int row = r;
                Frame one =
                        new Frame(
                                1,
                                titanic.records.columns().stream()
                                        .map(c -> Titanic.row(c, row))
                                        .toList());
                assertThat(survived(p.predict(one))[0]).as("row %d", r).isEqualTo(batch[r]);
            }
        }
    }

    @Test
    void predict_modelTakingColumns_givesTheSameAsTheMatrixPath() {
        Predictor raw = titanic.raw();
        Predictor columnsOnly =
                new Predictor() {
                    @Override
                    public Signature signature() {
                        return raw.signature();
                    }

                    @Override
                    public Frame predict(Frame input) {
                        return raw.predict(input);
                    }

                    @Override
                    public void close() {
                        raw.close();
                    }
                };
        try (Predictor viaColumns = FeaturePipelines.wrap(titanic.pipeline, columnsOnly);
                Predictor viaMatrix = titanic.predictor()) {
            assertThat(survived(viaColumns.predict(titanic.records)))
                    .containsExactly(survived(viaMatrix.predict(titanic.records)));
        }
    }

    @Test
    void predict_labels_areClassNames() {
        try (Predictor p = titanic.predictor()) {
            StringColumn label = (StringColumn) p.predict(titanic.records).column(Signature.LABEL);

            assertThat(List.of(label.values())).containsOnly("died", "survived");
            assertThat(p.signature().findOutput(Signature.PROBABILITIES).orElseThrow().labels())
                    .containsExactly("died", "survived");
        }
    }

    @Test
    void predict_chosenThreshold_decidesTheLabel() {
        FeaturePipeline p = titanic.pipeline;
        FeaturePipeline strict =
                new FeaturePipeline(p.features(), p.unseen(), p.target(), p.classes(), 0.8);
        try (Predictor predictor = FeaturePipelines.wrap(strict, titanic.raw())) {
            Frame out = predictor.predict(titanic.records);
            float[] s = survived(out);
            StringColumn label = (StringColumn) out.column(Signature.LABEL);
            long survivors = 0;
            for (int r = 0; r < s.length; r++) {
                assertThat(label.get(r)).isEqualTo(s[r] >= 0.8f ? "survived" : "died");
                survivors += s[r] >= 0.8f ? 1 : 0;
            }
            assertThat(survivors).isPositive().isLessThan(s.length / 2);
        }
    }

    @Test
    void predict_unseenCategoryUnderMissing_isTheSameAsAMissingValue() {
        try (Predictor p = titanic.predictor()) {
            Frame unseen = oneWithEmbarked("Atlantis");
            Frame missing = oneWithEmbarked(null);

            assertThat(survived(p.predict(unseen))).containsExactly(survived(p.predict(missing)));
        }
    }

    @Test
    void predict_unseenCategoryUnderError_namesColumnValueAndKnownCategories() {
        Titanic strict = Titanic.load(UnseenCategoryPolicy.ERROR);
        try (Predictor p = strict.predictor()) {
            assertThatThrownBy(() -> p.predict(oneWithEmbarked("Atlantis")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("column 'Embarked'")
                    .hasMessageContaining("'Atlantis'")
                    .hasMessageContaining("C, Q, S");
        }
    }

    @Test
    void predict_textForANumber_namesTheColumn() {
        try (Predictor p = titanic.predictor()) {
            Frame bad =
                    new Frame(
                            1,
                            List.of(
                                    StringColumn.of("Pclass", "first"),
                                    StringColumn.of("Sex", "male"),
                                    Titanic.row(titanic.records.column("Age"), 0),
                                    Titanic.row(titanic.records.column("Fare"), 0),
                                    StringColumn.of("Embarked", "S")));
            assertThatThrownBy(() -> p.predict(bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("column 'Pclass' must be a number");
        }
    }

    private static Frame oneWithEmbarked(String value) {
        List<Column> columns =
                titanic.records.columns().stream()
                        .map(
                                c ->
                                        c.name().equals("Embarked")
                                                ? StringColumn.ofNullable("Embarked", value)
                                                : Titanic.row(c, 0))
                        .toList();
        return new Frame(1, columns);
    }
}
