package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

    private static String json(ModelManifest m) {
        return new String(m.toJson(), StandardCharsets.UTF_8);
    }

    private static ModelManifest read(String json) {
        return ModelManifest.fromJson(json.getBytes(StandardCharsets.UTF_8), "m/1");
    }

    @Test
    void fromJson_everyPart_roundTrips() {
        ModelManifest m = Manifests.full();

        assertThat(ModelManifest.fromJson(m.toJson(), "m/1")).isEqualTo(m);
    }

    @Test
    void fromJson_chosenThreshold_roundTrips() {
        ModelManifest full = Manifests.full();
        FeaturePipeline p = full.pipeline().orElseThrow();
        ModelManifest m =
                ModelManifest.builder(
                                full.modelFormat(),
                                full.runtime(),
                                full.signature(),
                                full.provenance())
                        .task(Task.BINARY)
                        .featureNames(full.featureNames())
                        .pipeline(
                                new FeaturePipeline(
                                        p.features(), p.unseen(), p.target(), p.classes(), 0.3))
                        .files(full.files())
                        .build();

        ModelManifest back = ModelManifest.fromJson(m.toJson(), "m/1");

        assertThat(back.pipeline().orElseThrow().threshold()).isEqualTo(0.3);
        assertThat(json(full)).doesNotContain("threshold");
        assertThat(full.pipeline().orElseThrow().threshold()).isEqualTo(0.5);
    }

    @Test
    void fromJson_importedWithoutTaskOrPipeline_roundTrips() {
        ModelManifest m =
                ModelManifest.builder(
                                "onnx",
                                "onnxruntime 1.22",
                                Manifests.full().signature(),
                                new Provenance(
                                        Instant.parse("2026-01-02T03:04:05Z"),
                                        new Provenance.Imported(
                                                "rf_iris.onnx", Manifests.DATA_SHA)))
                        .files(
                                List.of(
                                        new PackageFile(
                                                "rf_iris.onnx",
                                                PackageFile.MODEL,
                                                Manifests.DATA_SHA,
                                                5)))
                        .build();

        ModelManifest back = ModelManifest.fromJson(m.toJson(), "m/1");

        assertThat(back).isEqualTo(m);
        assertThat(back.task()).isEmpty();
        assertThat(back.pipeline()).isEmpty();
    }

    @Test
    void toJson_sameManifest_sameBytesInFixedOrder() {
        String text = json(Manifests.full());

        assertThat(json(Manifests.full())).isEqualTo(text);
        assertThat(text)
                .startsWith("{\n  \"format\" : \"slipway.model\",\n  \"version\" : 1,\n")
                .contains("\"model_format\" : \"xgboost\"")
                .contains("\"kind\" : \"one_hot\"")
                .contains("\"kind\" : \"trained\"")
                .contains("\"dataset_sha256\"")
                .doesNotContain("\r");
        assertThat(text.indexOf("\"auc\"")).isLessThan(text.indexOf("\"log_loss\""));
        assertThat(text.indexOf("\"eta\"")).isLessThan(text.indexOf("\"max_depth\""));
    }

    @Test
    void fromJson_newerVersion_refusedNamingBothVersions() {
        String newer = json(Manifests.full()).replace("\"version\" : 1", "\"version\" : 7");

        assertThatThrownBy(() -> read(newer))
                .isInstanceOf(IncompatibleFormatException.class)
                .hasMessageContaining("version 7")
                .hasMessageContaining("up to 1")
                .hasMessageContaining("m/1");
    }

    @Test
    void fromJson_notJson_corrupt() {
        assertThatThrownBy(() -> read("{\"format\": \"slipway.model\", \"vers"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("m/1")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void fromJson_otherDocument_corrupt() {
        assertThatThrownBy(() -> read("{\"format\": \"slipway.schema\", \"version\": 1}"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("not a model manifest");
    }

    @Test
    void fromJson_missingField_corruptNamingIt() {
        String broken = json(Manifests.full()).replace("\"run_id\"", "\"run\"");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("'provenance.source.run_id': missing");
    }

    @Test
    void fromJson_badSha256_corrupt() {
        String broken = json(Manifests.full()).replace(Manifests.DATA_SHA, "abc");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    void fromJson_unknownFeatureKind_corrupt() {
        String broken = json(Manifests.full()).replace("\"one_hot\"", "\"hashed\"");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("unknown feature kind 'hashed'");
    }

    @Test
    void fromJson_noModelFile_corrupt() {
        String broken =
                json(Manifests.full()).replace("\"role\" : \"model\"", "\"role\" : \"other\"");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("no file has the role 'model'");
    }

    @Test
    void fromJson_pathEscapingThePackage_corrupt() {
        String broken = json(Manifests.full()).replace("eval/metrics.json", "../../etc/passwd");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("not a valid path");
    }

    @Test
    void builder_nonFiniteMetric_refused() {
        ModelManifest.Builder b =
                ModelManifest.builder(
                        "linear", "r", Manifests.full().signature(), Manifests.trained("r"));

        assertThatThrownBy(() -> b.metrics(Map.of("auc", Double.NaN)).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("auc");
    }

    @Test
    void signatureFromJson_valid_read() {
        Signature s =
                ModelManifest.signatureFromJson(
                        "{\"inputs\": [{\"name\": \"x\", \"dtype\": \"fp32\", \"width\": 4, \"labels\": []}],"
                                + " \"outputs\": [{\"name\": \"label\", \"dtype\": \"int64\", \"width\": 1, \"labels\": []}]}",
                        "schema.json");

        assertThat(s.inputs().getFirst().dtype()).isEqualTo(DType.FP32);
        assertThat(s.inputs().getFirst().width()).isEqualTo(4);
        assertThat(s.outputs().getFirst().name()).isEqualTo("label");
    }

    @Test
    void signatureFromJson_unknownDtype_invalidNamingFile() {
        assertThatThrownBy(
                        () ->
                                ModelManifest.signatureFromJson(
                                        "{\"inputs\": [{\"name\": \"x\", \"dtype\": \"float\", \"width\": 1, \"labels\": []}], \"outputs\": []}",
                                        "schema.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schema.json")
                .hasMessageContaining("unknown dtype 'float'");
    }
}
