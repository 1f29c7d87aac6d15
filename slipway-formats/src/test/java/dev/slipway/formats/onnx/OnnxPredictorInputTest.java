package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxPredictorInputTest {

    private static Predictor forest;
    private static Predictor pipeline;

    @BeforeAll
    static void load() {
        forest = OnnxFixtures.load(OnnxFixtures.IRIS_MODEL);
        pipeline = OnnxFixtures.load(OnnxFixtures.TITANIC_MODEL);
    }

    @AfterAll
    static void close() {
        forest.close();
        pipeline.close();
    }

    @Test
    void predict_missingColumn_throwsNamingColumnAndExpectedType() {
        Frame input = Frame.of(new FloatColumn("features", 4, new float[8], new BitSet()));

        assertThatThrownBy(() -> forest.predict(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs column 'float_input' (FP32, 4 values per row)")
                .hasMessageContaining("[features]")
                .satisfies(
                        e ->
                                assertThat(((InvalidInputException) e).column())
                                        .contains("float_input"));
    }

    @Test
    void predict_stringsForFloatInput_throwsNamingColumnAndTypes() {
        Frame input =
                Frame.of(
                        new StringColumn(
                                "float_input", 4, new String[] {"1", "2", "3", "4"}, new BitSet()));

        assertThatThrownBy(() -> forest.predict(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'float_input' is BYTES")
                .hasMessageContaining("takes FP32");
    }

    @Test
    void predict_numbersForStringInput_throwsNamingColumnAndTypes() {
        Frame input =
                Frame.of(
                        LongColumn.of("pclass", 1),
                        StringColumn.of("sex", "male"),
                        FloatColumn.of("age", 22),
                        FloatColumn.of("fare", 7.25f),
                        StringColumn.of("embarked", "S"));

        assertThatThrownBy(() -> pipeline.predict(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'pclass' is INT64")
                .hasMessageContaining("takes BYTES");
    }

    @Test
    void predict_wrongWidth_throwsNamingBothWidths() {
        Frame input = Frame.of(new FloatColumn("float_input", 3, new float[6], new BitSet()));

        assertThatThrownBy(() -> forest.predict(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'float_input' has 3 values per row")
                .hasMessageContaining("4 values per row");
    }

    @Test
    void predict_longFeatures_convertToFloat() {
        long[] longs = {5, 3, 1, 0, 7, 3, 5, 1};
        float[] floats = {5, 3, 1, 0, 7, 3, 5, 1};

        Frame fromLongs =
                forest.predict(Frame.of(new LongColumn("float_input", 4, longs, new BitSet())));
        Frame fromFloats =
                forest.predict(Frame.of(new FloatColumn("float_input", 4, floats, new BitSet())));

        assertThat(((FloatColumn) fromLongs.column("output_probability")).values())
                .containsExactly(((FloatColumn) fromFloats.column("output_probability")).values());
    }

    @Test
    void predict_emptyBatch_returnsEmptyOutputs() {
        Frame output =
                forest.predict(
                        Frame.of(new FloatColumn("float_input", 4, new float[0], new BitSet())));

        assertThat(output.rows()).isZero();
        assertThat(output.names()).containsExactly("output_label", "output_probability");
        assertThat(output.columns().get(1).width()).isEqualTo(3);
    }

    @Test
    void predict_extraColumns_areIgnored() {
        float[] row = {5.1f, 3.5f, 1.4f, 0.2f};
        Frame plain = Frame.of(new FloatColumn("float_input", 4, row, new BitSet()));
        Frame extended =
                new Frame(
                        1,
                        List.of(
                                StringColumn.of("id", "passenger-1"),
                                new FloatColumn("float_input", 4, row, new BitSet())));

        assertThat(((LongColumn) forest.predict(extended).column("output_label")).values())
                .containsExactly(
                        ((LongColumn) forest.predict(plain).column("output_label")).values());
    }
}
