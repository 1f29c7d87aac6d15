package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.Task;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.testkit.SharedData;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ONNX models in shared/models, imported and served from the registry. */
class ImportOnnxTest {

    private static final Path ONNX = SharedData.root().resolve("models/onnx");
    private static final List<ModelFormat> FORMATS = List.of(new OnnxFormat());

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_irisForest_predictsThePublishedLabels(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind, FORMATS)) {
            ModelVersion v =
                    h.registry()
                            .importModel(
                                    ONNX.resolve("rf_iris.onnx"), "iris", ImportOptions.defaults());
            h.registry().setAlias("iris", "champion", v.version());

            try (Predictor p = h.registry().load(ModelRef.parse("iris@champion"))) {
                Frame rows =
                        Frame.of(
                                new FloatColumn(
                                        "float_input",
                                        4,
                                        new float[] {
                                            5.1f, 3.5f, 1.4f, 0.2f, 6.8f, 2.8f, 4.8f, 1.4f
                                        },
                                        new BitSet()));
                LongColumn label = (LongColumn) p.predict(rows).column("output_label");

                // The labels published with the model (shared/models/SOURCES.md).
                assertThat(label.values()).containsExactly(0, 1);
            }
            ModelManifest m = h.registry().manifest(v);
            assertThat(m.modelFormat()).isEqualTo("onnx");
            assertThat(m.runtime()).startsWith("onnxruntime ");
            assertThat(m.signature().inputs().getFirst().name()).isEqualTo("float_input");
            assertThat(m.signature().inputs().getFirst().width()).isEqualTo(4);
            assertThat(v.task()).contains(Task.MULTICLASS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_irisForest_fileKeptByteForByte(TestDatabase.Kind kind) throws IOException {
        Path file = ONNX.resolve("rf_iris.onnx");
        try (RegistryHome h = RegistryHome.open(dir, kind, FORMATS)) {
            ModelVersion v = h.registry().importModel(file, "iris", ImportOptions.defaults());

            assertThat(h.registry().file(v, "rf_iris.onnx")).isEqualTo(Files.readAllBytes(file));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_titanicPipeline_stringAndFloatColumnsWithRealSample(TestDatabase.Kind kind) {
        Frame sample =
                Frame.of(
                        StringColumn.of("pclass", "1", "3"),
                        StringColumn.of("sex", "female", "male"),
                        FloatColumn.of("age", 29f, 40f),
                        FloatColumn.of("fare", 211.3f, 7.9f),
                        StringColumn.of("embarked", "S", "Q"));
        ImportOptions options = ImportOptions.builder().sample(sample).task(Task.BINARY).build();
        try (RegistryHome h = RegistryHome.open(dir, kind, FORMATS)) {
            ModelVersion v =
                    h.registry()
                            .importModel(ONNX.resolve("pipeline_titanic.onnx"), "titanic", options);

            assertThat(v.task()).contains(Task.BINARY);
            try (Predictor p = h.registry().load(v)) {
                assertThat(p.predict(sample).rows()).isEqualTo(2);
                assertThat(p.signature()).isEqualTo(h.registry().manifest(v).signature());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_truncatedOnnx_refusedAsUnreadable(TestDatabase.Kind kind) throws IOException {
        byte[] whole = Files.readAllBytes(ONNX.resolve("rf_iris.onnx"));
        Path file =
                Files.write(dir.resolve("rf_iris.onnx"), Arrays.copyOf(whole, whole.length / 2));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind, FORMATS)) {
            assertThatThrownBy(
                            () -> h.registry().importModel(file, "iris", ImportOptions.defaults()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not a readable ONNX model");
            assertThat(h.registry().list()).isEmpty();
        }
    }
}
