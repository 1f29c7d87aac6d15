package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code slipway models list}. */
@Command(
        name = "list",
        description = "List the registered models with their latest version, aliases and tags.",
        footer = {"", "Example:", "  slipway models list --json"})
final class ModelsListCommand extends LayerCommand {

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

    /** What the table shows of the latest version. */
    private record Ver(String number, String format, String task) {
        static final Ver NONE = new Ver("-", "-", "-");

        static Ver of(ModelVersion v) {
            return new Ver(String.valueOf(v.version()), v.format(), ModelViews.task(v));
        }
    }
}
