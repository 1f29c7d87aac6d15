package dev.slipway.registry;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Manifests and packages for tests. */
final class Manifests {

    static final String DATA_SHA =
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private Manifests() {}

    static Provenance trained(String runId) {
        return new Provenance(
                Instant.parse("2026-11-22T09:00:00.500Z"),
                new Provenance.Trained(
                        runId,
                        "adult",
                        "v-20261122",
                        DATA_SHA,
                        Map.of("max_depth", "6", "eta", "0.3"),
                        42,
                        Map.of("xgboost4j", "3.0.0"),
                        "Eclipse Adoptium 25+36 (OpenJDK 64-Bit Server VM)",
                        "Linux 6.1.0 amd64"));
    }

    /** A linear model of two features, as the registry would get it from a trainer. */
    static ModelManifest linear(String runId) {
        Signature s =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("f0", DType.FP32),
                                ColumnSpec.scalar("f1", DType.FP32)),
                        List.of(ColumnSpec.scalar(Signature.PREDICTION, DType.FP64)));
        return ModelManifest.builder("linear", "linear-test 1.0", s, trained(runId))
                .task(Task.REGRESSION)
                .metrics(Map.of("rmse", 0.25, "mae", 0.125))
                .build();
    }

    static List<PackageEntry> linearFiles(double... weights) {
        return List.of(
                PackageEntry.of("model.linear", PackageFile.MODEL, LinearFormat.file(weights)));
    }

    /** A manifest with every optional part filled, for codec tests. */
    static ModelManifest full() {
        Signature s =
                new Signature(
                        List.of(
                                ColumnSpec.scalar("age", DType.FP64),
                                ColumnSpec.scalar("workclass", DType.STRING)),
                        List.of(
                                ColumnSpec.scalar(Signature.LABEL, DType.STRING),
                                new ColumnSpec(
                                        Signature.PROBABILITIES,
                                        DType.FP32,
                                        2,
                                        List.of("<=50K", ">50K"))));
        FeaturePipeline pipeline =
                new FeaturePipeline(
                        List.of(
                                new FeatureColumn.Numeric("age"),
                                new FeatureColumn.OneHot(
                                        "workclass", List.of("Private", "State-gov"))),
                        UnseenCategoryPolicy.MISSING,
                        "income",
                        List.of("<=50K", ">50K"));
        return ModelManifest.builder("xgboost", "slipway-xgboost 0.1.0", s, trained("run-1"))
                .task(Task.BINARY)
                .featureNames(List.of("age", "workclass=Private", "workclass=State-gov"))
                .pipeline(pipeline)
                .metrics(Map.of("auc", 0.91, "log_loss", 0.3))
                .files(
                        List.of(
                                new PackageFile("model.json", PackageFile.MODEL, DATA_SHA, 1234),
                                new PackageFile("eval/metrics.json", "evaluation", DATA_SHA, 10)))
                .build();
    }
}
