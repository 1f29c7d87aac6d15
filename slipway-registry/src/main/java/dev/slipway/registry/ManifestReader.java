package dev.slipway.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and validates a manifest document written by {@link ManifestWriter}: a document that is not
 * a valid manifest is corrupt, one from a newer format version is refused with both numbers.
 */
final class ManifestReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestReader() {}

    /** Where stored manifests come from, said in their error messages. */
    static final String STORED = "Restore the home folder from a backup, or delete the version";

    static ModelManifest read(byte[] json, String where) {
        return read(json, where, STORED);
    }

    /**
     * @param advice what to do about a corrupt manifest, a sentence
     */
    static ModelManifest read(byte[] json, String where, String advice) {
        Function<String, RuntimeException> corrupt =
                message ->
                        new CorruptDataException(
                                where,
                                "the manifest of %s is corrupt: %s. %s"
                                        .formatted(where, message, advice));
        JsonFields root = new JsonFields(parse(json, corrupt), "", corrupt);
        if (root.isNull("format") || !ModelManifest.FORMAT.equals(root.text("format"))) {
            throw corrupt.apply("it is not a model manifest (no \"format\": \"slipway.model\")");
        }
        int version = root.smallInteger("version");
        if (version > ModelManifest.VERSION) {
            throw new IncompatibleFormatException(
                    ModelManifest.FORMAT,
                    version,
                    ModelManifest.VERSION,
                    "the manifest of " + where);
        }
        if (version < 1) {
            throw corrupt.apply("format version " + version + " does not exist");
        }
        try {
            ModelManifest m = manifest(root);
            if (m.modelFile().isEmpty()) {
                throw corrupt.apply("no file has the role 'model'");
            }
            return m;
        } catch (InvalidInputException e) {
            throw corrupt.apply(e.getMessage());
        }
    }

    static Signature signature(String json, String source) {
        Function<String, RuntimeException> invalid =
                message ->
                        InvalidInputException.of(
                                source,
                                "%s is not a model signature: %s. Write {\"inputs\": [{\"name\": \"x\", \"dtype\": \"fp32\", \"width\": 1, \"labels\": []}], \"outputs\": [...]}"
                                        .formatted(source, message));
        JsonNode node = parse(json.getBytes(StandardCharsets.UTF_8), invalid);
        try {
            return signature(new JsonFields(node, "", invalid));
        } catch (InvalidInputException e) {
            if (e.source().equals(source)) {
                throw e;
            }
            throw invalid.apply(e.getMessage());
        }
    }

    private static JsonNode parse(byte[] json, Function<String, RuntimeException> error) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw error.apply("it is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw error.apply("it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw error.apply("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ModelManifest manifest(JsonFields root) {
        Optional<Task> task =
                root.isNull("task")
                        ? Optional.empty()
                        : Optional.of(Task.fromLabel(root.text("task")));
        Optional<FeaturePipeline> pipeline =
                root.isNull("feature_pipeline")
                        ? Optional.empty()
                        : Optional.of(pipeline(root.object("feature_pipeline")));
        List<PackageFile> files = new ArrayList<>();
        for (JsonFields f : root.objects("files")) {
            files.add(
                    new PackageFile(
                            f.text("path"), f.text("role"), f.text("sha256"), f.integer("size")));
        }
        return new ModelManifest(
                root.text("model_format"),
                root.text("runtime"),
                task,
                signature(root.object("signature")),
                root.strings("feature_names"),
                pipeline,
                provenance(root.object("provenance")),
                root.numberMap("metrics"),
                files);
    }

    private static Signature signature(JsonFields s) {
        return new Signature(columns(s.objects("inputs")), columns(s.objects("outputs")));
    }

    private static List<ColumnSpec> columns(List<JsonFields> specs) {
        List<ColumnSpec> out = new ArrayList<>();
        for (JsonFields c : specs) {
            out.add(
                    new ColumnSpec(
                            c.text("name"),
                            dtype(c, c.text("dtype")),
                            c.smallInteger("width"),
                            c.strings("labels")));
        }
        return out;
    }

    private static DType dtype(JsonFields c, String name) {
        for (DType t : DType.values()) {
            if (ManifestWriter.dtype(t).equals(name)) {
                return t;
            }
        }
        throw c.fail(
                "unknown dtype '%s'; expected bool, int64, fp32, fp64 or string".formatted(name));
    }

    private static FeaturePipeline pipeline(JsonFields p) {
        List<FeatureColumn> features = new ArrayList<>();
        for (JsonFields f : p.objects("features")) {
            String kind = f.text("kind");
            features.add(
                    switch (kind) {
                        case "numeric" -> new FeatureColumn.Numeric(f.text("column"));
                        case "one_hot" ->
                                new FeatureColumn.OneHot(f.text("column"), f.strings("categories"));
                        default ->
                                throw f.fail(
                                        "unknown feature kind '%s'; expected numeric or one_hot"
                                                .formatted(kind));
                    });
        }
        return new FeaturePipeline(
                features,
                UnseenCategoryPolicy.fromLabel(p.text("unseen_categories")),
                p.text("target"),
                p.strings("classes"),
                p.isNull("threshold") ? FeaturePipeline.DEFAULT_THRESHOLD : p.number("threshold"));
    }

    private static Provenance provenance(JsonFields p) {
        Instant created;
        try {
            created = Instant.parse(p.text("created"));
        } catch (DateTimeParseException e) {
            throw p.fail("'created' is not an ISO-8601 UTC time: " + p.text("created"));
        }
        JsonFields s = p.object("source");
        String kind = s.text("kind");
        Provenance.Source source =
                switch (kind) {
                    case "trained" ->
                            new Provenance.Trained(
                                    s.text("run_id"),
                                    s.text("dataset_name"),
                                    s.text("dataset_version"),
                                    s.text("dataset_sha256"),
                                    s.stringMap("params"),
                                    s.integer("seed"),
                                    s.stringMap("libraries"),
                                    s.text("jvm"),
                                    s.text("os"));
                    case "imported" ->
                            new Provenance.Imported(s.text("file_name"), s.text("sha256"));
                    default ->
                            throw s.fail(
                                    "unknown source kind '%s'; expected trained or imported"
                                            .formatted(kind));
                };
        return new Provenance(created, source);
    }
}
