package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway server unload NAME}. */
@Command(
        name = "unload",
        description =
                "Stop serving model NAME: requests in flight finish, later ones get 404. The registry keeps the model; 'slipway server load NAME' serves it again.",
        footer = {"", "Example:", "  slipway server unload adult-income"})
final class ServerUnloadCommand extends ServerClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Override
    int run(ServerClient client) {
        var answer = client.post(ServerCommand.modelPath(name) + "/unload", Output.object());
        if (json) {
            Output.json(out(), answer);
            return ExitCode.OK;
        }
        out().printf(
                        "Unloaded %s: the server at %s no longer serves it (the registry keeps it).%n",
                        name, client.url());
        out().flush();
        return ExitCode.OK;
    }
}
