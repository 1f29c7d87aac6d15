package dev.slipway.serve.http;

import dev.slipway.api.SlipwayException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.registry.Provenance;
import dev.slipway.store.BlobId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One model version as the management API shows it: what the registry lists, and from the package's
 * manifest its training metrics, lineage, provenance and signature (whether or not the model is
 * served). Field names are snake_case.
 */
final class VersionJson {

    /** The metric a task is judged by first, for lists that show one number. */
    private static final List<String> HEADLINE = List.of("auc", "accuracy", "rmse", "r2");

    private VersionJson() {}

    /**
     * The manifests read so far, by blob: a stored manifest never changes, so listing every version
     * on each page load reads each one from the blob store once. Thread-safe; emptied when it holds
     * {@value #MAX}.
     */
    static final class Manifests {
        private static final int MAX = 1024;
        private final ModelRegistry registry;
        private final Map<BlobId, ModelManifest> cache = new ConcurrentHashMap<>();

        Manifests(ModelRegistry registry) {
            this.registry = registry;
        }

        ModelManifest of(ModelVersion v) {
            ModelManifest m = cache.get(v.manifest());
            if (m == null) {
                m = registry.manifest(v);
                if (cache.size() >= MAX) {
                    cache.clear();
                }
                cache.put(v.manifest(), m);
            }
            return m;
        }
    }

    /**
     * {@code v} with its manifest's contents; a manifest that cannot be read is named, not fatal.
     */
    static Map<String, Object> of(Manifests manifests, ModelVersion v) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", v.version());
        e.put("format", v.format());
        e.put("task", v.task().map(Task::label).orElse(null));
        e.put("created", v.created().toString());
        e.put("aliases", v.aliases());
        e.put("tags", v.tags());
        e.put("description", v.description());
        ModelManifest m;
        try {
            m = manifests.of(v);
        } catch (SlipwayException ex) {
            e.put("lineage", lineage(v, Optional.empty()));
            e.put("manifest_error", ex.getMessage());
            return e;
        }
        e.put("runtime", m.runtime());
        e.put("metrics", m.metrics());
        headline(m).ifPresent(h -> e.put("headline_metric", h));
        e.put("lineage", lineage(v, Optional.of(m.provenance())));
        e.put("provenance", provenance(m.provenance()));
        e.put("signature", signature(m.signature()));
        return e;
    }

    /** The signature as {@code {"inputs": [...], "outputs": [...]}}. */
    static Map<String, Object> signature(Signature s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputs", specs(s.inputs()));
        out.put("outputs", specs(s.outputs()));
        return out;
    }

    /** Columns as {@code [{"name", "datatype", "width", "labels"?}]}. */
    static List<Object> specs(List<ColumnSpec> specs) {
        List<Object> out = new ArrayList<>();
        for (ColumnSpec c : specs) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", c.name());
            e.put("datatype", c.dtype().protocolName());
            e.put("width", c.width());
            if (!c.labels().isEmpty()) {
                e.put("labels", c.labels());
            }
            out.add(e);
        }
        return out;
    }

    private static Optional<Map<String, Object>> headline(ModelManifest m) {
        for (String name : HEADLINE) {
            Double value = m.metrics().get(name);
            if (value != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("name", name);
                h.put("value", value);
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> lineage(ModelVersion v, Optional<Provenance> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.isPresent()) {
            switch (p.get().source()) {
                case Provenance.Trained t -> {
                    out.put("source", "trained");
                    out.put("run_id", t.runId());
                    out.put("dataset_name", t.datasetName());
                    out.put("dataset_version", t.datasetVersion());
                }
                case Provenance.Imported i -> {
                    out.put("source", "imported");
                    out.put("file_name", i.fileName());
                    out.put("sha256", i.sha256());
                }
            }
            return out;
        }
        // The manifest could not be read: what the registry recorded, when it recorded anything.
        out.put("source", v.lineage().runId().isPresent() ? "trained" : "unknown");
        v.lineage().runId().ifPresent(r -> out.put("run_id", r));
        v.lineage().datasetName().ifPresent(d -> out.put("dataset_name", d));
        v.lineage().datasetVersion().ifPresent(d -> out.put("dataset_version", d));
        return out;
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", p.created().toString());
        switch (p.source()) {
            case Provenance.Trained t -> {
                out.put("source", "trained");
                out.put("run_id", t.runId());
                out.put("dataset_name", t.datasetName());
                out.put("dataset_version", t.datasetVersion());
                out.put("dataset_sha256", t.datasetSha256());
                out.put("params", t.params());
                out.put("seed", t.seed());
                out.put("libraries", t.libraries());
                out.put("jvm", t.jvm());
                out.put("os", t.os());
            }
            case Provenance.Imported i -> {
                out.put("source", "imported");
                out.put("file_name", i.fileName());
                out.put("sha256", i.sha256());
            }
        }
        return out;
    }
}
