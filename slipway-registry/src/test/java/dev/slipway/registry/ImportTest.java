package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.Task;
import dev.slipway.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Importing model files trained elsewhere, with the test format; real formats in
 * ImportSharedModelsTest.
 */
class ImportTest {

    /** The first bytes of {@code pickle.dumps({}, protocol=4)}: PROTO 4, FRAME of 4 bytes. */
    static final byte[] PICKLE_V4 = {
        (byte) 0x80, 4, (byte) 0x95, 4, 0, 0, 0, 0, 0, 0, 0, '}', (byte) 0x94, '.'
    };

    @TempDir Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static ImportOptions none() {
        return ImportOptions.defaults();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_fileWithoutNames_featuresNamedF0F1(TestDatabase.Kind kind) throws IOException {
        Path file = write("m.linear", LinearFormat.file(1, 2, 3));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            ModelVersion v = h.registry().importModel(file, "lin", none());

            ModelManifest m = h.registry().manifest(v);
            assertThat(m.signature().inputs())
                    .extracting(ColumnSpec::name)
                    .containsExactly("f0", "f1", "f2");
            assertThat(m.modelFormat()).isEqualTo("linear");
            assertThat(m.runtime()).isEqualTo("linear-test 1.0");
            assertThat(v.lineage()).isEqualTo(ModelLineage.none());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_namesGiven_usedAndKeptForLoading(TestDatabase.Kind kind) throws IOException {
        Path file = write("m.linear", LinearFormat.file(1, 2));
        ImportOptions options =
                ImportOptions.builder().featureNames(List.of("age", "hours")).build();
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            ModelVersion v = h.registry().importModel(file, "lin", options);

            assertThat(h.registry().manifest(v).featureNames()).containsExactly("age", "hours");
            try (var p = h.registry().load(v)) {
                assertThat(p.signature().inputs())
                        .extracting(ColumnSpec::name)
                        .containsExactly("age", "hours");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_any_keepsFileByteForByteWithImportedProvenance(TestDatabase.Kind kind)
            throws IOException {
        byte[] content = LinearFormat.file(0.5, -0.25);
        Path file = write("weights.linear", content);
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            ModelVersion v =
                    h.registry()
                            .importModel(
                                    file,
                                    "lin",
                                    ImportOptions.builder()
                                            .description("from the notebook")
                                            .tag("source", "notebook")
                                            .task(Task.REGRESSION)
                                            .build());

            ModelManifest m = h.registry().manifest(v);
            String sha = HexFormat.of().formatHex(Hashes.sha256(content));
            assertThat(h.registry().file(v, "weights.linear")).isEqualTo(content);
            assertThat(m.provenance().source())
                    .isEqualTo(new Provenance.Imported("weights.linear", sha));
            assertThat(m.provenance().created()).isEqualTo(RegistryHome.CLOCK.instant());
            assertThat(v.task()).contains(Task.REGRESSION);
            assertThat(v.description()).isEqualTo("from the notebook");
            assertThat(v.tags()).containsEntry("source", "notebook");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_pickleHeader_refusedAsPickle(TestDatabase.Kind kind) throws IOException {
        Path file = write("model.bin", PICKLE_V4);
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("model.bin is a Python pickle")
                    .hasMessageContaining("pickle protocol 4")
                    .hasMessageContaining("runs code")
                    .hasMessageContaining("save_model(\"model.json\")")
                    .hasMessageContaining("save_model(\"model.txt\")")
                    .hasMessageContaining("skl2onnx");
            assertThat(h.registry().list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_joblibName_refusedAsPickle(TestDatabase.Kind kind) throws IOException {
        Path file = write("model.joblib", new byte[] {'x', 0x78, (byte) 0x9c});
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is a Python pickle (its name ends in .joblib)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_zipWithPickleInside_refusedAsPickle(TestDatabase.Kind kind)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(PICKLE_V4);
            zip.closeEntry();
        }
        Path file = write("model.pt", bytes.toByteArray());
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("model.pt is a Python pickle")
                    .hasMessageContaining("archive/data.pkl");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_unknownFile_refusedListingFormats(TestDatabase.Kind kind) throws IOException {
        Path file = write("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("notes.txt is not a model file Slipway can read")
                    .hasMessageContaining("68 65 6c 6c 6f")
                    .hasMessageContaining("Supported formats: linear");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_emptyFile_refused(TestDatabase.Kind kind) throws IOException {
        Path file = write("m.linear", new byte[0]);
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is empty");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_truncatedFile_formatErrorSurfaces(TestDatabase.Kind kind) throws IOException {
        byte[] whole = LinearFormat.file(1, 2);
        Path file = write("m.linear", Arrays.copyOf(whole, LinearFormat.HEADER.length() + 3));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("truncated or corrupt");
            assertThat(h.registry().list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_sampleTheModelRejects_refused(TestDatabase.Kind kind) throws IOException {
        Path file = write("m.linear", LinearFormat.file(1));
        ImportOptions options =
                ImportOptions.builder().sample(Frame.of(StringColumn.of("f0", "x"))).build();
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", options))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("loads but fails on a sample of 1 row(s)")
                    .hasMessageContaining("must be fp32");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_sampleGiven_runOnIt(TestDatabase.Kind kind) throws IOException {
        Path file = write("m.linear", LinearFormat.file(1));
        ImportOptions options =
                ImportOptions.builder().sample(Frame.of(FloatColumn.of("f0", 1, 2, 3))).build();
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThat(h.registry().importModel(file, "m", options).version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_signatureGiven_recordedAfterTheModelRunsOnIt(TestDatabase.Kind kind)
            throws IOException {
        Path file = write("m.linear", LinearFormat.file(1));
        Signature given =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("f0", DType.FP32),
                                ColumnSpec.scalar("note", DType.STRING)),
                        List.of(ColumnSpec.scalar(Signature.PREDICTION, DType.FP64)));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            ModelVersion v =
                    h.registry()
                            .importModel(
                                    file, "m", ImportOptions.builder().signature(given).build());

            assertThat(h.registry().manifest(v).signature()).isEqualTo(given);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_signatureWithOutputTheModelLacks_refused(TestDatabase.Kind kind)
            throws IOException {
        Path file = write("m.linear", LinearFormat.file(1));
        Signature given =
                new Signature(
                        List.of(ColumnSpec.scalar("f0", DType.FP32)),
                        List.of(ColumnSpec.scalar(Signature.LABEL, DType.INT64)));
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(
                            () ->
                                    h.registry()
                                            .importModel(
                                                    file,
                                                    "m",
                                                    ImportOptions.builder()
                                                            .signature(given)
                                                            .build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has output 'label'")
                    .hasMessageContaining("'prediction'");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_missingFile_refusedNamingIt(TestDatabase.Kind kind) {
        Path file = dir.resolve("nope.linear");
        try (RegistryHome h = RegistryHome.open(dir.resolve("home"), kind)) {
            assertThatThrownBy(() -> h.registry().importModel(file, "m", none()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no file " + file);
        }
    }
}
