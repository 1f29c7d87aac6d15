package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The format's name, runtime, and which files it claims. */
class LightGbmFormatTest {

    private final LightGbmFormat format = new LightGbmFormat();

    @Test
    void name_isLightgbm() {
        assertThat(format.name()).isEqualTo("lightgbm");
    }

    @Test
    void runtime_namesTheBundledLightGbmVersion() {
        assertThat(format.runtime()).matches("LightGBM [0-9]+\\.[0-9]+\\.[0-9]+");
    }

    @Test
    void recognizes_lightGbmText_true() {
        assertThat(format.recognizes("toy_categorical_model.txt", head(ToyModel.bytes()))).isTrue();
    }

    @Test
    void recognizes_windowsLineBreaks_true() {
        byte[] text = "tree\r\nversion=v4\r\nnum_class=1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(format.recognizes("model.txt", text)).isTrue();
    }

    @Test
    void recognizes_treeLineWithoutVersion_false() {
        byte[] text = "tree\nnum_class=1\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(format.recognizes("model.txt", text)).isFalse();
    }

    @Test
    void recognizes_xgboostJson_false() {
        byte[] json =
                "{\"learner\":{\"attributes\":{},\"gradient_booster\":{\"name\":\"gbtree\"}},\"version\":[2,1,4]}"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(format.recognizes("model.json", json)).isFalse();
    }

    @Test
    void recognizes_xgboostUbjson_false() {
        byte[] ubjson = {'{', 'L', 0, 0, 0, 0, 0, 0, 0, 7, 'l', 'e', 'a', 'r', 'n', 'e', 'r', '{'};
        assertThat(format.recognizes("model.ubj", ubjson)).isFalse();
    }

    @Test
    void recognizes_legacyXgboostBinary_false() throws IOException {
        assertThat(
                        format.recognizes(
                                "mushroom.model",
                                sharedModel("xgboost/mushroom_treelite/mushroom.model")))
                .isFalse();
    }

    @Test
    void recognizes_onnx_false() throws IOException {
        assertThat(format.recognizes("rf_iris.onnx", sharedModel("onnx/rf_iris.onnx"))).isFalse();
    }

    @Test
    void recognizes_csv_false() throws IOException {
        byte[] csv = Files.readAllBytes(SharedData.dataset("iris.csv"));
        assertThat(format.recognizes("iris.csv", head(csv))).isFalse();
    }

    @Test
    void recognizes_pythonPickle_false() {
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c};
        assertThat(format.recognizes("model.pkl", pickle)).isFalse();
    }

    private static byte[] sharedModel(String relative) throws IOException {
        Path file = SharedData.root().resolve("models").resolve(relative);
        return head(Files.readAllBytes(file));
    }

    private static byte[] head(byte[] bytes) {
        return Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024));
    }
}
