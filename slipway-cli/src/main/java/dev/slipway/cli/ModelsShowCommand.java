package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import dev.slipway.registry.Provenance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models show REF}. */
@Command(
        name = "show",
        description = {
            "Show a model version: format, signature, feature pipeline, metrics, lineage,",
            "provenance and the package's files with their sha256."
        },
        footer = {
            "",
            "Examples:",
            "  slipway models show adult-income",
            "  slipway models show adult-income/3",
            "  slipway models show adult-income@champion --json"
        })
final class ModelsShowCommand extends LayerCommand {

    @Parameters(
            index = "0",
            paramLabel = "REF",
            description = "NAME (the latest version), NAME/VERSION or NAME@ALIAS.")
    String ref;

    @Override
    int run(Services services) {
        ModelVersion v = services.registry().resolve(ModelRef.parse(ref));
        ModelManifest m = services.registry().manifest(v);
        ModelSummary model = services.registry().model(v.name());
        if (json) {
            ObjectNode n = ModelViews.version(v);
            n.put("latest", model.latest().map(l -> l.version() == v.version()).orElse(false));
            n.put("model_description", model.description());
            ObjectNode tags = n.putObject("model_tags");
            model.tags().forEach(tags::put);
            n.set("manifest", ModelViews.manifest(m));
            Output.json(out(), n);
            return ExitCode.OK;
        }
        PrintWriter o = out();
        printHeader(o, v, m, model);
        o.println();
        o.println("Signature: " + ModelViews.signatureLine(m.signature()));
        ModelViews.printSignature(o, m.signature());
        m.pipeline()
                .ifPresent(
                        p -> {
                            o.println();
                            ModelViews.printPipeline(o, p);
                        });
        o.println();
        o.println(
                "Metrics: "
                        + (m.metrics().isEmpty()
                                ? "none recorded"
                                : String.join("  ", metrics(m))));
        printLineage(o, v);
        printProvenance(o, m.provenance());
        o.println();
        o.println("Files:");
        ModelViews.printFiles(o, m.files());
        o.flush();
        return ExitCode.OK;
    }

    private static void printHeader(
            PrintWriter o, ModelVersion v, ModelManifest m, ModelSummary model) {
        String latest =
                model.latest()
                        .map(l -> l.version() == v.version() ? "the latest" : "latest is " + l)
                        .orElse("");
        o.printf("%s  (%s of %s)%n", v, latest, Output.count(model.versions(), "version"));
        o.printf(
                "  aliases:     %s%n",
                v.aliases().isEmpty() ? "none" : String.join(", ", v.aliases()));
        o.printf("  format:      %s, runtime %s%n", m.modelFormat(), m.runtime());
        o.printf("  task:        %s%n", ModelViews.task(v));
        o.printf("  created:     %s%n", v.created());
        if (!v.description().isEmpty()) {
            o.printf("  description: %s%n", v.description());
        }
        if (!v.tags().isEmpty()) {
            o.printf("  tags:        %s%n", ModelViews.tags(v.tags()));
        }
        if (!model.description().isEmpty()) {
            o.printf("  model:       %s%n", model.description());
        }
        if (!model.tags().isEmpty()) {
            o.printf("  model tags:  %s%n", ModelViews.tags(model.tags()));
        }
    }

    private static List<String> metrics(ModelManifest m) {
        List<String> out = new ArrayList<>();
        m.metrics().forEach((k, x) -> out.add(k + " " + Output.num(x)));
        return out;
    }

    private static void printLineage(PrintWriter o, ModelVersion v) {
        var l = v.lineage();
        if (l.runId().isEmpty() && l.datasetName().isEmpty()) {
            return;
        }
        o.println();
        o.println("Lineage:");
        l.runId().ifPresent(r -> o.printf("  run:     %s   (slipway runs show %s)%n", r, r));
        l.datasetName()
                .ifPresent(
                        d -> {
                            String dv = d + l.datasetVersion().map(x -> "@" + x).orElse("");
                            o.printf("  dataset: %s   (slipway data show %s)%n", dv, dv);
                        });
    }

    private static void printProvenance(PrintWriter o, Provenance p) {
        o.println();
        switch (p.source()) {
            case Provenance.Trained t -> {
                o.printf("Provenance: trained by Slipway, %s%n", p.created());
                o.printf(
                        "  data:      %s@%s, sha256 %s%n",
                        t.datasetName(), t.datasetVersion(), t.datasetSha256());
                o.printf("  seed:      %d%n", t.seed());
                o.printf("  params:    %s%n", ModelViews.tags(t.params()));
                o.printf("  libraries: %s%n", ModelViews.tags(t.libraries()));
                o.printf("  JVM:       %s%n", t.jvm());
                o.printf("  OS:        %s%n", t.os());
            }
            case Provenance.Imported i -> {
                o.printf("Provenance: imported, %s%n", p.created());
                o.printf("  file:      %s%n", i.fileName());
                o.printf("  sha256:    %s%n", i.sha256());
            }
        }
    }
}
