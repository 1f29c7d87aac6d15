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
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The treelite example model with categorical splits, against LightGBM's published predictions. */
class LightGbmToyModelTest {

    private final LightGbmFormat format = new LightGbmFormat();

    private Predictor load() {
        return format.load(ToyModel.bytes(), "toy_categorical_model.txt", LoadOptions.defaults());
    }

    @Test
    void predict_testRows_equalPublishedPredictions() {
        Frame rows = ToyModel.testRows();
        double[] expected = ToyModel.expected();
        assertThat(rows.rows()).isEqualTo(expected.length).isEqualTo(180);
        try (Predictor predictor = load()) {
            DoubleColumn out = (DoubleColumn) predictor.predict(rows).column(Signature.PREDICTION);
            for (int r = 0; r < expected.length; r++) {
                assertThat(out.get(r)).as("row %d", r).isCloseTo(expected[r], within(1e-6));
            }
        }
    }

    @Test
    void predict_rowsOneByOne_equalPublishedPredictions() {
        Frame rows = ToyModel.testRows();
        double[] expected = ToyModel.expected();
        DoubleColumn c0 = (DoubleColumn) rows.column("Column_0");
        DoubleColumn c1 = (DoubleColumn) rows.column("Column_1");
        try (Predictor predictor = load()) {
            for (int r = 0; r < expected.length; r++) {
                Frame one =
                        Frame.of(
                                DoubleColumn.of("Column_0", c0.get(r)),
                                DoubleColumn.of("Column_1", c1.get(r)));
                DoubleColumn out =
                        (DoubleColumn) predictor.predict(one).column(Signature.PREDICTION);
                assertThat(out.get(0)).as("row %d", r).isCloseTo(expected[r], within(1e-6));
            }
        }
    }

    @Test
    void predict_integerCategoryCodes_equalDoubleCodes() {
        Frame rows = ToyModel.testRows();
        DoubleColumn c0 = (DoubleColumn) rows.column("Column_0");
        DoubleColumn c1 = (DoubleColumn) rows.column("Column_1");
        long[] codes0 = new long[c0.rows()];
        long[] codes1 = new long[c1.rows()];
        for (int r = 0; r < codes0.length; r++) {
            codes0[r] = (long) c0.get(r);
            codes1[r] = (long) c1.get(r);
        }
        Frame longs =
                Frame.of(
                        new LongColumn("Column_0", 1, codes0, new BitSet()),
                        new LongColumn("Column_1", 1, codes1, new BitSet()));
        try (Predictor predictor = load()) {
            assertThat(
                            ((DoubleColumn) predictor.predict(longs).column(Signature.PREDICTION))
                                    .values())
                    .containsExactly(
                            ((DoubleColumn) predictor.predict(rows).column(Signature.PREDICTION))
                                    .values());
        }
    }

    @Test
    void signature_toyModel_twoFp64FeaturesAndOnePrediction() {
        try (Predictor predictor = load()) {
            assertThat(predictor.signature().inputs())
                    .containsExactly(
                            ColumnSpec.scalar("Column_0", DType.FP64),
                            ColumnSpec.scalar("Column_1", DType.FP64));
            assertThat(predictor.signature().outputs())
                    .containsExactly(ColumnSpec.scalar(Signature.PREDICTION, DType.FP64));
        }
    }

    @Test
    void load_toyModel_marksBothFeaturesCategorical() {
        try (Predictor predictor = load()) {
            LightGbmPredictor lightGbm = (LightGbmPredictor) predictor;
            assertThat(List.of(lightGbm.isCategorical(0), lightGbm.isCategorical(1)))
                    .containsExactly(true, true);
        }
    }

    @Test
    void load_featureNamesGiven_renameInputs() {
        LoadOptions options = new LoadOptions(List.of("colour", "size"));
        try (Predictor predictor =
                format.load(ToyModel.bytes(), "toy_categorical_model.txt", options)) {
            assertThat(predictor.signature().inputs().stream().map(ColumnSpec::name))
                    .containsExactly("colour", "size");
            Frame rows = ToyModel.testRows();
            Frame renamed =
                    Frame.of(
                            rows.column("Column_0").renamed("colour"),
                            rows.column("Column_1").renamed("size"));
            DoubleColumn out =
                    (DoubleColumn) predictor.predict(renamed).column(Signature.PREDICTION);
            assertThat(out.get(0)).isCloseTo(ToyModel.expected()[0], within(1e-6));
        }
    }
}
