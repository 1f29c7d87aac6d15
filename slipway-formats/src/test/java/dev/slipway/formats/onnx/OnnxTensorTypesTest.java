package dev.slipway.formats.onnx;

import static dev.slipway.formats.onnx.IdentityModel.DYNAMIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Element types and shapes, on one-node models that return their input. */
class OnnxTensorTypesTest {

    private static Predictor load(byte[] model) {
        return load(model, LoadOptions.defaults());
    }

    private static Predictor load(byte[] model, LoadOptions options) {
        return new OnnxFormat().load(model, "identity.onnx", options);
    }

    @Test
    void predict_int32Input_takesLongsAndReturnsLongs() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.INT32, DYNAMIC, 2))) {
            long[] values = {1, -2, 3, Integer.MAX_VALUE};

            Frame out = p.predict(Frame.of(new LongColumn("x", 2, values, new BitSet())));

            assertThat(p.signature().inputs())
                    .containsExactly(new ColumnSpec("x", DType.INT64, 2, List.of()));
            assertThat(((LongColumn) out.column("y")).values()).containsExactly(values);
        }
    }

    @Test
    void predict_int32InputOutOfRange_throwsNamingColumnAndRow() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.INT32, DYNAMIC))) {
            Frame input = Frame.of(LongColumn.of("x", 1, 1L << 40));

            assertThatThrownBy(() -> p.predict(input))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("column 'x' holds 1099511627776 in row 1")
                    .hasMessageContaining("32-bit integers");
        }
    }

    @Test
    void predict_int64InputWithMissingRow_throwsNamingColumnAndRow() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.INT64, DYNAMIC))) {
            BitSet missing = new BitSet();
            missing.set(1);
            Frame input = Frame.of(new LongColumn("x", 1, new long[] {4, 0}, missing));

            assertThatThrownBy(() -> p.predict(input))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("column 'x' has a missing value in row 1");
        }
    }

    @Test
    void predict_boolInput_returnsBooleans() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.BOOL, DYNAMIC))) {
            Frame out = p.predict(Frame.of(BoolColumn.of("x", true, false, true)));

            assertThat(p.signature().outputs()).containsExactly(ColumnSpec.scalar("y", DType.BOOL));
            assertThat(((BoolColumn) out.column("y")).values()).containsExactly(true, false, true);
        }
    }

    @Test
    void predict_doubleInputFromFloats_missingRowBecomesNaN() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.DOUBLE, DYNAMIC, 2))) {
            BitSet missing = new BitSet();
            missing.set(1);
            Frame input =
                    Frame.of(new FloatColumn("x", 2, new float[] {0.5f, 2f, 7f, 8f}, missing));

            DoubleColumn out = (DoubleColumn) p.predict(input).column("y");

            assertThat(out.values()).containsExactly(0.5, 2.0, Double.NaN, Double.NaN);
        }
    }

    @Test
    void predict_stringInput_missingRowBecomesEmptyString() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.STRING, DYNAMIC, 1))) {
            Frame out = p.predict(Frame.of(StringColumn.ofNullable("x", "a", null, "ç")));

            assertThat(((StringColumn) out.column("y")).values()).containsExactly("a", "", "ç");
        }
    }

    @Test
    void predict_floatInputFromBooleans_trueIsOne() {
        try (Predictor p = load(IdentityModel.of(IdentityModel.FLOAT, DYNAMIC))) {
            Frame out = p.predict(Frame.of(BoolColumn.of("x", true, false)));

            assertThat(((FloatColumn) out.column("y")).values()).containsExactly(1f, 0f);
        }
    }

    @Test
    void load_uint8Input_throwsNamingInputAndType() {
        byte[] model = IdentityModel.of(IdentityModel.UINT8, DYNAMIC, 3);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'x'")
                .hasMessageContaining("UINT8")
                .hasMessageContaining("'identity.onnx'");
    }

    @Test
    void load_unknownFeatureCount_throwsAskingForFeatureNames() {
        byte[] model = IdentityModel.of(IdentityModel.FLOAT, DYNAMIC, DYNAMIC);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'x'")
                .hasMessageContaining("give its feature names");
    }

    @Test
    void load_unknownFeatureCountWithFeatureNames_takesTheirCount() {
        byte[] model =
                IdentityModel.of(
                        IdentityModel.FLOAT,
                        new long[] {DYNAMIC, DYNAMIC},
                        new long[] {DYNAMIC, 3});
        List<String> names = List.of("a", "b", "c");

        try (Predictor p = load(model, new LoadOptions(names))) {
            assertThat(p.signature().inputs())
                    .containsExactly(new ColumnSpec("x", DType.FP32, 3, names));
        }
    }

    @Test
    void load_threeDimensionalInput_throwsNamingShape() {
        byte[] model = IdentityModel.of(IdentityModel.FLOAT, DYNAMIC, 2, 2);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shape [-1, 2, 2]");
    }
}
