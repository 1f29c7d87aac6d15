package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models versions NAME}. */
@Command(
        name = "versions",
        description =
                "List every version of a model, oldest first, with aliases, tags and lineage.",
        footer = {"", "Example:", "  slipway models versions adult-income"})
final class ModelsVersionsCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Override
    int run(Services services) {
        List<ModelVersion> versions = services.registry().versions(ModelRef.requireValidName(name));
        if (json) {
            ArrayNode a = Output.array();
            versions.forEach(v -> a.add(ModelViews.version(v)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (versions.isEmpty()) {
            out().printf("Model %s has no versions left (every one was deleted).%n", name);
            out().flush();
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelVersion v : versions) {
            rows.add(
                    List.of(
                            String.valueOf(v.version()),
                            v.format(),
                            ModelViews.task(v),
                            String.join(", ", v.aliases()),
                            ModelViews.tags(v.tags()),
                            v.created().toString(),
                            ModelViews.origin(v.lineage()),
                            v.description()));
        }
        Output.table(
                out(),
                List.of(
                        "VERSION",
                        "FORMAT",
                        "TASK",
                        "ALIASES",
                        "TAGS",
                        "CREATED",
                        "FROM",
                        "DESCRIPTION"),
                rows);
        return ExitCode.OK;
    }
}
