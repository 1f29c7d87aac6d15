package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models alias delete NAME ALIAS}. */
@Command(
        name = "delete",
        description = "Delete ALIAS of model NAME; the version it pointed to stays.",
        footer = {"", "Example:", "  slipway models alias delete adult-income staging"})
final class ModelsAliasDeleteCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias.")
    String alias;

    @Override
    int run(Services services) {
        int was = services.registry().deleteAlias(name, alias);
        if (json) {
            Output.json(
                    out(),
                    Output.object()
                            .put("model", name)
                            .put("alias", alias)
                            .put("deleted", true)
                            .put("version", was));
            return ExitCode.OK;
        }
        out().printf("Deleted %s@%s (it pointed to %s/%d)%n", name, alias, name, was);
        out().flush();
        return ExitCode.OK;
    }
}
