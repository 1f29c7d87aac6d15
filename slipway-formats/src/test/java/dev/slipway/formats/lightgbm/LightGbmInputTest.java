package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the toy model accepts as input, what it refuses, and how it ends. */
class LightGbmInputTest {

    private final LightGbmFormat format = new LightGbmFormat();

    private Predictor load() {
        return format.load(ToyModel.bytes(), "toy.txt", LoadOptions.defaults());
    }

    private static double prediction(Predictor predictor, Frame input) {
        return ((DoubleColumn) predictor.predict(input).column(Signature.PREDICTION)).get(0);
    }

    @Test
    void predict_floatAndBooleanColumns_readAsNumbers() {
        try (Predictor predictor = load()) {
            double expected =
                    prediction(
                            predictor,
                            Frame.of(
                                    DoubleColumn.of("Column_0", 1),
                                    DoubleColumn.of("Column_1", 0)));
            Frame mixed =
                    Frame.of(FloatColumn.of("Column_0", 1f), BoolColumn.of("Column_1", false));
            assertThat(prediction(predictor, mixed)).isEqualTo(expected);
        }
    }

    @Test
    void predict_nullRow_predictsAsNaN() {
        try (Predictor predictor = load()) {
            BitSet missing = new BitSet();
            missing.set(0);
            Frame nullRow =
                    Frame.of(
                            new LongColumn("Column_0", 1, new long[] {2}, missing),
                            LongColumn.of("Column_1", 3));
            Frame nan =
                    Frame.of(
                            DoubleColumn.of("Column_0", Double.NaN),
                            DoubleColumn.of("Column_1", 3));
            assertThat(prediction(predictor, nullRow)).isEqualTo(prediction(predictor, nan));
        }
    }

    @Test
    void predict_stringColumn_throwsNamingColumn() {
        try (Predictor predictor = load()) {
            Frame input =
                    Frame.of(DoubleColumn.of("Column_0", 1), StringColumn.of("Column_1", "2"));
            assertThatThrownBy(() -> predictor.predict(input))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.source()).isEqualTo("Column_1"))
                    .hasMessageContaining("'Column_1'")
                    .hasMessageContaining("category code");
        }
    }

    @Test
    void predict_missingColumn_throwsNamingColumn() {
        try (Predictor predictor = load()) {
            Frame input = Frame.of(DoubleColumn.of("Column_0", 1));
            assertThatThrownBy(() -> predictor.predict(input))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Column_1");
        }
    }

    @Test
    void predict_wideColumn_throwsNamingColumn() {
        try (Predictor predictor = load()) {
            Frame input =
                    Frame.of(
                            new DoubleColumn("Column_0", 2, new double[] {1, 2}, new BitSet()),
                            DoubleColumn.of("Column_1", 1));
            assertThatThrownBy(() -> predictor.predict(input))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'Column_0' has 2 values per row");
        }
    }

    @Test
    void predict_noRows_returnsEmptyOutputs() {
        try (Predictor predictor = load()) {
            Frame empty =
                    Frame.of(
                            new DoubleColumn("Column_0", 1, new double[0], new BitSet()),
                            new DoubleColumn("Column_1", 1, new double[0], new BitSet()));
            Frame out = predictor.predict(empty);
            assertThat(out.rows()).isZero();
            assertThat(out.names()).containsExactly(Signature.PREDICTION);
        }
    }

    @Test
    void load_wrongNumberOfFeatureNames_throwsNamingSource() {
        LoadOptions options = new LoadOptions(List.of("only_one"));
        assertThatThrownBy(() -> format.load(ToyModel.bytes(), "toy.txt", options))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.source()).isEqualTo("toy.txt"))
                .hasMessageContaining("1 feature names")
                .hasMessageContaining("has 2 features");
    }

    @Test
    void load_repeatedFeatureName_throws() {
        LoadOptions options = new LoadOptions(List.of("a", "a"));
        assertThatThrownBy(() -> format.load(ToyModel.bytes(), "toy.txt", options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'a' appears twice");
    }

    @Test
    void load_modelNamesAFeatureTwice_throwsSuggestingNames() {
        byte[] twice =
                new String(ToyModel.bytes(), StandardCharsets.UTF_8)
                        .replaceFirst("feature_names=Column_0 Column_1", "feature_names=a a")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> format.load(twice, "toy.txt", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names two features 'a'")
                .hasMessageContaining("load options");
    }

    @Test
    void predict_afterClose_throwsIllegalState() {
        Predictor predictor = load();
        predictor.close();
        Frame input = Frame.of(DoubleColumn.of("Column_0", 1), DoubleColumn.of("Column_1", 1));
        assertThatThrownBy(() -> predictor.predict(input))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toy.txt");
    }

    @Test
    void close_twice_isHarmless() {
        Predictor predictor = load();
        predictor.close();
        assertThatCode(predictor::close).doesNotThrowAnyException();
    }
}
