package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxFormatTest {

    private final OnnxFormat format = new OnnxFormat();

    @Test
    void name_isOnnx() {
        assertThat(format.name()).isEqualTo("onnx");
    }

    @Test
    void runtime_namesOnnxRuntimeAndItsVersion() {
        assertThat(format.runtime()).matches("onnxruntime \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void recognizes_onnxFileName_true() {
        assertThat(format.recognizes("models/Forest.ONNX", new byte[0])).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {OnnxFixtures.IRIS_MODEL, OnnxFixtures.TITANIC_MODEL})
    void recognizes_modelHeadUnderAnotherName_true(String model) {
        byte[] bytes = OnnxFixtures.modelBytes(model);
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024));

        assertThat(format.recognizes("model.bin", head)).isTrue();
    }

    @Test
    void recognizes_xgboostJson_false() {
        byte[] head =
                "{\"learner\":{\"attributes\":{},\"feature_names\":[]},\"version\":[2,1,4]}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(format.recognizes("model.json", head)).isFalse();
    }

    @Test
    void recognizes_xgboostUbjson_false() {
        byte[] head = {'{', 'L', 0, 0, 0, 0, 0, 0, 0, 7, 'l', 'e', 'a', 'r', 'n', 'e', 'r', '{'};

        assertThat(format.recognizes("model.ubj", head)).isFalse();
    }

    @Test
    void recognizes_xgboostLegacyBinary_false() throws IOException {
        byte[] head =
                Files.readAllBytes(
                        SharedData.root()
                                .resolve("models/xgboost/mushroom_treelite/mushroom.model"));

        assertThat(format.recognizes("mushroom.model", head)).isFalse();
    }

    @Test
    void recognizes_lightgbmText_false() throws IOException {
        byte[] head =
                Files.readAllBytes(
                        SharedData.root()
                                .resolve(
                                        "models/lightgbm/toy_categorical_treelite/toy_categorical_model.txt"));

        assertThat(format.recognizes("model.txt", head)).isFalse();
    }

    @Test
    void recognizes_csv_false() throws IOException {
        byte[] head = Files.readAllBytes(SharedData.dataset("iris.csv"));

        assertThat(format.recognizes("iris.csv", head)).isFalse();
    }

    @Test
    void recognizes_pythonPickle_false() {
        byte[] head = {(byte) 0x80, 4, (byte) 0x95, 0x2b, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c, 0x08};

        assertThat(format.recognizes("model.pkl", head)).isFalse();
    }

    @Test
    void recognizes_emptyHead_false() {
        assertThat(format.recognizes("model.bin", new byte[0])).isFalse();
    }

    @Test
    void load_emptyBytes_throwsNamingSource() {
        assertThatThrownBy(() -> format.load(new byte[0], "empty.onnx", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty.onnx")
                .hasMessageContaining("empty");
    }

    /** Cuts near the start, in the middle and near the end of the iris model. */
    static IntStream truncatedLengths() {
        int size = OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL).length;
        return IntStream.of(1, 2, 5, 10, 20, 100, 1_000, size / 2, size - 100, size - 10, size - 1);
    }

    @ParameterizedTest
    @MethodSource("truncatedLengths")
    void load_truncatedModel_throwsNamingSource(int length) {
        byte[] truncated = Arrays.copyOf(OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL), length);

        assertThatThrownBy(() -> format.load(truncated, "cut.onnx", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'cut.onnx'")
                .hasMessageContaining("not a readable ONNX model")
                .satisfies(
                        e ->
                                assertThat(((InvalidInputException) e).source())
                                        .isEqualTo("cut.onnx"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void load_randomBytes_throwsNamingSource(long seed) {
        byte[] noise = new byte[4096];
        new SplittableRandom(seed).nextBytes(noise);

        assertThatThrownBy(() -> format.load(noise, "noise.onnx", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'noise.onnx'");
    }

    @Test
    void load_lightgbmTextModel_throwsNamingSource() throws IOException {
        byte[] text =
                Files.readAllBytes(
                        SharedData.root()
                                .resolve(
                                        "models/lightgbm/toy_categorical_treelite/toy_categorical_model.txt"));

        assertThatThrownBy(() -> format.load(text, "toy.txt", LoadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'toy.txt'");
    }
}
