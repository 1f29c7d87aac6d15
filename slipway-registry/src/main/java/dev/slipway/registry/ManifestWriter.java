package dev.slipway.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ModelManifest} as its JSON document: snake_case keys in a fixed order, absent
 * optional parts as {@code null}, maps sorted by key. The same manifest always gives the same
 * bytes.
 */
final class ManifestWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Explicit line ends, so that the bytes do not depend on the platform.
    private static final ObjectWriter WRITER =
            JSON.writer(
                    new DefaultPrettyPrinter()
                            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ManifestWriter() {}

    static byte[] write(ModelManifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ModelManifest.FORMAT);
        root.put("version", ModelManifest.VERSION);
        root.put("model_format", m.modelFormat());
        root.put("runtime", m.runtime());
        root.put("task", m.task().map(Task::label).orElse(null));
        root.set("signature", signature(m.signature()));
        strings(root.putArray("feature_names"), m.featureNames());
        root.set("feature_pipeline", m.pipeline().map(ManifestWriter::pipeline).orElse(null));
        root.set("provenance", provenance(m.provenance()));
        ObjectNode metrics = root.putObject("metrics");
        m.metrics().forEach(metrics::put);
        ArrayNode files = root.putArray("files");
        for (PackageFile f : m.files()) {
            files.addObject()
                    .put("path", f.path())
                    .put("role", f.role())
                    .put("sha256", f.sha256())
                    .put("size", f.size());
        }
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static ObjectNode signature(Signature s) {
        ObjectNode n = JSON.createObjectNode();
        columns(n.putArray("inputs"), s.inputs());
        columns(n.putArray("outputs"), s.outputs());
        return n;
    }

    static String dtype(DType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static void columns(ArrayNode array, List<ColumnSpec> specs) {
        for (ColumnSpec c : specs) {
            ObjectNode n = array.addObject();
            n.put("name", c.name());
            n.put("dtype", dtype(c.dtype()));
            n.put("width", c.width());
            strings(n.putArray("labels"), c.labels());
        }
    }

    private static ObjectNode pipeline(FeaturePipeline p) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode features = n.putArray("features");
        for (FeatureColumn f : p.features()) {
            ObjectNode c = features.addObject();
            switch (f) {
                case FeatureColumn.Numeric num ->
                        c.put("kind", "numeric").put("column", num.column());
                case FeatureColumn.OneHot oneHot -> {
                    c.put("kind", "one_hot").put("column", oneHot.column());
                    strings(c.putArray("categories"), oneHot.categories());
                }
            }
        }
        n.put("unseen_categories", p.unseen().label());
        n.put("target", p.target());
        strings(n.putArray("classes"), p.classes());
        if (p.threshold() != FeaturePipeline.DEFAULT_THRESHOLD) {
            n.put("threshold", p.threshold());
        }
        return n;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("created", p.created().toString());
        ObjectNode s = n.putObject("source");
        switch (p.source()) {
            case Provenance.Trained t -> {
                s.put("kind", "trained");
                s.put("run_id", t.runId());
                s.put("dataset_name", t.datasetName());
                s.put("dataset_version", t.datasetVersion());
                s.put("dataset_sha256", t.datasetSha256());
                map(s.putObject("params"), t.params());
                s.put("seed", t.seed());
                map(s.putObject("libraries"), t.libraries());
                s.put("jvm", t.jvm());
                s.put("os", t.os());
            }
            case Provenance.Imported i -> {
                s.put("kind", "imported");
                s.put("file_name", i.fileName());
                s.put("sha256", i.sha256());
            }
        }
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void map(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }
}
