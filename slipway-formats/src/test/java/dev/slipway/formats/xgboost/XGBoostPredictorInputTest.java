package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The column types a predictor accepts for a feature, converted as XGBoost converts them. */
class XGBoostPredictorInputTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    private static Predictor predictor;
    private static Booster booster;

    @BeforeAll
    static void train() throws Exception {
        XGBoost4J.quiet();
        // Three features: a number, a count and a flag; the target depends on all three.
        int n = 300;
        float[] rows = new float[n * 3];
        float[] labels = new float[n];
        for (int r = 0; r < n; r++) {
            rows[3 * r] = (r % 17) * 0.37f;
            rows[3 * r + 1] = r % 5;
            rows[3 * r + 2] = r % 2;
            labels[r] = rows[3 * r] + 2 * rows[3 * r + 1] - 3 * rows[3 * r + 2];
        }
        booster =
                XGBoost4J.train(
                        rows,
                        3,
                        labels,
                        Map.of("objective", "reg:squarederror", "max_depth", 3),
                        10);
        predictor =
                new XGBoostFormat()
                        .load(booster.toByteArray("json"), "abc.json", new LoadOptions(NAMES));
    }

    @AfterAll
    static void release() {
        predictor.close();
        booster.dispose();
    }

    private static float predict(Column a, Column b, Column c) {
        return ((FloatColumn) predictor.predict(Frame.of(a, b, c)).column("prediction")).get(0);
    }

    private static float xgboost(float a, float b, float c) throws Exception {
        return XGBoost4J.predict(booster, new float[] {a, b, c}, 3, false)[0][0];
    }

    @Test
    void predict_doubleLongAndBoolColumns_convertedAsXGBoost() throws Exception {
        float ours =
                predict(
                        DoubleColumn.of("a", 1.85),
                        LongColumn.of("b", 3),
                        BoolColumn.of("c", true));
        assertThat(ours).isEqualTo(xgboost((float) 1.85, 3f, 1f));
    }

    @Test
    void predict_nullRows_areMissingValues() throws Exception {
        BitSet missing = new BitSet();
        missing.set(0);
        float ours =
                predict(
                        new DoubleColumn("a", 1, new double[] {7}, missing),
                        new LongColumn("b", 1, new long[] {7}, missing),
                        new BoolColumn("c", 1, new boolean[] {true}, missing));
        assertThat(ours).isEqualTo(xgboost(Float.NaN, Float.NaN, Float.NaN));
    }

    @Test
    void predict_columnsInAnotherOrder_areMatchedByName() throws Exception {
        Frame shuffled =
                Frame.of(
                        FloatColumn.of("c", 0f),
                        FloatColumn.of("a", 2.2f),
                        FloatColumn.of("b", 4f));
        float ours = ((FloatColumn) predictor.predict(shuffled).column("prediction")).get(0);
        assertThat(ours).isEqualTo(xgboost(2.2f, 4f, 0f));
    }

    @Test
    void predict_stringColumn_refusesNamingColumnAndTypes() {
        Frame strings =
                Frame.of(
                        StringColumn.of("a", "1.5"),
                        FloatColumn.of("b", 1f),
                        FloatColumn.of("c", 0f));
        assertThatThrownBy(() -> predictor.predict(strings))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'a' holds strings (BYTES)")
                .hasMessageContaining("takes numbers: send FP32 (or FP64, INT64, BOOL)")
                .satisfies(e -> assertThat(((InvalidInputException) e).column()).contains("a"));
    }

    @Test
    void predict_wideColumn_refusesNamingTheWidth() {
        Frame wide =
                Frame.of(
                        new FloatColumn("a", 2, new float[] {1f, 2f}, new BitSet()),
                        FloatColumn.of("b", 1f),
                        FloatColumn.of("c", 0f));
        assertThatThrownBy(() -> predictor.predict(wide))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'a' has 2 values per row");
    }

    @Test
    void predict_missingColumn_refusesListingTheColumnsThereAre() {
        Frame partial = Frame.of(FloatColumn.of("a", 1f), FloatColumn.of("c", 0f));
        assertThatThrownBy(() -> predictor.predict(partial))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "takes input column 'b' (FP32), which the batch lacks; it has [a, c]");
    }
}
