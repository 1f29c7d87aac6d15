package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code slipway server models}. */
@Command(
        name = "models",
        description =
                "List the models the server serves: the reference each follows, the version answering, its state and last load error.",
        footer = {
            "",
            "Examples:",
            "  slipway server models",
            "  slipway server models --server http://10.0.0.5:8080 --json",
            "",
            "'slipway models list --server URL' lists every model of the server's registry."
        })
final class ServerModelsCommand extends ServerClientCommand {

    @Override
    int run(ServerClient client) {
        JsonNode models = client.get("/api/v1/server").path("models");
        if (json) {
            Output.json(out(), models);
            return ExitCode.OK;
        }
        if (models.isEmpty()) {
            out().printf(
                            "Server %s serves no model. Load one with 'slipway server load NAME --ref NAME@champion'.%n",
                            client.url());
            out().flush();
            return ExitCode.OK;
        }
        Output.table(out(), ServerCommand.HEADER, ServerCommand.rows(models));
        return ExitCode.OK;
    }
}
