package dev.slipway.registry;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The manifest of a model package: what the model is, what it takes and returns, where it came
 * from, how well it did, and the files of the package with their hashes. Stored as a versioned JSON
 * document ({@code "format": "slipway.model"}); see {@link #toJson()}. Immutable.
 *
 * @param modelFormat the name of the {@link dev.slipway.api.model.ModelFormat} that loads the model
 *     file, e.g. {@code xgboost}
 * @param runtime the library and version that evaluates it, from {@link
 *     dev.slipway.api.model.ModelFormat#runtime()}
 * @param task what the model predicts; empty for an imported model whose task is not known
 * @param signature what the loaded model takes and returns; with a feature pipeline, the raw
 *     records it takes and the class names it returns
 * @param featureNames the feature names to load the model file with, in order; empty to keep the
 *     file's own
 * @param pipeline how raw records become the model's features, when the model was trained on them
 * @param provenance where the model came from
 * @param metrics summary metrics by name (e.g. {@code auc}), sorted by name; finite numbers only
 * @param files the package's files; exactly one has the role {@link PackageFile#MODEL} once
 *     registered, none before
 */
public record ModelManifest(
        String modelFormat,
        String runtime,
        Optional<Task> task,
        Signature signature,
        List<String> featureNames,
        Optional<FeaturePipeline> pipeline,
        Provenance provenance,
        Map<String, Double> metrics,
        List<PackageFile> files) {

    /** The document format name written in every manifest. */
    public static final String FORMAT = "slipway.model";

    /** The newest manifest format version this build writes and reads. */
    public static final int VERSION = 1;

    private static final Pattern FORMAT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ModelManifest {
        Objects.requireNonNull(modelFormat, "modelFormat");
        if (!FORMAT_NAME.matcher(modelFormat).matches()) {
            throw InvalidInputException.of(
                    "manifest",
                    "'%s' is not a model format name: use lower-case letters, digits, '.', '_' or '-' (e.g. xgboost)"
                            .formatted(modelFormat));
        }
        if (runtime == null || runtime.isBlank()) {
            throw InvalidInputException.of(
                    "manifest",
                    "the manifest of a %s model needs its runtime".formatted(modelFormat));
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(signature, "signature");
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(provenance, "provenance");
        metrics = checkMetrics(metrics);
        files = List.copyOf(files);
        checkFiles(files);
    }

    /** A builder for a manifest with the required parts; the rest start empty. */
    public static Builder builder(
            String modelFormat, String runtime, Signature signature, Provenance provenance) {
        return new Builder(modelFormat, runtime, signature, provenance);
    }

    /** The same manifest with other files. */
    public ModelManifest withFiles(List<PackageFile> newFiles) {
        return new ModelManifest(
                modelFormat,
                runtime,
                task,
                signature,
                featureNames,
                pipeline,
                provenance,
                metrics,
                newFiles);
    }

    /** The file with the role {@link PackageFile#MODEL}, if the manifest lists one. */
    public Optional<PackageFile> modelFile() {
        return files.stream().filter(f -> f.role().equals(PackageFile.MODEL)).findFirst();
    }

    /** The file at {@code path} in the package, if there is one. */
    public Optional<PackageFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The manifest as its stored JSON document (UTF-8, keys in a fixed order). */
    public byte[] toJson() {
        return ManifestWriter.write(this);
    }

    /**
     * Reads a stored manifest document.
     *
     * @param where names the document in messages, e.g. {@code adult-income/3}
     * @throws IncompatibleFormatException when it was written in a newer format version, naming
     *     both version numbers
     * @throws CorruptDataException when it is not a valid manifest
     */
    public static ModelManifest fromJson(byte[] json, String where) {
        return ManifestReader.read(json, where);
    }

    /**
     * Reads a signature written as in a manifest: {@code {"inputs": [{"name", "dtype", "width",
     * "labels"}], "outputs": [...]}}, with dtypes {@code bool}, {@code int64}, {@code fp32}, {@code
     * fp64}, {@code string}.
     *
     * @param source names the document in messages, e.g. a file path
     * @throws InvalidInputException when it is not such a document, saying what is wrong where
     */
    public static Signature signatureFromJson(String json, String source) {
        return ManifestReader.signature(json, source);
    }

    private static Map<String, Double> checkMetrics(Map<String, Double> metrics) {
        TreeMap<String, Double> sorted = new TreeMap<>(metrics);
        sorted.forEach(
                (name, value) -> {
                    if (name.isBlank() || value == null || !Double.isFinite(value)) {
                        throw InvalidInputException.of(
                                "metrics",
                                "metric '%s' is %s; a manifest keeps named, finite metrics only: leave out a metric that is undefined"
                                        .formatted(name, value));
                    }
                });
        return Collections.unmodifiableMap(sorted);
    }

    private static void checkFiles(List<PackageFile> files) {
        Set<String> paths = new HashSet<>();
        List<String> models = new ArrayList<>();
        for (PackageFile f : files) {
            if (!paths.add(f.path())) {
                throw InvalidInputException.of(
                        f.path(), "file '%s' appears twice in the package".formatted(f.path()));
            }
            if (f.role().equals(PackageFile.MODEL)) {
                models.add(f.path());
            }
        }
        if (models.size() > 1) {
            throw InvalidInputException.of(
                    "files",
                    "a package has one model file, but %s all have the role 'model'; give the others another role"
                            .formatted(models));
        }
    }

    /** Builds a {@link ModelManifest}; not thread-safe. */
    public static final class Builder {
        private final String modelFormat;
        private final String runtime;
        private final Signature signature;
        private final Provenance provenance;
        private Optional<Task> task = Optional.empty();
        private List<String> featureNames = List.of();
        private Optional<FeaturePipeline> pipeline = Optional.empty();
        private Map<String, Double> metrics = Map.of();
        private List<PackageFile> files = List.of();

        private Builder(
                String modelFormat, String runtime, Signature signature, Provenance provenance) {
            this.modelFormat = modelFormat;
            this.runtime = runtime;
            this.signature = signature;
            this.provenance = provenance;
        }

        /** What the model predicts. */
        public Builder task(Task value) {
            this.task = Optional.of(value);
            return this;
        }

        /** The feature names to load the model file with. */
        public Builder featureNames(List<String> value) {
            this.featureNames = List.copyOf(value);
            return this;
        }

        /** The feature pipeline in front of the model. */
        public Builder pipeline(FeaturePipeline value) {
            this.pipeline = Optional.of(value);
            return this;
        }

        /** The summary metrics. */
        public Builder metrics(Map<String, Double> value) {
            this.metrics = Map.copyOf(value);
            return this;
        }

        /** The package's files; leave empty when registering. */
        public Builder files(List<PackageFile> value) {
            this.files = List.copyOf(value);
            return this;
        }

        /** The manifest. */
        public ModelManifest build() {
            return new ModelManifest(
                    modelFormat,
                    runtime,
                    task,
                    signature,
                    featureNames,
                    pipeline,
                    provenance,
                    metrics,
                    files);
        }
    }
}
