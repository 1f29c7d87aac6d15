package dev.slipway.cli;

import dev.slipway.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models describe REF TEXT}. */
@Command(
        name = "describe",
        description = {
            "Set the description of a version when REF names one (NAME/3, NAME@ALIAS),",
            "else of the model itself. An empty TEXT clears it."
        },
        footer = {
            "",
            "Examples:",
            "  slipway models describe adult-income 'Predicts income above 50K from census data'",
            "  slipway models describe adult-income/3 'Retrained on the 2024 extract'"
        })
final class ModelsDescribeCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "REF", description = "NAME, NAME/VERSION or NAME@ALIAS.")
    String ref;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The description.")
    String text;

    @Override
    int run(Services services) {
        ModelRegistry registry = services.registry();
        ModelsTarget target = ModelsTarget.of(ref, registry);
        String description = text.strip();
        if (target.isModel()) {
            registry.describe(target.name(), description);
        } else {
            registry.describe(target.name(), target.version().getAsInt(), description);
        }
        if (json) {
            Output.json(
                    out(),
                    Output.object()
                            .put("target", target.ref())
                            .put("kind", target.isModel() ? "model" : "version")
                            .put("description", description));
            return ExitCode.OK;
        }
        out().printf(
                        description.isEmpty()
                                ? "Cleared the description of %s%n"
                                : "Described %s%n",
                        target);
        out().flush();
        return ExitCode.OK;
    }
}
