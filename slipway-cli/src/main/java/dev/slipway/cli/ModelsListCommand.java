package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code slipway models list}. */
@Command(
        name = "list",
        description = "List the registered models with their latest version, aliases and tags.",
        footer = {
            "",
            "Examples:",
            "  slipway models list --json",
            "  slipway models list --server http://10.0.0.5:8080",
            "",
            "With --server: the server's registry, with the version it serves of each model;",
            "--json then prints the server's answer (GET /api/v1/models)."
        })
final class ModelsListCommand extends ServerOrHomeCommand {

    @Override
    int run(Services services) {
        List<ModelSummary> all = services.registry().list();
        if (json) {
            ArrayNode a = Output.array();
            all.forEach(s -> a.add(ModelViews.summary(s)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out().println(
                            "No models yet. Train one (slipway train --data NAME --target COLUMN) or import one (slipway models import FILE --name NAME).");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelSummary s : all) {
            Ver latest = s.latest().map(Ver::of).orElse(Ver.NONE);
            rows.add(
                    List.of(
                            s.name(),
                            latest.number,
                            String.valueOf(s.versions()),
                            latest.format,
                            latest.task,
                            ModelViews.aliases(s.aliases()),
                            ModelViews.tags(s.tags()),
                            s.created().toString()));
        }
        Output.table(
                out(),
                List.of(
                        "MODEL",
                        "LATEST",
                        "VERSIONS",
                        "FORMAT",
                        "TASK",
                        "ALIASES",
                        "TAGS",
                        "CREATED"),
                rows);
        return ExitCode.OK;
    }

    @Override
    int run(ServerClient client) {
        JsonNode all = client.get("/api/v1/models");
        if (json) {
            Output.json(out(), all);
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out().printf("The server at %s has no models yet.%n", client.url());
            out().flush();
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : all) {
            JsonNode versions = m.path("versions");
            JsonNode latest = Output.object();
            for (JsonNode v : versions) {
                if (v.path("version").asInt() > latest.path("version").asInt()) {
                    latest = v;
                }
            }
            JsonNode served = m.path("served");
            rows.add(
                    List.of(
                            m.path("name").asText(),
                            latest.path("version").isInt()
                                    ? String.valueOf(latest.path("version").asInt())
                                    : "-",
                            String.valueOf(versions.size()),
                            latest.path("format").asText("-"),
                            latest.path("task").isTextual()
                                    ? latest.path("task").asText().toLowerCase(Locale.ROOT)
                                    : "-",
                            ModelViews.aliases(ints(m.path("aliases"))),
                            ModelViews.tags(texts(m.path("tags"))),
                            served.isObject()
                                    ? served.path("ref").asText()
                                            + (served.path("version").isInt()
                                                    ? " (" + served.path("version").asInt() + ")"
                                                    : "")
                                    : "-"));
        }
        Output.table(
                out(),
                List.of(
                        "MODEL",
                        "LATEST",
                        "VERSIONS",
                        "FORMAT",
                        "TASK",
                        "ALIASES",
                        "TAGS",
                        "SERVED"),
                rows);
        return ExitCode.OK;
    }

    private static Map<String, Integer> ints(JsonNode object) {
        Map<String, Integer> m = new LinkedHashMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** What the table shows of the latest version. */
    private record Ver(String number, String format, String task) {
        static final Ver NONE = new Ver("-", "-", "-");

        static Ver of(ModelVersion v) {
            return new Ver(String.valueOf(v.version()), v.format(), ModelViews.task(v));
        }
    }
}
