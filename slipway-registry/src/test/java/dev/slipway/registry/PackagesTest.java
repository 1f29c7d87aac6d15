package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a version's package holds, and how damage to it is found. */
class PackagesTest {

    @TempDir Path dir;

    private static ModelVersion registerWithEvaluation(ModelRegistry r) {
        return r.register(
                "churn",
                Manifests.linear("run-1"),
                List.of(
                        PackageEntry.of(
                                "model.linear", PackageFile.MODEL, LinearFormat.file(2, -1)),
                        PackageEntry.of(
                                "eval/metrics.json",
                                "evaluation",
                                "{\"rmse\": 0.25}".getBytes(StandardCharsets.UTF_8))),
                "",
                Map.of());
    }

    private static Path blobFile(Path home, String hex) {
        return home.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void manifest_registered_listsFilesWithHashes(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());

            ModelManifest m = h.registry().manifest(v);

            assertThat(m.withFiles(List.of())).isEqualTo(Manifests.linear("run-1"));
            assertThat(m.files())
                    .extracting(PackageFile::path, PackageFile::role, PackageFile::size)
                    .containsExactly(
                            tuple("model.linear", "model", (long) LinearFormat.file(2, -1).length),
                            tuple("eval/metrics.json", "evaluation", 14L));
            assertThat(m.modelFile().orElseThrow().sha256())
                    .isEqualTo(HexFormat.of().formatHex(Hashes.sha256(LinearFormat.file(2, -1))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void file_registered_sameBytes(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());

            assertThat(h.registry().file(v, "model.linear")).isEqualTo(LinearFormat.file(2, -1));
            assertThat(
                            new String(
                                    h.registry().file(v, "eval/metrics.json"),
                                    StandardCharsets.UTF_8))
                    .isEqualTo("{\"rmse\": 0.25}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void file_unknownPath_notFoundListingFiles(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());

            assertThatThrownBy(() -> h.registry().file(v, "nope.bin"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("[model.linear, eval/metrics.json]");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void load_byAlias_predictsWithTheStoredModel(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            registerWithEvaluation(h.registry());
            h.registry().setAlias("churn", "champion", 1);

            try (Predictor p = h.registry().load(ModelRef.parse("churn@champion"))) {
                Frame out =
                        p.predict(Frame.of(FloatColumn.of("f0", 1, 3), FloatColumn.of("f1", 1, 1)));

                DoubleColumn y = (DoubleColumn) out.column("prediction");
                assertThat(y.get(0)).isEqualTo(1.0);
                assertThat(y.get(1)).isEqualTo(5.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void load_withFeaturePipeline_takesRawRecords(TestDatabase.Kind kind) {
        FeaturePipeline pipeline =
                new FeaturePipeline(
                        List.of(
                                new FeatureColumn.Numeric("age"),
                                new FeatureColumn.OneHot("color", List.of("red", "blue"))),
                        UnseenCategoryPolicy.ERROR,
                        "score",
                        List.of());
        Signature raw =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("age", DType.FP64),
                                ColumnSpec.scalar("color", DType.STRING)),
                        List.of(ColumnSpec.scalar(Signature.PREDICTION, DType.FP64)));
        ModelManifest manifest =
                ModelManifest.builder("linear", "linear-test 1.0", raw, Manifests.trained("run-1"))
                        .featureNames(pipeline.featureNames())
                        .pipeline(pipeline)
                        .build();
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v =
                    h.registry()
                            .register(
                                    "score",
                                    manifest,
                                    Manifests.linearFiles(1, 10, 100),
                                    "",
                                    Map.of());

            try (Predictor p = h.registry().load(v)) {
                Frame out =
                        p.predict(
                                Frame.of(
                                        DoubleColumn.of("age", 2, 3),
                                        StringColumn.of("color", "blue", "red")));

                assertThat(p.signature()).isEqualTo(raw);
                assertThat(((DoubleColumn) out.column("prediction")).values())
                        .containsExactly(102, 13);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void load_formatNotGiven_notFoundNamingIt(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());
            ModelRegistry without = new ModelRegistry(h.home(), List.of(), RegistryHome.CLOCK);

            assertThatThrownBy(() -> without.load(v))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("churn/1 is a linear model");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void manifest_blobChangedOnDisk_corruptionDetected(TestDatabase.Kind kind) throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());
            Path blob = blobFile(h.home().root(), v.manifest().hex());
            String json = Files.readString(blob);
            blob.toFile().setWritable(true);
            Files.writeString(blob, json.replace("\"rmse\" : 0.25", "\"rmse\" : 0.01"));

            assertThatThrownBy(() -> h.registry().manifest(v))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(v.manifest().hex());
            assertThatThrownBy(() -> h.registry().load(v.ref()))
                    .isInstanceOf(CorruptDataException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void file_blobMissing_corruptNamingVersion(TestDatabase.Kind kind) throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());
            String sha = h.registry().manifest(v).modelFile().orElseThrow().sha256();
            Files.delete(blobFile(h.home().root(), sha));

            assertThatThrownBy(() -> h.registry().file(v, "model.linear"))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("churn/1")
                    .hasMessageContaining("missing from the blob store");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void registerPackage_exported_sameManifestAndFiles(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            ModelVersion v = registerWithEvaluation(r);
            Path out = dir.resolve("export");
            r.exportPackage(v, out);

            ModelVersion copy = r.registerPackage(out, "churn-copy", "copied", Map.of());

            assertThat(copy.manifest()).isEqualTo(v.manifest());
            assertThat(r.manifest(copy)).isEqualTo(r.manifest(v));
            assertThat(out.resolve("eval/metrics.json")).hasContent("{\"rmse\": 0.25}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void registerPackage_fileChanged_refusedNamingIt(TestDatabase.Kind kind) throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            Path out = dir.resolve("export");
            r.exportPackage(registerWithEvaluation(r), out);
            Files.write(out.resolve("model.linear"), LinearFormat.file(9, 9));

            assertThatThrownBy(() -> r.registerPackage(out, "churn-copy", "", Map.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("file model.linear of the package")
                    .hasMessageContaining("has changed");
            assertThat(r.list()).extracting(ModelSummary::name).containsExactly("churn");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void exportPackage_folderNotEmpty_refused(TestDatabase.Kind kind) throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v = registerWithEvaluation(h.registry());
            Path out = Files.createDirectories(dir.resolve("export"));
            Files.writeString(out.resolve("keep.txt"), "mine");

            assertThatThrownBy(() -> h.registry().exportPackage(v, out))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not empty");
        }
    }
}
