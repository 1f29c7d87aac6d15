package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.registry.ModelLineage;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import dev.slipway.registry.PackageFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How models, versions and manifests look, as JSON for scripts and as text for people. */
final class ModelViews {

    /** How many inputs a text view lists before it sums up the rest. */
    static final int SHOWN_INPUTS = 20;

    private ModelViews() {}

    static ObjectNode version(ModelVersion v) {
        ObjectNode n = Output.object();
        n.put("model", v.name());
        n.put("version", v.version());
        n.put("ref", v.toString());
        n.put("format", v.format());
        n.put("task", v.task().map(Task::label).orElse(null));
        n.put("created", v.created().toString());
        n.put("description", v.description());
        ArrayNode aliases = n.putArray("aliases");
        v.aliases().forEach(aliases::add);
        ObjectNode tags = n.putObject("tags");
        v.tags().forEach(tags::put);
        n.set("lineage", lineage(v.lineage()));
        return n;
    }

    static ObjectNode summary(ModelSummary s) {
        ObjectNode n = Output.object();
        n.put("model", s.name());
        n.put("description", s.description());
        n.put("created", s.created().toString());
        n.put("versions", s.versions());
        s.latest().ifPresentOrElse(v -> n.set("latest", version(v)), () -> n.putNull("latest"));
        ObjectNode aliases = n.putObject("aliases");
        s.aliases().forEach(aliases::put);
        ObjectNode tags = n.putObject("tags");
        s.tags().forEach(tags::put);
        return n;
    }

    /** The manifest as the package stores it (see {@link ModelManifest#toJson()}). */
    static ObjectNode manifest(ModelManifest m) {
        try {
            return (ObjectNode)
                    Output.JSON.readTree(new String(m.toJson(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest document is always JSON", e);
        }
    }

    private static ObjectNode lineage(ModelLineage l) {
        ObjectNode n = Output.object();
        n.put("run", l.runId().orElse(null));
        n.put("dataset", l.datasetName().orElse(null));
        n.put("dataset_version", l.datasetVersion().orElse(null));
        return n;
    }

    /** {@code champion->3, staging->4}. */
    static String aliases(Map<String, Integer> aliases) {
        return aliases.entrySet().stream()
                .map(e -> e.getKey() + "->" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code team=risk, stage=beta}. */
    static String tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code run 3f9a on adult@1b2c}, or {@code imported} without a run. */
    static String origin(ModelLineage l) {
        if (l.runId().isEmpty()) {
            return "imported";
        }
        String data =
                l.datasetName()
                        .map(d -> " on " + d + l.datasetVersion().map(x -> "@" + x).orElse(""))
                        .orElse("");
        return "run " + l.runId().get() + data;
    }

    static String task(ModelVersion v) {
        return v.task().map(Task::label).orElse("-");
    }

    /** {@code fp32}, or {@code fp32 x4} for a column of width 4. */
    static String type(ColumnSpec c) {
        String dtype = c.dtype().name().toLowerCase(Locale.ROOT);
        return c.width() == 1 ? dtype : dtype + " x" + c.width();
    }

    /** {@code float_input (fp32 x4)}. */
    static String describe(ColumnSpec c) {
        return c.name() + " (" + type(c) + ")";
    }

    /** The signature in a few words: {@code 126 inputs (fp32); outputs label (int64), ...}. */
    static String signatureLine(Signature s) {
        String inputTypes =
                s.inputs().stream()
                        .map(ModelViews::type)
                        .distinct()
                        .collect(Collectors.joining(", "));
        String outputs =
                s.outputs().stream().map(ModelViews::describe).collect(Collectors.joining(", "));
        return "%s (%s); outputs %s"
                .formatted(Output.count(s.inputs().size(), "input"), inputTypes, outputs);
    }

    /** The inputs and outputs as two tables, the inputs cut at {@link #SHOWN_INPUTS}. */
    static void printSignature(PrintWriter o, Signature s) {
        List<List<String>> rows = new ArrayList<>();
        for (ColumnSpec c : s.inputs().subList(0, Math.min(SHOWN_INPUTS, s.inputs().size()))) {
            rows.add(List.of(c.name(), type(c), String.join(", ", c.labels())));
        }
        Output.table(o, List.of("INPUT", "TYPE", "NAMES"), rows);
        if (s.inputs().size() > SHOWN_INPUTS) {
            o.printf(
                    "… and %d more inputs (--json lists every one)%n",
                    s.inputs().size() - SHOWN_INPUTS);
        }
        rows.clear();
        for (ColumnSpec c : s.outputs()) {
            rows.add(List.of(c.name(), type(c), String.join(", ", c.labels())));
        }
        Output.table(o, List.of("OUTPUT", "TYPE", "NAMES (classes)"), rows);
    }

    /** One line per raw column: {@code workclass one-hot 9 categories}. */
    static void printPipeline(PrintWriter o, FeaturePipeline p) {
        o.printf(
                "Feature pipeline: target %s, %s%s, unseen categories: %s%n",
                p.target(),
                p.classes().isEmpty() ? "no classes" : "classes " + String.join(", ", p.classes()),
                p.classes().size() == 2
                        ? ", %s when its probability >= %s"
                                .formatted(p.classes().get(1), RunViews.metric(p.threshold()))
                        : "",
                p.unseen().label());
        List<List<String>> rows = new ArrayList<>();
        for (FeatureColumn f : p.features()) {
            rows.add(
                    switch (f) {
                        case FeatureColumn.Numeric n -> List.of(n.column(), "numeric", "");
                        case FeatureColumn.OneHot h ->
                                List.of(h.column(), "one-hot", categories(h.categories().size()));
                    });
        }
        Output.table(o, List.of("COLUMN", "ENCODING", "FEATURES"), rows);
    }

    private static String categories(int n) {
        return n + (n == 1 ? " category" : " categories");
    }

    /** One line per file, with its whole sha256 (tables cut long cells). */
    static void printFiles(PrintWriter o, List<PackageFile> files) {
        int width = files.stream().mapToInt(f -> f.path().length()).max().orElse(0);
        for (PackageFile f : files) {
            o.printf(
                    Locale.ROOT,
                    "  %-" + width + "s  %-6s  %12s  sha256 %s%n",
                    f.path(),
                    f.role(),
                    Output.num(f.size()) + " B",
                    f.sha256());
        }
    }
}
