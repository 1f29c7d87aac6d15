package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.api.model.UnseenCategoryPolicy;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.PackageEntry;
import dev.slipway.registry.PackageFile;
import dev.slipway.registry.Provenance;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code slipway models show} on a version Slipway trained: pipeline, lineage, provenance. */
class ModelsShowTrainedTest extends ModelsCliTest {

    private static final String DATA_SHA = "ab".repeat(32);

    /** Registers income/1 as a training run would, with the toy model's bytes as its file. */
    @BeforeEach
    void registerTrainedVersion() throws IOException {
        Signature signature =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("age", DType.FP64),
                                ColumnSpec.scalar("workclass", DType.STRING)),
                        List.of(
                                ColumnSpec.scalar(Signature.LABEL, DType.STRING),
                                new ColumnSpec(
                                        Signature.PROBABILITIES,
                                        DType.FP64,
                                        2,
                                        List.of("<=50K", ">50K"))));
        Provenance provenance =
                new Provenance(
                        Instant.parse("2024-05-01T10:00:00Z"),
                        new Provenance.Trained(
                                "3f9a0c1d",
                                "adult",
                                "1b2c3d4e",
                                DATA_SHA,
                                Map.of("max_depth", "6", "eta", "0.3"),
                                42,
                                Map.of("lightgbm", "4.3.0"),
                                "Test JVM 21",
                                "Test OS 1.0"));
        ModelManifest manifest =
                ModelManifest.builder("lightgbm", "LightGBM 4.3.0", signature, provenance)
                        .task(Task.BINARY)
                        .pipeline(
                                new FeaturePipeline(
                                        List.of(
                                                new FeatureColumn.Numeric("age"),
                                                new FeatureColumn.OneHot(
                                                        "workclass",
                                                        List.of("Private", "State-gov", "Never"))),
                                        UnseenCategoryPolicy.MISSING,
                                        "income",
                                        List.of("<=50K", ">50K")))
                        .metrics(Map.of("auc", 0.9288, "accuracy", 0.8745))
                        .build();
        try (SlipwayHome home = SlipwayHome.open(dir.resolve("home"))) {
            new ModelRegistry(home, Services.formats(), Clock.systemUTC())
                    .register(
                            "income",
                            manifest,
                            List.of(
                                    PackageEntry.of(
                                            "model.txt",
                                            PackageFile.MODEL,
                                            Files.readAllBytes(TOY))),
                            "",
                            Map.of());
        }
    }

    @Test
    void show_trainedVersion_printsPipelineMetricsLineageAndProvenance() {
        CliRun r = slipway("models", "show", "income/1");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("workclass +one-hot +3 categories")
                .containsPattern("age +numeric")
                .contains("auc 0.9288")
                .contains("slipway runs show 3f9a0c1d")
                .contains("slipway data show adult@1b2c3d4e")
                .contains("sha256 " + DATA_SHA)
                .contains("eta=0.3, max_depth=6")
                .contains("seed:      42")
                .contains("lightgbm=4.3.0")
                .contains("Test JVM 21")
                .containsPattern("probabilities +fp64 x2 +<=50K, >50K");
    }

    @Test
    void showJson_trainedVersion_hasLineageAndTrainedProvenance() {
        JsonNode v = slipway("models", "show", "income", "--json").json();

        assertThat(v.at("/lineage/run").asText()).isEqualTo("3f9a0c1d");
        assertThat(v.at("/lineage/dataset").asText()).isEqualTo("adult");
        assertThat(v.at("/manifest/provenance/source/kind").asText()).isEqualTo("trained");
        assertThat(v.at("/manifest/provenance/source/seed").asLong()).isEqualTo(42);
        assertThat(v.at("/manifest/feature_pipeline/features/1/categories")).hasSize(3);
        assertThat(v.at("/manifest/metrics/auc").asDouble()).isEqualTo(0.9288);
    }

    @Test
    void versions_trainedVersion_saysWhichRunAndData() {
        CliRun r = slipway("models", "versions", "income");

        assertThat(r.out()).contains("run 3f9a0c1d on adult@1b2c3d4e");
    }
}
