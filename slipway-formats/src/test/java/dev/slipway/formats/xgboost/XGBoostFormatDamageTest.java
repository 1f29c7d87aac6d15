package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import java.util.Arrays;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Truncated and damaged model files are refused with a clear message, never read out of bounds. */
class XGBoostFormatDamageTest {

    private static final XGBoostFormat FORMAT = new XGBoostFormat();

    private static byte[] json;
    private static byte[] ubjson;
    private static byte[] legacy;
    private static byte[] deprecated;

    @BeforeAll
    static void files() throws Exception {
        XGBoost4J.quiet();
        legacy = Agaricus.model();
        Booster booster = XGBoost.loadModel(legacy);
        try {
            json = booster.toByteArray("json");
            ubjson = booster.toByteArray("ubj");
            deprecated = booster.toByteArray("deprecated");
        } finally {
            booster.dispose();
        }
    }

    private static void load(byte[] model) {
        FORMAT.load(model, "model", LoadOptions.defaults()).close();
    }

    /** Asserts that every proper prefix of {@code model} is refused with {@code message}. */
    private static void assertEveryPrefixRefused(byte[] model, String message) {
        for (int length = 0; length < model.length; length++) {
            byte[] cut = Arrays.copyOf(model, length);
            assertThatThrownBy(() -> load(cut))
                    .as("the first %d of %d bytes", length, model.length)
                    .isInstanceOf(InvalidInputException.class)
                    .message()
                    .satisfiesAnyOf(
                            m -> assertThat(m).contains(message),
                            m -> assertThat(m).contains("is not an XGBoost model file"));
        }
    }

    @Test
    void load_truncatedJson_refusedAtEveryLength() {
        assertEveryPrefixRefused(json, "is not valid JSON");
    }

    @Test
    void load_truncatedUbjson_refusedAtEveryLength() {
        assertEveryPrefixRefused(ubjson, "is not valid UBJSON");
    }

    @Test
    void load_truncatedLegacyBinary_refusedAtEveryLength() {
        assertEveryPrefixRefused(legacy, "is truncated or damaged");
    }

    @Test
    void load_truncatedBinaryFromCurrentXGBoost_refusedAtEveryLength() {
        // XGBoost itself accepts this file cut short in its trailing attributes.
        assertEveryPrefixRefused(deprecated, "is truncated or damaged");
    }

    @Test
    void load_truncatedUbjson_messageSaysWhereAndHowToFix() {
        byte[] cut = Arrays.copyOf(ubjson, ubjson.length / 2);
        assertThatThrownBy(() -> FORMAT.load(cut, "m.ubj", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("XGBoost model m.ubj is not valid UBJSON at byte")
                .hasMessageContaining("truncated or damaged")
                .hasMessageContaining("save_model(\"model.ubj\")");
    }

    @Test
    void load_legacyNodePointingOutsideItsTree_refusedBeforeXGBoostReadsIt() {
        byte[] damaged = legacy.clone();
        // The first tree's nodes start after the learner (136 bytes), the two names (8 + 15 and
        // 8 + 6), the booster's parameters (160) and the tree's parameters (148); its root's
        // left child is the second int of the root node.
        int root = 136 + 8 + 15 + 8 + 6 + 160 + 148;
        damaged[root + 4] = 0x7f;
        assertThatThrownBy(() -> FORMAT.load(damaged, "m.model", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("node 0 of tree 0 points to children 127 and");
    }

    /** Damaged bytes anywhere: the file is refused, or loads and predicts, nothing else. */
    private static void assertDamageRefusedOrHarmless(byte[] model, long seed, int trials) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            byte[] damaged = model.clone();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try (Predictor p = FORMAT.load(damaged, "model", LoadOptions.defaults())) {
                assertThat(p.signature().outputs()).isNotEmpty();
            } catch (InvalidInputException refused) {
                assertThat(refused.getMessage()).as("trial %d", trial).contains("model");
            }
        }
    }

    @Test
    void load_damagedJson_refusedOrHarmless() {
        assertDamageRefusedOrHarmless(json, 1, 300);
    }

    @Test
    void load_damagedUbjson_refusedOrHarmless() {
        assertDamageRefusedOrHarmless(ubjson, 2, 300);
    }

    @Test
    void load_damagedLegacyBinary_refusedOrHarmless() {
        assertDamageRefusedOrHarmless(legacy, 3, 100);
        assertDamageRefusedOrHarmless(deprecated, 4, 100);
    }
}
