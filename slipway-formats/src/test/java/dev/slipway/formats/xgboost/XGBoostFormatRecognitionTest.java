package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which format claims which file: each real model file is recognized by its own format only, and
 * data files and Python pickles (even of an XGBoost model) by none.
 */
class XGBoostFormatRecognitionTest {

    private static final int HEAD = 64 * 1024;
    private static final List<ModelFormat> FORMATS =
            List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat());

    private static byte[] shared(String relative) {
        try {
            return Files.readAllBytes(SharedData.root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in =
                XGBoostFormatRecognitionTest.class.getResourceAsStream("/xgboost/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mushroom model as XGBoost4J saves it in {@code format}. */
    private static byte[] resaved(String format) {
        try {
            XGBoost4J.quiet();
            Booster booster = XGBoost.loadModel(Agaricus.model());
            try {
                return booster.toByteArray(format);
            } finally {
                booster.dispose();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> samples() {
        List<Arguments> samples = new ArrayList<>();
        samples.add(sample("model.json", resaved("json"), "xgboost"));
        samples.add(sample("model.ubj", resaved("ubj"), "xgboost"));
        samples.add(
                sample(
                        "mushroom.model",
                        shared("models/xgboost/mushroom_treelite/mushroom.model"),
                        "xgboost"));
        samples.add(sample("model.deprecated", resaved("deprecated"), "xgboost"));
        samples.add(sample("rf_iris.onnx", shared("models/onnx/rf_iris.onnx"), "onnx"));
        samples.add(
                sample(
                        "pipeline_titanic.onnx",
                        shared("models/onnx/pipeline_titanic.onnx"),
                        "onnx"));
        samples.add(
                sample(
                        "toy_categorical_model.txt",
                        shared(
                                "models/lightgbm/toy_categorical_treelite/toy_categorical_model.txt"),
                        "lightgbm"));
        samples.add(sample("iris.csv", shared("datasets/iris.csv"), null));
        samples.add(sample("adult_train.csv", shared("datasets/adult_train.csv"), null));
        samples.add(
                sample(
                        "other.json",
                        "{\"name\": \"not a model\", \"trees\": []}"
                                .getBytes(StandardCharsets.UTF_8),
                        null));
        for (int protocol : new int[] {0, 2, 4, 5}) {
            String name = "booster-state.protocol%d.pkl".formatted(protocol);
            samples.add(sample(name, resource(name), null));
        }
        return samples.stream();
    }

    private static Arguments sample(String name, byte[] bytes, String format) {
        return Arguments.of(name, bytes, Optional.ofNullable(format));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recognizes_sample_onlyByItsOwnFormat(String name, byte[] bytes, Optional<String> format) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, HEAD));
        for (ModelFormat f : FORMATS) {
            assertThat(f.recognizes(name, head))
                    .as("%s recognizes %s", f.name(), name)
                    .isEqualTo(format.equals(Optional.of(f.name())));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 8, 16})
    void recognizes_headTooShortToTell_isFalseWithoutFailing(int length) {
        byte[] head = Arrays.copyOf(resaved("ubj"), length);
        assertThat(new XGBoostFormat().recognizes("model.ubj", head)).isFalse();
    }

    @Test
    void load_pickle_refusesSayingPicklesAreNeverLoaded() {
        byte[] pickle = resource("booster-state.protocol4.pkl");
        assertThatThrownBy(
                        () -> new XGBoostFormat().load(pickle, "model.pkl", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.pkl is a Python pickle")
                .hasMessageContaining("save_model(\"model.json\")");
    }

    @Test
    void load_onnxModel_refusesAsNotXGBoost() {
        byte[] onnx = shared("models/onnx/rf_iris.onnx");
        assertThatThrownBy(
                        () ->
                                new XGBoostFormat()
                                        .load(onnx, "rf_iris.onnx", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rf_iris.onnx is not an XGBoost model file");
    }

    @Test
    void nameAndRuntime_describeTheEvaluator() {
        XGBoostFormat format = new XGBoostFormat();
        assertThat(format.name()).isEqualTo("xgboost");
        assertThat(format.runtime()).contains("XGBoost 1.0-3.0").contains("XGBoost4J 3.0.4");
    }
}
